package io.purseguard.casework;

import io.purseguard.warning.FraudType;
import java.util.ArrayList;
import java.util.List;

/**
 * Suggests a fraud type from a narrative: the naive Bayes model's scores blended with the keyword
 * rules' hits, as probabilities; the reasons name the words that point to the suggested type and
 * how much the model alone favours it; the runner-up is given when it is at least
 * {@link #RUNNER_UP_FROM} probable. Immutable: retraining builds a new one.
 */
final class FraudTypeClassifier {

    /** How much each keyword hit (up to {@link #MAX_HITS}) adds to a type's score. */
    static final double RULE_WEIGHT = 1.0;

    static final int MAX_HITS = 4;

    /** A second type at least this probable is close enough to name as the runner-up. */
    static final double RUNNER_UP_FROM = 0.2;

    private static final FraudType[] TYPES = FraudType.values();

    private final NaiveBayes model;
    private final int examples;

    private FraudTypeClassifier(NaiveBayes model, int examples) {
        this.model = model;
        this.examples = examples;
    }

    static FraudTypeClassifier train(List<NaiveBayes.Example> examples) {
        return new FraudTypeClassifier(NaiveBayes.train(examples), examples.size());
    }

    int examples() {
        return examples;
    }

    FraudTypeSuggestion suggest(String narrative) {
        var text = Widths.fold(narrative == null ? "" : narrative);
        var nb = model.scores(text);
        var hits = new ArrayList<List<String>>(TYPES.length);
        var z = new double[TYPES.length];
        for (int t = 0; t < TYPES.length; t++) {
            var found = KeywordRules.hits(TYPES[t], text);
            hits.add(found);
            z[t] = nb[t] + RULE_WEIGHT * Math.min(found.size(), MAX_HITS);
        }
        var p = softmax(z);
        var pModel = softmax(nb);
        int best = 0;
        int second = -1;
        for (int t = 1; t < p.length; t++) {
            if (p[t] > p[best]) {
                second = best;
                best = t;
            } else if (second < 0 || p[t] > p[second]) {
                second = t;
            }
        }
        var type = TYPES[best];
        var reasons = new ArrayList<String>();
        var rule = KeywordRules.of(type);
        if (!hits.get(best).isEmpty()) {
            reasons.add("提到"
                    + String.join(
                            "",
                            hits.get(best).stream()
                                    .limit(5)
                                    .map(w -> "‘" + w + "’")
                                    .toList()) + " → " + rule.zh());
        }
        reasons.add(String.format("文字特征与%s案例最接近（统计模型 %.0f%%）", rule.zh(), pModel[best] * 100));
        var runnerUp = second >= 0 && p[second] >= RUNNER_UP_FROM ? TYPES[second] : null;
        if (runnerUp != null && !hits.get(second).isEmpty()) {
            reasons.add("也提到"
                    + String.join(
                            "",
                            hits.get(second).stream()
                                    .limit(3)
                                    .map(w -> "‘" + w + "’")
                                    .toList()) + "，可能是"
                    + KeywordRules.of(runnerUp).zh());
        }
        return new FraudTypeSuggestion(type, Math.round(p[best] * 1000) / 1000.0, List.copyOf(reasons), runnerUp);
    }

    private static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        var p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
