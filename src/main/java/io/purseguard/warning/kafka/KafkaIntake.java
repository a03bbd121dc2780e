package io.purseguard.warning.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.purseguard.warning.ClueDraft;
import io.purseguard.warning.FieldError;
import io.purseguard.warning.IntakeDoor;
import io.purseguard.warning.IntakeResult;
import io.purseguard.warning.WarningIntake;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * The Kafka door: each poll of {@code purseguard.warnings} is one call of {@link WarningIntake#take}
 * through the same path as REST and Excel, by {@link IntakeDoor#KAFKA}.
 *
 * <h2>Records in</h2>
 * One clue per record, as the JSON object of the REST contract ({@link ClueDraft}), keyed by its
 * {@code clueId} (the key only spreads clues over partitions; the {@code clueId} in the value is the one
 * that counts). Keys and values are read as plain strings and parsed here, so a record that is not JSON
 * never stops the consumer.
 *
 * <h2>Delivery: at-least-once, exactly-once in effect</h2>
 * Offsets are committed only after the listener returns, that is after intake has committed its
 * transaction and the rejected records of the poll have been acknowledged by the broker. A crash in
 * between replays the poll: clues already taken in come back {@code DUPLICATE} (the {@code clueId} is
 * the idempotency key) and so make no second warning; a rejected record may appear twice on the
 * rejected topic.
 *
 * <h2>Rejected records</h2>
 * A record that is empty, not JSON, not a JSON object, or a clue that validation refuses is written to
 * {@code purseguard.warnings.rejected}, with the same key, as a JSON envelope:
 *
 * <pre>{@code
 * {"record": "<the original value, as text>",
 *  "errors": [{"field": "person.idNumber", "message": "check character does not match (GB 11643)",
 *              "code": "clue.error.idNumber.check"}],
 *  "topic": "purseguard.warnings", "partition": 0, "offset": 42, "key": "<the original key>"}
 * }</pre>
 *
 * {@code record} is the original value verbatim (a string, since it may not be JSON; absent for a
 * record without a value); {@code field} names the failing field as the REST door does, or
 * {@code record} when the whole record is unreadable; {@code message} is English and {@code code} its
 * stable key in the message bundles ({@link FieldError.Code}). The good records of the same poll are
 * taken in.
 *
 * <h2>Failures are not rejections</h2>
 * Anything that is not a verdict on the record itself (the database is down, intake throws, the rejected
 * topic cannot be written) propagates out of the listener: nothing of the poll is sent to the rejected
 * topic on that account and no offset is committed. The container's error handler retries the whole
 * poll with a bounded back-off, and when the back-off is spent re-seeks the poll and starts over (see
 * {@link KafkaIntakeConfiguration}), so the door waits for the database instead of losing or refusing
 * clues.
 *
 * <p>Counts go to the Micrometer counter {@code purseguard.intake.kafka.records}, tagged {@code status}
 * = {@code accepted}, {@code duplicate} or {@code rejected}.
 */
final class KafkaIntake implements BatchMessageListener<String, String> {

    static final String METER = "purseguard.intake.kafka.records";

    private static final Logger log = LoggerFactory.getLogger(KafkaIntake.class);

    private final WarningIntake intake;
    private final ObjectMapper json;
    private final RejectedRecords rejectedRecords;
    private final Map<IntakeResult.Status, Counter> counters = new EnumMap<>(IntakeResult.Status.class);

    KafkaIntake(WarningIntake intake, ObjectMapper json, RejectedRecords rejectedRecords, MeterRegistry meters) {
        this.intake = intake;
        this.json = json;
        this.rejectedRecords = rejectedRecords;
        for (var status : IntakeResult.Status.values()) {
            counters.put(
                    status,
                    Counter.builder(METER)
                            .description("Records read from the Kafka intake topic, by what became of them")
                            .tag("status", status.name().toLowerCase(Locale.ROOT))
                            .register(meters));
        }
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, String>> records) {
        var drafts = new ArrayList<ClueDraft>(records.size());
        var draftRecords = new ArrayList<ConsumerRecord<String, String>>(records.size());
        var rejected = new ArrayList<RejectedRecords.Rejected>();
        for (var record : records) {
            var read = read(record.value());
            if (read.draft() != null) {
                drafts.add(read.draft());
                draftRecords.add(record);
            } else {
                rejected.add(new RejectedRecords.Rejected(record, List.of(read.error())));
            }
        }
        var results = drafts.isEmpty() ? List.<IntakeResult>of() : take(drafts);
        int accepted = 0;
        int duplicate = 0;
        for (int i = 0; i < results.size(); i++) {
            var result = results.get(i);
            switch (result.status()) {
                case ACCEPTED -> accepted++;
                case DUPLICATE -> duplicate++;
                case REJECTED -> rejected.add(new RejectedRecords.Rejected(draftRecords.get(i), result.errors()));
            }
        }
        rejected.sort(Comparator.comparingInt(
                        (RejectedRecords.Rejected r) -> r.record().partition())
                .thenComparingLong(r -> r.record().offset()));
        // waits for the broker, so that the offsets are committed only once the rejects are safe
        rejectedRecords.send(rejected);
        counters.get(IntakeResult.Status.ACCEPTED).increment(accepted);
        counters.get(IntakeResult.Status.DUPLICATE).increment(duplicate);
        counters.get(IntakeResult.Status.REJECTED).increment(rejected.size());
    }

    /** A failure here (the database, above all) propagates: the container retries the whole poll. */
    private List<IntakeResult> take(List<ClueDraft> drafts) {
        try {
            return intake.take(drafts, IntakeDoor.KAFKA);
        } catch (RuntimeException e) {
            log.warn(
                    "Kafka intake of {} clue(s) failed, the poll will be retried: {}",
                    drafts.size(),
                    NestedExceptionUtils.getMostSpecificCause(e).toString());
            throw e;
        }
    }

    private Read read(String value) {
        if (value == null || value.isBlank()) {
            return Read.refused(FieldError.of("record", FieldError.Code.EMPTY));
        }
        JsonNode node;
        try {
            node = json.readTree(value);
        } catch (JsonProcessingException e) {
            return Read.refused(FieldError.of("record", FieldError.Code.NOT_JSON, e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            return Read.refused(FieldError.of("record", FieldError.Code.NOT_A_CLUE));
        }
        try {
            return new Read(json.treeToValue(node, ClueDraft.class), null);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Read.refused(FieldError.unreadable(e));
        }
    }

    private record Read(ClueDraft draft, FieldError error) {
        static Read refused(FieldError error) {
            return new Read(null, error);
        }
    }
}
