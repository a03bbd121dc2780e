package io.purseguard.casework;

/**
 * Retrains the fraud-type classifier on the shipped corpus's training split and prints macro-F1,
 * per-class scores and the confusion matrix on the held-out split. Run:
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.purseguard.casework.TrainClassifier</pre>
 *
 * (The application trains the same way at its first analysis, plus the officers' stored corrections.)
 */
public final class TrainClassifier {

    public static void main(String[] args) {
        long start = System.nanoTime();
        var corpus = TrainingCorpus.load();
        var classifier = FraudTypeClassifier.train(corpus.train());
        long trained = System.nanoTime();
        var evaluation = ClassifierEvaluation.of(classifier, corpus.heldOut());
        System.out.printf(
                "trained on %d narratives in %d ms; held-out %d narratives%n",
                corpus.train().size(),
                (trained - start) / 1_000_000,
                corpus.heldOut().size());
        System.out.println(evaluation.report());
    }
}
