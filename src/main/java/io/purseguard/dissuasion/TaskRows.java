package io.purseguard.dissuasion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.dissuasion.Tasks.TaskNotFound;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.platform.Text;
import io.purseguard.scope.Scope;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The row access every task activity shares: the task row under lock, who may see it (as SQL), the
 * next sequence number of its child rows, its status and clocks.
 */
@Component
class TaskRows {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    TaskRows(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The row facts the actions need, read under a row lock so two people acting at once take turns. */
    record Locked(
            UUID warningId,
            TaskStatus status,
            UUID residentId,
            String idNumber,
            String phone,
            String stationCode,
            Instant uncooperativeAt) {}

    Locked lock(UUID taskId) {
        return jdbc.sql("SELECT * FROM dissuasion.task WHERE id = :id FOR UPDATE")
                .param("id", taskId)
                .query((rs, i) -> new Locked(
                        rs.getObject("warning_id", UUID.class),
                        TaskStatus.valueOf(rs.getString("status")),
                        rs.getObject("resident_id", UUID.class),
                        rs.getString("person_id_number"),
                        rs.getString("person_phone"),
                        rs.getString("station_code"),
                        instant(rs.getTimestamp("uncooperative_at"))))
                .optional()
                .orElseThrow(() -> new TaskNotFound(taskId));
    }

    Optional<UUID> taskOf(UUID warningId) {
        return jdbc.sql("SELECT id FROM dissuasion.task WHERE warning_id = :w")
                .param("w", warningId)
                .query(UUID.class)
                .optional();
    }

    void requireVisible(UUID taskId, Caller caller) {
        boolean visible = jdbc.sql("SELECT count(*) FROM dissuasion.task t WHERE t.id = :id AND " + visible(caller))
                        .param("id", taskId)
                        .params(visibleParams(caller))
                        .query(Long.class)
                        .single()
                > 0;
        if (!visible) {
            throw new TaskNotFound(taskId);
        }
    }

    /**
     * What the caller may see, as SQL on the task aliased {@code t}: their jurisdiction or the teams
     * they are on; for a grid worker or township head only the teams.
     */
    static String visible(Caller caller) {
        boolean teamsOnly = caller.role() == Role.GRID_WORKER || caller.role() == Role.TOWNSHIP_HEAD;
        var scope = teamsOnly ? "FALSE" : caller.scope().predicate("t");
        return "(" + scope + " OR " + member(caller) + ")";
    }

    static String member(Caller caller) {
        return caller.staffId() == null
                ? "FALSE"
                : "EXISTS (SELECT 1 FROM dissuasion.team_member m WHERE m.task_id = t.id AND m.active "
                        + "AND m.staff_id = :staffId)";
    }

    static Map<String, Object> visibleParams(Caller caller) {
        var params = new HashMap<String, Object>();
        params.put(
                Scope.PARAM, caller.scope().code() == null ? "" : caller.scope().code());
        params.put("staffId", caller.staffId() == null ? new UUID(0, 0) : caller.staffId());
        return params;
    }

    /** Marks a clock met, if it is still running. */
    void meet(UUID taskId, DeadlineKind kind, Instant at) {
        jdbc.sql("UPDATE dissuasion.deadline SET met_at = :at, next_fire_at = NULL "
                        + "WHERE task_id = :id AND kind = :kind AND met_at IS NULL")
                .param("at", Timestamp.from(at))
                .param("id", taskId)
                .param("kind", kind.name())
                .update();
    }

    int nextSeq(String table, UUID taskId) {
        return jdbc.sql("SELECT coalesce(max(seq), 0) + 1 FROM dissuasion." + table + " WHERE task_id = :id")
                .param("id", taskId)
                .query(Integer.class)
                .single();
    }

    void setStatus(UUID taskId, TaskStatus status, Instant now) {
        jdbc.sql("UPDATE dissuasion.task SET status = :s, updated_at = :now WHERE id = :id")
                .param("s", status.name())
                .param("now", Timestamp.from(now))
                .param("id", taskId)
                .update();
    }

    void touch(UUID taskId, Instant now) {
        jdbc.sql("UPDATE dissuasion.task SET updated_at = :now WHERE id = :id")
                .param("now", Timestamp.from(now))
                .param("id", taskId)
                .update();
    }

    void insertMember(UUID taskId, int seq, TeamMember m) {
        jdbc.sql("""
                        INSERT INTO dissuasion.team_member (task_id, seq, role, staff_id, resident_id, name, phone,
                            unit_code, relation, reason_zh, reason_en)
                        VALUES (:task, :seq, :role, :staff, :resident, :name, :phone, :unit, :relation, :zh, :en)
                        """)
                .param("task", taskId)
                .param("seq", seq)
                .param("role", m.role().name())
                .param("staff", m.staffId())
                .param("resident", m.residentId())
                .param("name", m.name())
                .param("phone", m.phone())
                .param("unit", m.unitCode())
                .param("relation", m.relation())
                .param("zh", m.reasonZh())
                .param("en", m.reasonEn())
                .update();
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A free-text field against the house's vocabulary ({@link Text}), refused naming the field. */
    static void checkText(String field, String value, int max, boolean multiline) {
        Text.problem(value, max, multiline).ifPresent(problem -> {
            throw new Tasks.InvalidTaskInput(field, problem);
        });
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
