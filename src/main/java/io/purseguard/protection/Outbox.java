package io.purseguard.protection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.platform.TimeOrderedIds;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The messages owed to banks and carriers, written in the transaction that decided them. The
 * idempotency key names the intent (this measure, this operation, the n-th time), so the other end can
 * recognise a resend and execute it once. {@link OutboxSender} delivers them.
 */
@Component
class Outbox {

    /** What the other end is asked to do. */
    enum Operation {
        EXECUTE,
        RENEW,
        RELEASE
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Outbox(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores the message for the measure as it stands now (the caller holds its row lock). */
    void put(UUID measureId, String institution, Operation operation, Instant now) {
        int n = jdbc.sql("SELECT count(*) + 1 FROM protection.outbox WHERE measure_id = :m AND operation = :op")
                .param("m", measureId)
                .param("op", operation.name())
                .query(Integer.class)
                .single();
        var key = measureId + ":" + operation + ":" + n;
        var payload = jdbc.sql("SELECT * FROM protection.measure WHERE id = :id")
                .param("id", measureId)
                .query((rs, i) -> {
                    var body = new LinkedHashMap<String, Object>();
                    body.put("idempotencyKey", key);
                    body.put("operation", operation.name());
                    body.put("measureId", measureId.toString());
                    body.put("documentNo", rs.getString("document_no"));
                    body.put("kind", rs.getString("kind"));
                    body.put("institution", institution);
                    body.put("target", rs.getString("target"));
                    body.put("holder", rs.getString("holder"));
                    body.put("amount", rs.getBigDecimal("amount"));
                    var transacted = rs.getTimestamp("transacted_at");
                    body.put(
                            "transactedAt",
                            transacted == null ? null : transacted.toInstant().toString());
                    body.put("legalBasis", rs.getString("legal_basis"));
                    body.put("reason", rs.getString("reason"));
                    body.put("appealRoute", rs.getString("appeal_route"));
                    var expires = rs.getTimestamp("expires_at");
                    body.put(
                            "expiresAt",
                            expires == null ? null : expires.toInstant().toString());
                    body.put("issuedAt", now.toString());
                    return body;
                })
                .single();
        jdbc.sql("""
                        INSERT INTO protection.outbox (id, measure_id, institution, operation, idempotency_key, payload,
                            state, next_attempt_at, created_at)
                        VALUES (:id, :m, :institution, :op, :key, :payload::jsonb, 'PENDING', :now, :now)
                        """)
                .param("id", TimeOrderedIds.next())
                .param("m", measureId)
                .param("institution", institution)
                .param("op", operation.name())
                .param("key", key)
                .param("payload", write(payload))
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * A request lifted before it was delivered need not be delivered at all. Answers whether it had
     * been attempted: an attempt that timed out or failed may still have reached the other end, which
     * must then be told to lift it.
     */
    boolean cancel(UUID measureId) {
        return jdbc
                .sql(
                        "DELETE FROM protection.outbox WHERE measure_id = :m AND state = 'PENDING' AND operation = 'EXECUTE' "
                                + "RETURNING attempts")
                .param("m", measureId)
                .query(Integer.class)
                .list()
                .stream()
                .anyMatch(attempts -> attempts > 0);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
