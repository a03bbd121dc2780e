package io.purseguard.protection;

import io.purseguard.protection.gateway.Delivery;
import io.purseguard.protection.gateway.DeliveryFailed;
import io.purseguard.protection.gateway.InstitutionGateway;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the outbox: each due message is claimed {@code FOR UPDATE SKIP LOCKED} (two nodes never send
 * the same one at once), handed to its gateway, and marked delivered, or retried with back-off (2 s,
 * 4 s, … up to 5 minutes) when the other end is down. A message survives any crash: it is a row until
 * delivered, and the idempotency key makes a resend after a crash harmless.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 20;
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final List<InstitutionGateway> gateways;
    private final RecordingAnswers answers;
    private final ProtectionProperties properties;
    private final Clock clock;

    OutboxSender(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            List<InstitutionGateway> gateways,
            RecordingAnswers answers,
            ProtectionProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.gateways = gateways;
        this.answers = answers;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${purseguard.protection.sender-every:PT2S}",
            initialDelayString = "${purseguard.protection.sender-every:PT2S}")
    void scheduled() {
        if (properties.senderEnabled()) {
            drain(clock.instant());
        }
    }

    /** Sends every message due at {@code now}; answers how many were delivered. */
    public int drain(Instant now) {
        int delivered = 0;
        while (true) {
            var result = transactions.execute(status -> sendBatch(now));
            delivered += result[0];
            if (result[1] < BATCH) {
                return delivered;
            }
        }
    }

    private record Due(
            UUID id,
            UUID measureId,
            String institution,
            String operation,
            String key,
            String body,
            int attempts,
            String channel) {}

    private int[] sendBatch(Instant now) {
        var due = jdbc.sql("""
                        SELECT o.id, o.measure_id, o.institution, o.operation, o.idempotency_key, o.payload::text,
                            o.attempts, m.kind
                        FROM protection.outbox o JOIN protection.measure m ON m.id = o.measure_id
                        WHERE o.state = 'PENDING' AND o.next_attempt_at <= :now
                        ORDER BY o.next_attempt_at
                        LIMIT :batch
                        FOR UPDATE OF o SKIP LOCKED
                        """)
                .param("now", Timestamp.from(now))
                .param("batch", BATCH)
                .query((rs, i) -> new Due(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7),
                        MeasureKind.valueOf(rs.getString(8)).channel().name()))
                .list();
        int delivered = 0;
        for (var d : due) {
            var channel = d.channel();
            var gateway = gateways.stream()
                    .filter(g -> g.serves(d.institution(), channel))
                    .findFirst()
                    .orElseThrow();
            try {
                gateway.deliver(new Delivery(d.institution(), channel, d.operation(), d.key(), d.body()));
                jdbc.sql(
                                "UPDATE protection.outbox SET state = 'DELIVERED', delivered_at = :now, attempts = attempts + 1, "
                                        + "last_error = NULL WHERE id = :id")
                        .param("now", Timestamp.from(now))
                        .param("id", d.id())
                        .update();
                if ("EXECUTE".equals(d.operation())) {
                    answers.sent(d.measureId(), now);
                }
                delivered++;
            } catch (DeliveryFailed e) {
                var backoff = backoff(d.attempts() + 1);
                log.warn(
                        "Outbox {} to {} failed (attempt {}), retry in {}: {}",
                        d.key(),
                        d.institution(),
                        d.attempts() + 1,
                        backoff,
                        e.getMessage());
                jdbc.sql("UPDATE protection.outbox SET attempts = attempts + 1, next_attempt_at = :next, "
                                + "last_error = :error WHERE id = :id")
                        .param("next", Timestamp.from(now.plus(backoff)))
                        .param("error", e.getMessage())
                        .param("id", d.id())
                        .update();
            }
        }
        return new int[] {delivered, due.size()};
    }

    /** 2 s after the first failure, doubling, at most five minutes. */
    static Duration backoff(int attempts) {
        long seconds = 1L << Math.min(attempts, 20);
        return seconds >= MAX_BACKOFF.toSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
    }
}
