package io.purseguard.warning.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.warning.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Writes refused records to the rejected topic in the envelope described on {@link KafkaIntake}, and
 * waits for the broker's acknowledgement: a failure to write throws, so the poll is retried rather
 * than its offsets committed.
 */
final class RejectedRecords implements DisposableBean {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    /** A record refused, with every reason. */
    record Rejected(ConsumerRecord<String, String> record, List<FieldError> errors) {}

    /** What goes on the rejected topic; {@code record} is the original value as text. */
    record Envelope(String record, List<FieldError> errors, String topic, int partition, long offset, String key) {}

    private final DefaultKafkaProducerFactory<String, String> producers;
    private final KafkaTemplate<String, String> template;
    private final String topic;
    private final ObjectMapper json;

    RejectedRecords(DefaultKafkaProducerFactory<String, String> producers, String topic, ObjectMapper json) {
        this.producers = producers;
        this.template = new KafkaTemplate<>(producers);
        this.topic = topic;
        this.json = json;
    }

    void send(List<Rejected> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        var sent = new ArrayList<CompletableFuture<SendResult<String, String>>>(rejected.size());
        for (var r : rejected) {
            sent.add(template.send(topic, r.record().key(), envelope(r)));
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while writing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("could not write " + rejected.size() + " rejected record(s) to " + topic, e);
        }
    }

    private String envelope(Rejected r) {
        var record = r.record();
        try {
            return json.writeValueAsString(new Envelope(
                    record.value(), r.errors(), record.topic(), record.partition(), record.offset(), record.key()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
