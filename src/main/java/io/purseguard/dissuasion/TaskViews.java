package io.purseguard.dissuasion;

import static io.purseguard.dissuasion.TaskRows.instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.identity.Masking;
import io.purseguard.warning.WarningLevel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** One task read whole (team, clocks, escalations, contacts, outcome, revisits, watch), identifiers masked. */
@Component
class TaskViews {

    private static final TypeReference<Map<String, Boolean>> ANSWERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    TaskViews(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    TaskView view(UUID taskId) {
        var now = clock.instant();
        var team = jdbc.sql("SELECT * FROM dissuasion.team_member WHERE task_id = :id AND active ORDER BY seq")
                .param("id", taskId)
                .query((rs, i) -> new TaskView.Member(
                        rs.getInt("seq"),
                        TeamRole.valueOf(rs.getString("role")),
                        rs.getObject("staff_id", UUID.class),
                        rs.getObject("resident_id", UUID.class),
                        Masking.name(rs.getString("name")),
                        Masking.phone(rs.getString("phone")),
                        rs.getString("unit_code"),
                        rs.getString("relation"),
                        rs.getString("reason_zh"),
                        rs.getString("reason_en"),
                        rs.getObject("staff_id") == null && rs.getObject("resident_id") == null))
                .list();
        var clocks = jdbc.sql("SELECT * FROM dissuasion.deadline WHERE task_id = :id ORDER BY due_at")
                .param("id", taskId)
                .query((rs, i) -> {
                    var due = rs.getTimestamp("due_at").toInstant();
                    var met = instant(rs.getTimestamp("met_at"));
                    var stopped = instant(rs.getTimestamp("stopped_at"));
                    return new TaskView.Clock(
                            DeadlineKind.valueOf(rs.getString("kind")),
                            due,
                            met,
                            stopped,
                            rs.getInt("step"),
                            met == null && stopped == null && (!due.isAfter(now) || rs.getInt("step") > 0));
                })
                .list();
        var escalations = jdbc.sql("SELECT * FROM dissuasion.escalation WHERE task_id = :id ORDER BY seq")
                .param("id", taskId)
                .query((rs, i) -> new TaskView.Escalation(
                        rs.getInt("seq"),
                        rs.getString("kind"),
                        rs.getString("deadline_kind") == null
                                ? null
                                : DeadlineKind.valueOf(rs.getString("deadline_kind")),
                        rs.getString("kind").equals("OVERDUE") ? EscalationStep.nth(rs.getInt("step")) : null,
                        rs.getString("target_unit"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("note")))
                .list();
        var contacts = jdbc.sql("SELECT * FROM dissuasion.contact WHERE task_id = :id ORDER BY seq")
                .param("id", taskId)
                .query((rs, i) -> new TaskView.Contact(
                        rs.getInt("seq"),
                        ContactChannel.valueOf(rs.getString("channel")),
                        ContactResult.valueOf(rs.getString("result")),
                        rs.getTimestamp("at").toInstant(),
                        rs.getBoolean("face_to_face"),
                        rs.getString("by_user"),
                        rs.getString("location"),
                        rs.getObject("photo_id", UUID.class),
                        rs.getString("note")))
                .list();
        var revisits = jdbc.sql("SELECT * FROM dissuasion.revisit WHERE task_id = :id ORDER BY due_at")
                .param("id", taskId)
                .query((rs, i) -> {
                    var due = rs.getTimestamp("due_at").toInstant();
                    var done = instant(rs.getTimestamp("done_at"));
                    return new TaskView.Revisit(
                            rs.getObject("id", UUID.class),
                            rs.getString("kind"),
                            (Integer) rs.getObject("day"),
                            due,
                            done,
                            rs.getString("done_by"),
                            done == null && !due.isAfter(now),
                            rs.getString("note"));
                })
                .list();
        return jdbc.sql("SELECT * FROM dissuasion.task WHERE id = :id")
                .param("id", taskId)
                .query((rs, i) -> task(rs, team, clocks, escalations, contacts, revisits))
                .single();
    }

    private TaskView task(
            ResultSet rs,
            List<TaskView.Member> team,
            List<TaskView.Clock> clocks,
            List<TaskView.Escalation> escalations,
            List<TaskView.Contact> contacts,
            List<TaskView.Revisit> revisits)
            throws SQLException {
        var outcome = rs.getString("outcome");
        TaskView.Conclusion conclusion = outcome == null
                ? null
                : new TaskView.Conclusion(
                        Outcome.valueOf(outcome),
                        rs.getBoolean("outcome_face_to_face"),
                        rs.getBigDecimal("loss_amount"),
                        (Integer) rs.getObject("checklist_version"),
                        read(rs.getString("checklist_answers")),
                        rs.getString("outcome_note"),
                        instant(rs.getTimestamp("concluded_at")),
                        rs.getString("concluded_by"));
        var watchUntil = instant(rs.getTimestamp("watch_until"));
        return new TaskView(
                rs.getObject("id", UUID.class),
                rs.getObject("warning_id", UUID.class),
                TaskStatus.valueOf(rs.getString("status")),
                WarningLevel.valueOf(rs.getString("level")),
                new TaskView.Person(
                        Masking.name(rs.getString("person_name")),
                        Masking.idNumber(rs.getString("person_id_number")),
                        Masking.phone(rs.getString("person_phone")),
                        rs.getObject("resident_id", UUID.class)),
                rs.getString("unit_code"),
                rs.getString("station_code"),
                rs.getString("grid_code"),
                team,
                new TaskView.Deadlines(
                        due(clocks, DeadlineKind.SIGN_FOR),
                        due(clocks, DeadlineKind.FIRST_CONTACT),
                        due(clocks, DeadlineKind.FACE_TO_FACE)),
                clocks,
                escalations,
                contacts,
                conclusion,
                revisits,
                watchUntil == null
                        ? null
                        : new TaskView.Watch(
                                watchUntil,
                                instant(rs.getTimestamp("defrauded_after_at")),
                                rs.getString("defrauded_after_note")),
                rs.getInt("sla_version"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getTimestamp("opened_at").toInstant());
    }

    private static Instant due(List<TaskView.Clock> clocks, DeadlineKind kind) {
        return clocks.stream()
                .filter(c -> c.kind() == kind)
                .map(TaskView.Clock::dueAt)
                .findFirst()
                .orElse(null);
    }

    private Map<String, Boolean> read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, ANSWERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored checklist answers are unreadable", e);
        }
    }
}
