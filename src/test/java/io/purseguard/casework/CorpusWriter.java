package io.purseguard.casework;

import io.purseguard.warning.FraudType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Random;

/**
 * Writes the classifier's corpus, {@code src/main/resources/casework/narratives.tsv}: for each fraud
 * type {@value #TRAIN} training narratives and {@value #HELD_OUT} held-out ones, whose type-specific
 * sentences come from phrase variants the training narratives never use. Deterministic (seed
 * {@value #SEED}). Run:
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.purseguard.casework.CorpusWriter</pre>
 */
public final class CorpusWriter {

    static final int TRAIN = 100;
    static final int HELD_OUT = 40;
    static final long SEED = 20261204;

    public static void main(String[] args) throws IOException {
        var random = new Random(SEED);
        var lines = new ArrayList<String>();
        lines.add("# split\ttype\tnarrative · written by io.purseguard.casework.CorpusWriter (seed " + SEED + ")");
        for (var type : FraudType.values()) {
            for (int i = 0; i < TRAIN + HELD_OUT; i++) {
                var split = i < TRAIN ? NarrativeGenerator.Split.TRAIN : NarrativeGenerator.Split.HELD_OUT;
                var narrative = NarrativeGenerator.generate(type, null, random, split);
                lines.add(split + "\t" + type + "\t" + narrative.text());
            }
        }
        var file = Path.of(args.length > 0 ? args[0] : "src/main/resources/casework/narratives.tsv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        System.out.println("wrote " + (lines.size() - 1) + " narratives to " + file);
    }
}
