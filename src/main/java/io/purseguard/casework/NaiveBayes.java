package io.purseguard.casework;

import io.purseguard.warning.FraudType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A multinomial naive Bayes model over character bigrams and trigrams (each counted once per
 * narrative): Chinese needs no segmenter for this, and n-grams catch words and their variants alike
 * ("返佣", "返还佣金"). Digits are folded to 0 and Latin letters to lower case, so that numbers and ids
 * weigh as shapes, not values.
 */
final class NaiveBayes {

    /** A labelled narrative. */
    record Example(FraudType type, String text) {}

    private static final FraudType[] TYPES = FraudType.values();
    private static final double ALPHA = 0.3;

    private final Map<String, double[]> logLikelihood;
    private final double[] logPrior;

    private NaiveBayes(Map<String, double[]> logLikelihood, double[] logPrior) {
        this.logLikelihood = logLikelihood;
        this.logPrior = logPrior;
    }

    static NaiveBayes train(List<Example> examples) {
        int k = TYPES.length;
        var counts = new HashMap<String, int[]>();
        var totals = new long[k];
        for (var example : examples) {
            int t = example.type().ordinal();
            for (var gram : grams(example.text())) {
                counts.computeIfAbsent(gram, g -> new int[k])[t]++;
                totals[t]++;
            }
        }
        int vocabulary = counts.size();
        var logPrior = new double[k];
        for (int t = 0; t < k; t++) {
            // uniform priors: the corpus is balanced by construction, real case mixes are not
            logPrior[t] = 0;
        }
        var likelihood = new HashMap<String, double[]>(counts.size() * 2);
        counts.forEach((gram, c) -> {
            var row = new double[k];
            for (int t = 0; t < k; t++) {
                row[t] = Math.log((c[t] + ALPHA) / (totals[t] + ALPHA * vocabulary));
            }
            likelihood.put(gram, row);
        });
        return new NaiveBayes(likelihood, logPrior);
    }

    /**
     * Log scores per type (ordinal order), averaged over the grams seen: long and short narratives weigh
     * alike, and the keyword rules' hits (worth about one such unit each) can outweigh a model that
     * has not met the sentence before.
     */
    double[] scores(String text) {
        var scores = logPrior.clone();
        int known = 0;
        for (var gram : grams(text)) {
            var row = logLikelihood.get(gram);
            if (row == null) {
                continue;
            }
            known++;
            for (int t = 0; t < scores.length; t++) {
                scores[t] += row[t];
            }
        }
        if (known > 0) {
            for (int t = 0; t < scores.length; t++) {
                scores[t] /= known;
            }
        }
        return scores;
    }

    static Set<String> grams(String raw) {
        var text = shape(raw);
        var grams = new HashSet<String>(text.length() * 2);
        for (int i = 0; i + 2 <= text.length(); i++) {
            grams.add(text.substring(i, i + 2));
            if (i + 3 <= text.length()) {
                grams.add(text.substring(i, i + 3));
            }
        }
        return grams;
    }

    private static String shape(String raw) {
        var folded = Widths.fold(raw);
        var out = new StringBuilder(folded.length());
        char last = 0;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c >= '0' && c <= '9') {
                c = '0';
            } else if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            } else if (Character.isWhitespace(c)) {
                continue;
            }
            // runs of one digit or letter shape collapse: a card and a QQ number look alike
            if (c == '0' && last == '0' || c >= 'a' && c <= 'z' && last >= 'a' && last <= 'z') {
                continue;
            }
            out.append(c);
            last = c;
        }
        return out.toString();
    }
}
