package io.purseguard.casework;

import io.purseguard.warning.FraudType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads a narrative: every identifier and amount in it, the loss it states, and a suggested fraud
 * type with its reasons. The classifier is trained on the shipped corpus plus every correction
 * officers stored ({@code casework.type_example}); a correction retrains it in the background, and
 * until then the previous model answers.
 */
@Service
public class NarrativeAnalyzer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NarrativeAnalyzer.class);

    private final JdbcClient jdbc;
    private final ExecutorService retrainer = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "fraud-type-training");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean retrainQueued = new AtomicBoolean();
    private volatile FraudTypeClassifier classifier;

    NarrativeAnalyzer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public NarrativeAnalysis analyze(String narrative) {
        return analyze(classifier(), narrative);
    }

    /** The whole reading with a given classifier: what the benchmark times. */
    static NarrativeAnalysis analyze(FraudTypeClassifier classifier, String narrative) {
        var text = narrative == null ? "" : narrative;
        var identifiers = IdentifierExtractor.extract(text);
        var amounts = AmountExtractor.extract(text, identifiers);
        return new NarrativeAnalysis(
                classifier.suggest(text), identifiers, amounts, AmountExtractor.loss(text, amounts));
    }

    /** The identifiers alone (an import or a draft needs no type suggestion). */
    public List<FoundIdentifier> identifiers(String narrative) {
        return IdentifierExtractor.extract(narrative == null ? "" : narrative);
    }

    /** The type alone. */
    public FraudTypeSuggestion suggest(String narrative) {
        return classifier().suggest(narrative == null ? "" : narrative);
    }

    /** How many labelled narratives the current model learnt from (corpus and corrections). */
    public int trainedOn() {
        return classifier().examples();
    }

    /** Queues a retraining with the stored corrections; several corrections at once retrain once. */
    public void retrainSoon() {
        if (retrainQueued.compareAndSet(false, true)) {
            retrainer.submit(() -> {
                retrainQueued.set(false);
                try {
                    classifier = build();
                } catch (RuntimeException e) {
                    log.warn("Retraining the fraud-type classifier failed; the previous model stays", e);
                }
            });
        }
    }

    private FraudTypeClassifier classifier() {
        var current = classifier;
        if (current == null) {
            synchronized (this) {
                if (classifier == null) {
                    classifier = build();
                }
                current = classifier;
            }
        }
        return current;
    }

    private FraudTypeClassifier build() {
        var examples = new ArrayList<>(TrainingCorpus.load().train());
        examples.addAll(corrections());
        return FraudTypeClassifier.train(examples);
    }

    List<NaiveBayes.Example> corrections() {
        return jdbc.sql("SELECT fraud_type, narrative FROM casework.type_example ORDER BY created_at")
                .query((rs, i) -> new NaiveBayes.Example(FraudType.valueOf(rs.getString(1)), rs.getString(2)))
                .list();
    }

    @Override
    public void destroy() {
        retrainer.shutdownNow();
    }
}
