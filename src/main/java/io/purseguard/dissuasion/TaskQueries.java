package io.purseguard.dissuasion;

import static io.purseguard.dissuasion.TaskRows.instant;
import static io.purseguard.dissuasion.TaskRows.member;
import static io.purseguard.dissuasion.TaskRows.visible;
import static io.purseguard.dissuasion.TaskRows.visibleParams;

import io.purseguard.dissuasion.Tasks.Filter;
import io.purseguard.dissuasion.Tasks.RevisitLine;
import io.purseguard.dissuasion.Tasks.TaskLine;
import io.purseguard.dissuasion.Tasks.TimelineLine;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Masking;
import io.purseguard.warning.WarningLevel;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading tasks: one task, a task list, the revisits due, a timeline. Every read is limited in SQL to
 * what the caller may see (see {@link TaskRows#visible}).
 */
@Component
class TaskQueries {

    private final JdbcClient jdbc;
    private final TaskViews views;
    private final TaskRows rows;
    private final Clock clock;

    TaskQueries(JdbcClient jdbc, TaskViews views, TaskRows rows, Clock clock) {
        this.jdbc = jdbc;
        this.views = views;
        this.rows = rows;
        this.clock = clock;
    }

    /** The task of a warning, if the caller may see it. */
    @Transactional(readOnly = true)
    public Optional<TaskView> ofWarning(UUID warningId, Caller caller) {
        return idOfWarning(warningId, caller).map(views::view);
    }

    /** The id of a warning's task, if the caller may see it: for acting on it without reading it all. */
    @Transactional(readOnly = true)
    public Optional<UUID> idOfWarning(UUID warningId, Caller caller) {
        return jdbc.sql("SELECT t.id FROM dissuasion.task t WHERE t.warning_id = :warning AND " + visible(caller))
                .param("warning", warningId)
                .params(visibleParams(caller))
                .query(UUID.class)
                .optional();
    }

    /** A task by its id, if the caller may see it. */
    @Transactional(readOnly = true)
    public Optional<TaskView> find(UUID taskId, Caller caller) {
        return jdbc.sql("SELECT t.id FROM dissuasion.task t WHERE t.id = :id AND " + visible(caller))
                .param("id", taskId)
                .params(visibleParams(caller))
                .query(UUID.class)
                .optional()
                .map(views::view);
    }

    /**
     * A clock still running past its due time, or one that has already climbed (the SLA clock's tick
     * is the authority on "missed", whatever this node's clock says).
     */
    private static final String OVERDUE = "EXISTS (SELECT 1 FROM dissuasion.deadline d WHERE d.task_id = t.id "
            + "AND d.met_at IS NULL AND d.stopped_at IS NULL AND (d.due_at <= :now OR d.step > 0))";

    /**
     * A task list, most urgent first: level, then the earliest running clock. Limited in SQL to the
     * caller's jurisdiction and teams.
     */
    @Transactional(readOnly = true)
    public List<TaskLine> list(Caller caller, Filter filter, int limit) {
        var now = Timestamp.from(clock.instant());
        var where = new StringBuilder(visible(caller));
        switch (filter) {
            case MINE ->
                where.append(" AND t.status IN ('OPEN', 'IN_PROGRESS', 'CONCLUDED') AND ")
                        .append(member(caller));
            case OPEN -> where.append(" AND t.status IN ('OPEN', 'IN_PROGRESS')");
            case OVERDUE ->
                where.append(" AND t.status IN ('OPEN', 'IN_PROGRESS', 'CONCLUDED') AND ")
                        .append(OVERDUE);
            case ESCALATED -> where.append(" AND t.uncooperative_at IS NOT NULL");
            case CONCLUDED -> where.append(" AND t.status IN ('CONCLUDED', 'CLOSED')");
            case DEFRAUDED_AFTER -> where.append(" AND t.defrauded_after_at IS NOT NULL");
        }
        return jdbc.sql("""
                        SELECT t.*, c.kind AS next_kind, c.due_at AS next_due,
                            (SELECT max(d.step) FROM dissuasion.deadline d WHERE d.task_id = t.id) AS top_step,
                            %s AS overdue
                        FROM dissuasion.task t
                        LEFT JOIN LATERAL (
                            SELECT d.kind, d.due_at FROM dissuasion.deadline d
                            WHERE d.task_id = t.id AND d.met_at IS NULL AND d.stopped_at IS NULL
                            ORDER BY d.due_at LIMIT 1) c ON true
                        WHERE """.formatted(OVERDUE) + where + """
                                 ORDER BY array_position(ARRAY['CRITICAL','HIGH','MEDIUM','LOW'], t.level),
                                    c.due_at NULLS LAST, t.received_at DESC
                                LIMIT :limit
                                """)
                .params(visibleParams(caller))
                .param("now", now)
                .param("limit", Math.max(1, Math.min(limit, 500)))
                .query((rs, i) -> {
                    var nextDue = rs.getTimestamp("next_due");
                    var outcome = rs.getString("outcome");
                    return new TaskLine(
                            rs.getObject("id", UUID.class),
                            rs.getObject("warning_id", UUID.class),
                            TaskStatus.valueOf(rs.getString("status")),
                            WarningLevel.valueOf(rs.getString("level")),
                            Masking.name(rs.getString("person_name")),
                            rs.getString("unit_code"),
                            rs.getString("station_code"),
                            rs.getTimestamp("received_at").toInstant(),
                            rs.getString("next_kind") == null ? null : DeadlineKind.valueOf(rs.getString("next_kind")),
                            nextDue == null ? null : nextDue.toInstant(),
                            rs.getBoolean("overdue"),
                            rs.getInt("top_step"),
                            outcome == null ? null : Outcome.valueOf(outcome),
                            instant(rs.getTimestamp("uncooperative_at")),
                            instant(rs.getTimestamp("defrauded_after_at")));
                })
                .list();
    }

    /** Revisits not yet done, soonest first, within the caller's jurisdiction or teams. */
    @Transactional(readOnly = true)
    public List<RevisitLine> revisitsDue(Caller caller, int limit) {
        var now = Timestamp.from(clock.instant());
        return jdbc.sql("SELECT r.*, t.warning_id, t.person_name, t.level FROM dissuasion.revisit r "
                        + "JOIN dissuasion.task t ON t.id = r.task_id WHERE r.done_at IS NULL AND "
                        + visible(caller) + " ORDER BY r.due_at LIMIT :limit")
                .params(visibleParams(caller))
                .param("limit", Math.max(1, Math.min(limit, 500)))
                .query((rs, i) -> new RevisitLine(
                        rs.getObject("id", UUID.class),
                        rs.getObject("task_id", UUID.class),
                        rs.getObject("warning_id", UUID.class),
                        rs.getString("kind"),
                        (Integer) rs.getObject("day"),
                        rs.getTimestamp("due_at").toInstant(),
                        !rs.getTimestamp("due_at").after(now),
                        Masking.name(rs.getString("person_name")),
                        WarningLevel.valueOf(rs.getString("level")),
                        rs.getString("note")))
                .list();
    }

    @Transactional(readOnly = true)
    public List<TimelineLine> timeline(UUID taskId, Caller caller) {
        rows.requireVisible(taskId, caller);
        return jdbc.sql("SELECT * FROM dissuasion.timeline WHERE task_id = :id ORDER BY seq")
                .param("id", taskId)
                .query((rs, i) -> new TimelineLine(
                        rs.getInt("seq"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("detail")))
                .list();
    }
}
