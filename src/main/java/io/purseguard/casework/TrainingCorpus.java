package io.purseguard.casework;

import io.purseguard.warning.FraudType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The shipped corpus, {@code casework/narratives.tsv}: one narrative a line, {@code split TAB type TAB
 * text}, written by {@link NarrativeGenerator} (the command is in docs/benchmarks.md). The classifier
 * trains on the {@code TRAIN} lines plus the officers' corrections; the {@code HELD_OUT} lines only
 * ever score it.
 */
final class TrainingCorpus {

    static final String RESOURCE = "/casework/narratives.tsv";

    record Split(List<NaiveBayes.Example> train, List<NaiveBayes.Example> heldOut) {}

    private TrainingCorpus() {}

    static Split load() {
        var train = new ArrayList<NaiveBayes.Example>();
        var heldOut = new ArrayList<NaiveBayes.Example>();
        var stream = TrainingCorpus.class.getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException(RESOURCE + " is missing");
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                var cells = line.split("\t", 3);
                if (cells.length < 3 || line.startsWith("#")) {
                    continue;
                }
                var example = new NaiveBayes.Example(FraudType.valueOf(cells[1]), cells[2]);
                (cells[0].equals("HELD_OUT") ? heldOut : train).add(example);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Split(List.copyOf(train), List.copyOf(heldOut));
    }
}
