package io.purseguard.casework;

import io.purseguard.warning.FraudType;
import java.util.List;

/**
 * Scores a classifier on labelled narratives it was not trained on: the confusion matrix, per-class
 * precision, recall and F1, and their macro average (every type weighs the same, however rare).
 */
record ClassifierEvaluation(int[][] confusion, double[] precision, double[] recall, double[] f1, double macroF1) {

    private static final FraudType[] TYPES = FraudType.values();

    static ClassifierEvaluation of(FraudTypeClassifier classifier, List<NaiveBayes.Example> heldOut) {
        int k = TYPES.length;
        var confusion = new int[k][k];
        for (var example : heldOut) {
            confusion[example.type().ordinal()][
                    classifier.suggest(example.text()).code().ordinal()]++;
        }
        var precision = new double[k];
        var recall = new double[k];
        var f1 = new double[k];
        double sum = 0;
        for (int t = 0; t < k; t++) {
            int tp = confusion[t][t];
            int predicted = 0;
            int actual = 0;
            for (int o = 0; o < k; o++) {
                predicted += confusion[o][t];
                actual += confusion[t][o];
            }
            precision[t] = predicted == 0 ? 0 : (double) tp / predicted;
            recall[t] = actual == 0 ? 0 : (double) tp / actual;
            f1[t] = precision[t] + recall[t] == 0 ? 0 : 2 * precision[t] * recall[t] / (precision[t] + recall[t]);
            sum += f1[t];
        }
        return new ClassifierEvaluation(confusion, precision, recall, f1, sum / k);
    }

    /** The report the training command prints. */
    String report() {
        var out = new StringBuilder();
        out.append(String.format("macro-F1 = %.4f%n%n", macroF1));
        out.append(String.format("%-26s %6s %6s %6s%n", "type", "P", "R", "F1"));
        for (int t = 0; t < TYPES.length; t++) {
            out.append(String.format("%-26s %6.3f %6.3f %6.3f%n", TYPES[t], precision[t], recall[t], f1[t]));
        }
        out.append("\nconfusion (rows: true type, columns: predicted, in the order above)\n");
        for (int t = 0; t < TYPES.length; t++) {
            out.append(String.format("%-26s", TYPES[t]));
            for (int o = 0; o < TYPES.length; o++) {
                out.append(String.format("%4d", confusion[t][o]));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
