package io.purseguard.dissuasion;

import static io.purseguard.dissuasion.TaskRows.blankToNull;

import io.purseguard.dissuasion.Tasks.InvalidTaskInput;
import io.purseguard.dissuasion.Tasks.RevisitInput;
import io.purseguard.dissuasion.Tasks.TaskActionRefused;
import io.purseguard.dissuasion.Tasks.TaskNotFound;
import io.purseguard.identity.Caller;
import io.purseguard.platform.Text;
import io.purseguard.platform.TimeOrderedIds;
import io.purseguard.warning.WarningStatus;
import io.purseguard.warning.Warnings;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Revisits after the outcome (and the second visit of the uncooperative path); the last one closes the task. */
@Component
class Revisits {

    private final JdbcClient jdbc;
    private final TaskRows rows;
    private final TaskViews views;
    private final DissuasionSettings settings;
    private final Warnings warnings;
    private final Clock clock;

    Revisits(
            JdbcClient jdbc,
            TaskRows rows,
            TaskViews views,
            DissuasionSettings settings,
            Warnings warnings,
            Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.views = views;
        this.settings = settings;
        this.warnings = warnings;
        this.clock = clock;
    }

    void schedule(UUID taskId, String kind, Integer day, Instant due, String note) {
        jdbc.sql("""
                        INSERT INTO dissuasion.revisit (id, task_id, kind, day, due_at, note, station_code, district_code,
                            township_code, community_code, grid_code)
                        SELECT :id, t.id, :kind, :day, :due, :note, t.station_code, t.district_code, t.township_code,
                            t.community_code, t.grid_code FROM dissuasion.task t WHERE t.id = :task
                        """)
                .param("id", TimeOrderedIds.next())
                .param("task", taskId)
                .param("kind", kind)
                .param("day", day)
                .param("due", Timestamp.from(due))
                .param("note", note)
                .update();
    }

    /** Marks a revisit done; when the last one is, the task (and its warning) is closed. */
    @Transactional
    public TaskView completeRevisit(UUID revisitId, Caller caller, RevisitInput input) {
        var taskId = jdbc.sql("SELECT task_id FROM dissuasion.revisit WHERE id = :id")
                .param("id", revisitId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new TaskNotFound(revisitId));
        rows.requireVisible(taskId, caller);
        TaskRows.checkText("note", input.note(), Text.NOTE, true);
        var task = rows.lock(taskId);
        var checklist = settings.checklist(Checklist.REVISIT);
        var answers = input.checklist() == null ? Map.<String, Boolean>of() : input.checklist();
        if (!answers.keySet().equals(checklist.body().ids())) {
            throw new InvalidTaskInput("checklist", "answer every item of checklist version " + checklist.version());
        }
        var now = clock.instant();
        int updated = jdbc.sql("""
                        UPDATE dissuasion.revisit SET done_at = :now, done_by = :by, checklist_version = :cv,
                            answers = :answers::jsonb, note = coalesce(:note, note)
                        WHERE id = :id AND done_at IS NULL
                        """)
                .param("now", Timestamp.from(now))
                .param("by", caller.name())
                .param("cv", checklist.version())
                .param("answers", rows.write(answers))
                .param("note", blankToNull(input.note()))
                .param("id", revisitId)
                .update();
        if (updated == 0) {
            throw new TaskActionRefused("this revisit is already done");
        }
        Timeline.append(jdbc, taskId, now, caller.name(), "REVISIT", blankToNull(input.note()));
        long open = jdbc.sql("SELECT count(*) FROM dissuasion.revisit WHERE task_id = :id AND done_at IS NULL")
                .param("id", taskId)
                .query(Long.class)
                .single();
        if (open == 0 && task.status() == TaskStatus.CONCLUDED) {
            rows.setStatus(taskId, TaskStatus.CLOSED, now);
            warnings.follow(task.warningId(), WarningStatus.CLOSED, caller.name(), null);
            Timeline.append(jdbc, taskId, now, caller.name(), "CLOSED", null);
        }
        return views.view(taskId);
    }
}
