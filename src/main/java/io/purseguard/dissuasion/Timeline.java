package io.purseguard.dissuasion;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Appends to a task's timeline; callers hold the task's row lock, so numbers never collide. */
final class Timeline {

    private Timeline() {}

    static void append(JdbcClient jdbc, UUID taskId, Instant at, String actor, String action, String detail) {
        jdbc.sql("""
                        INSERT INTO dissuasion.timeline (task_id, seq, at, actor, action, detail)
                        SELECT :task, coalesce(max(seq), 0) + 1, :at, :actor, :action, :detail
                        FROM dissuasion.timeline WHERE task_id = :task
                        """)
                .param("task", taskId)
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .param("action", action)
                .param("detail", detail)
                .update();
    }
}
