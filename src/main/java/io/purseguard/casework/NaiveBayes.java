package io.purseguard.casework;

import io.purseguard.warning.FraudType;
import java.util.Arrays;
import java.util.List;

/**
 * A multinomial naive Bayes model over character bigrams and trigrams (each counted once per
 * narrative): Chinese needs no segmenter for this, and n-grams catch words and their variants alike
 * ("返佣", "返还佣金"). Digits are folded to 0 and Latin letters to lower case, so that numbers and ids
 * weigh as shapes, not values. A gram is a {@code long} (its 16-bit characters side by side) in an
 * open-addressing table, so reading a narrative allocates next to nothing.
 */
final class NaiveBayes {

    /** A labelled narrative. */
    record Example(FraudType type, String text) {}

    private static final FraudType[] TYPES = FraudType.values();
    private static final double ALPHA = 0.3;

    private final long[] keys;
    private final double[][] rows;
    private final int mask;

    private NaiveBayes(long[] keys, double[][] rows) {
        this.keys = keys;
        this.rows = rows;
        this.mask = keys.length - 1;
    }

    static NaiveBayes train(List<Example> examples) {
        int k = TYPES.length;
        var counts = new java.util.HashMap<Long, int[]>();
        var totals = new long[k];
        for (var example : examples) {
            int t = example.type().ordinal();
            for (long gram : grams(example.text())) {
                counts.computeIfAbsent(gram, g -> new int[k])[t]++;
                totals[t]++;
            }
        }
        int vocabulary = counts.size();
        int capacity = Integer.highestOneBit(Math.max(16, vocabulary * 2)) << 1;
        var keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        var rows = new double[capacity][];
        counts.forEach((gram, c) -> {
            var row = new double[k];
            for (int t = 0; t < k; t++) {
                row[t] = Math.log((c[t] + ALPHA) / (totals[t] + ALPHA * vocabulary));
            }
            int slot = slot(keys, capacity - 1, gram);
            keys[slot] = gram;
            rows[slot] = row;
        });
        return new NaiveBayes(keys, rows);
    }

    /**
     * Log scores per type (ordinal order), averaged over the grams seen: long and short narratives weigh
     * alike, and the keyword rules' hits (worth about one such unit each) can outweigh a model that
     * has not met the sentence before.
     */
    double[] scores(String text) {
        var scores = new double[TYPES.length];
        int known = 0;
        for (long gram : grams(text)) {
            var row = rows[slot(keys, mask, gram)];
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

    private static final long EMPTY = -1L;

    private static int slot(long[] keys, int mask, long gram) {
        int slot = (int) (mix(gram) & mask);
        while (keys[slot] != EMPTY && keys[slot] != gram) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }

    /** The narrative's distinct bigrams and trigrams, as longs (bigrams tagged apart from trigrams). */
    static long[] grams(String raw) {
        var text = shape(raw);
        int n = text.length();
        var grams = new long[Math.max(0, 2 * n - 3)];
        int count = 0;
        for (int i = 0; i + 2 <= n; i++) {
            long two = ((long) text.charAt(i) << 16) | text.charAt(i + 1);
            grams[count++] = two | (1L << 48);
            if (i + 3 <= n) {
                grams[count++] = (two << 16) | text.charAt(i + 2);
            }
        }
        Arrays.sort(grams, 0, count);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (distinct == 0 || grams[distinct - 1] != grams[i]) {
                grams[distinct++] = grams[i];
            }
        }
        return Arrays.copyOf(grams, distinct);
    }

    private static String shape(String raw) {
        var out = new StringBuilder(raw.length());
        char last = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = Widths.fold(raw.charAt(i));
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
