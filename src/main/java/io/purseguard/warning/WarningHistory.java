package io.purseguard.warning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The history lines of a warning: who moved it where, when and why. Appended, never changed. */
final class WarningHistory {

    private WarningHistory() {}

    static void append(
            JdbcClient jdbc,
            UUID warningId,
            Instant at,
            String actor,
            String action,
            String fromUnit,
            String toUnit,
            String note) {
        jdbc.sql("""
                        INSERT INTO warning.history (warning_id, seq, at, actor, action, from_unit, to_unit, note)
                        SELECT :id, coalesce(max(seq), 0) + 1, :at, :actor, :action, :from, :to, :note
                        FROM warning.history WHERE warning_id = :id
                        """)
                .param("id", warningId)
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .param("action", action)
                .param("from", fromUnit)
                .param("to", toUnit)
                .param("note", note)
                .update();
    }
}
