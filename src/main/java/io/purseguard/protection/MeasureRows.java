package io.purseguard.protection;

import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.platform.Text;
import io.purseguard.protection.Measures.MeasureNotFound;
import io.purseguard.scope.Scope;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The row access the measure activities share: who may see a measure (as SQL), the measure row under
 * lock, and its history.
 */
@Component
class MeasureRows {

    private final JdbcClient jdbc;

    MeasureRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What the caller may see: their jurisdiction (by the person's placement); a bank liaison only their
     * bank's requests. An institution-scoped caller sees no people, so no placement applies.
     */
    static String visible(Caller caller) {
        if (caller.role() == Role.BANK_LIAISON) {
            return caller.scope().code() == null ? "FALSE" : "m.institution = :institution";
        }
        return caller.scope().predicate("m");
    }

    static Map<String, Object> visibleParams(Caller caller) {
        var params = new HashMap<String, Object>();
        params.put(
                Scope.PARAM, caller.scope().code() == null ? "" : caller.scope().code());
        params.put(
                "institution",
                caller.scope().code() == null ? "" : caller.scope().code());
        return params;
    }

    record Locked(MeasureKind kind, MeasureState state, String institution, BigDecimal amount, Instant expiresAt) {}

    Optional<Locked> lock(UUID id) {
        return jdbc.sql(
                        "SELECT kind, state, institution, amount, expires_at FROM protection.measure WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query((rs, i) -> new Locked(
                        MeasureKind.valueOf(rs.getString(1)),
                        MeasureState.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getBigDecimal(4),
                        instant(rs.getTimestamp(5))))
                .optional();
    }

    Locked lockVisible(UUID id, Caller caller) {
        boolean visible = jdbc.sql("SELECT count(*) FROM protection.measure m WHERE m.id = :id AND " + visible(caller))
                        .param("id", id)
                        .params(visibleParams(caller))
                        .query(Long.class)
                        .single()
                > 0;
        if (!visible) {
            throw new MeasureNotFound(id);
        }
        return lock(id).orElseThrow(() -> new MeasureNotFound(id));
    }

    void event(UUID id, Instant at, String actor, String action, MeasureState state, String note) {
        jdbc.sql("""
                        INSERT INTO protection.measure_event (measure_id, seq, at, actor, action, state, note)
                        SELECT :id, coalesce(max(seq), 0) + 1, :at, :actor, :action, :state, :note
                        FROM protection.measure_event WHERE measure_id = :id
                        """)
                .param("id", id)
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .param("action", action)
                .param("state", state.name())
                .param("note", note)
                .update();
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** A free-text field against the house's vocabulary ({@link Text}), refused naming the field. */
    static void checkText(String field, String value, int max, boolean multiline) {
        Text.problem(value, max, multiline).ifPresent(problem -> {
            throw new MeasureRefused(field, problem);
        });
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static <T> T require(T value, String field, String message) {
        if (value == null) {
            throw new MeasureRefused(field, message);
        }
        return value;
    }
}
