package io.purseguard.dissuasion;

import static io.purseguard.dissuasion.TaskRows.blankToNull;

import io.purseguard.dissuasion.Tasks.InvalidTaskInput;
import io.purseguard.dissuasion.Tasks.OutcomeInput;
import io.purseguard.dissuasion.Tasks.TaskActionRefused;
import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.Caller;
import io.purseguard.platform.Amounts;
import io.purseguard.platform.Text;
import io.purseguard.warning.Warnings;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Concluding: the outcome with its checklist, and what follows from it (the warning's status, the
 * clocks stopped, revisits scheduled, the watch started, events for the other modules, and the
 * uncooperative path for a refusal).
 */
@Component
class ConcludingTasks {

    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final TaskRows rows;
    private final TaskViews views;
    private final DissuasionSettings settings;
    private final Revisits revisits;
    private final EscalatingUncooperative escalating;
    private final Warnings warnings;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConcludingTasks(
            JdbcClient jdbc,
            TaskRows rows,
            TaskViews views,
            DissuasionSettings settings,
            Revisits revisits,
            EscalatingUncooperative escalating,
            Warnings warnings,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.views = views;
        this.settings = settings;
        this.revisits = revisits;
        this.escalating = escalating;
        this.warnings = warnings;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records the outcome and its effects: the warning follows, the clocks stop, revisits are
     * scheduled, the watch starts, {@link DissuasionConcluded} is published; a refusal (or an
     * unreachable person past the face-to-face deadline) escalates.
     */
    @Transactional
    public TaskView conclude(UUID taskId, Caller caller, OutcomeInput input) {
        rows.requireVisible(taskId, caller);
        var task = rows.lock(taskId);
        if (task.status() == TaskStatus.CONCLUDED || task.status() == TaskStatus.CLOSED) {
            throw new TaskActionRefused("the outcome is already recorded");
        }
        if (input.outcome() == null) {
            throw new InvalidTaskInput("outcome", "is required");
        }
        if (input.faceToFace() == null) {
            throw new InvalidTaskInput("faceToFace", "is required: was the person seen face to face?");
        }
        var loss = input.lossAmount();
        if (input.outcome().needsLossAmount()) {
            if (loss == null || loss.signum() <= 0) {
                throw new InvalidTaskInput("lossAmount", "is required for " + input.outcome() + " and must be > 0");
            }
        } else if (loss != null && loss.signum() != 0) {
            throw new InvalidTaskInput("lossAmount", "only a loss outcome has an amount");
        }
        if (loss != null && loss.signum() != 0) {
            Amounts.problem(loss).ifPresent(problem -> {
                throw new InvalidTaskInput("lossAmount", problem);
            });
        }
        TaskRows.checkText("note", input.note(), Text.NOTE, true);
        var checklist = settings.checklist(Checklist.DISSUASION);
        var answers = input.checklist() == null ? Map.<String, Boolean>of() : input.checklist();
        if (!checklist.body().ids().containsAll(answers.keySet())) {
            throw new InvalidTaskInput("checklist", "has items not on checklist version " + checklist.version());
        }
        if (input.outcome().needsChecklist()
                && !answers.keySet().containsAll(checklist.body().ids())) {
            var missing = new ArrayList<>(checklist.body().ids());
            missing.removeAll(answers.keySet());
            throw new InvalidTaskInput(
                    "checklist",
                    "answer every item; missing "
                            + String.join(", ", missing.stream().sorted().toList()));
        }
        var now = clock.instant();
        var policy = settings.policy().body();
        jdbc.sql("""
                        UPDATE dissuasion.task SET status = 'CONCLUDED', outcome = :outcome, outcome_face_to_face = :f2f,
                            loss_amount = :loss, checklist_version = :cv, checklist_answers = :answers::jsonb,
                            outcome_note = :note, concluded_at = :now, concluded_by = :by, watch_until = :watch,
                            updated_at = :now
                        WHERE id = :id
                        """)
                .param("outcome", input.outcome().name())
                .param("f2f", input.faceToFace())
                .param("loss", loss)
                .param("cv", checklist.version())
                .param("answers", rows.write(answers))
                .param("note", blankToNull(input.note()))
                .param("now", Timestamp.from(now))
                .param("by", caller.name())
                .param(
                        "watch",
                        Timestamp.from(now.atZone(LOCAL)
                                .plusMonths(policy.watchMonths())
                                .toInstant()))
                .param("id", taskId)
                .update();
        // a conclusion stops the clocks; an unreachable person still needs the visit, whose deadline
        // escalates the task as uncooperative when it passes
        jdbc.sql("UPDATE dissuasion.deadline SET stopped_at = :now, next_fire_at = NULL "
                        + "WHERE task_id = :id AND met_at IS NULL AND stopped_at IS NULL"
                        + (input.outcome() == Outcome.UNREACHABLE ? " AND kind <> 'FACE_TO_FACE'" : ""))
                .param("now", Timestamp.from(now))
                .param("id", taskId)
                .update();
        for (var day : policy.revisitDays()) {
            revisits.schedule(taskId, "REVISIT", day, now.plus(Duration.ofDays(day)), null);
        }
        Timeline.append(
                jdbc,
                taskId,
                now,
                caller.name(),
                "OUTCOME",
                input.outcome()
                        + (input.faceToFace() ? " · 见面" : "")
                        + (loss == null ? "" : " · ¥" + loss.toPlainString()));
        audit.record(
                caller.name(),
                "TASK_CONCLUDED",
                "task",
                taskId.toString(),
                input.outcome().name());
        if (input.outcome() != Outcome.REFUSED) {
            warnings.follow(task.warningId(), input.outcome().warningStatus(), caller.name(), input.note());
        }
        events.publishEvent(new DissuasionConcluded(
                taskId,
                task.warningId(),
                input.outcome(),
                input.faceToFace(),
                loss,
                task.residentId(),
                task.idNumber(),
                task.phone(),
                task.stationCode(),
                caller.name(),
                now));
        if (input.outcome() == Outcome.DEFRAUDED) {
            events.publishEvent(new VictimisationReported(
                    task.residentId(), task.idNumber(), task.phone(), now, "DISSUASION", taskId.toString(), taskId));
        }
        boolean unreachablePastVisit = input.outcome() == Outcome.UNREACHABLE && faceToFaceDuePassed(taskId, now);
        if (input.outcome() == Outcome.REFUSED || unreachablePastVisit) {
            escalating.uncooperative(taskId, caller.name(), now);
        }
        return views.view(taskId);
    }

    private boolean faceToFaceDuePassed(UUID taskId, Instant now) {
        return jdbc.sql("SELECT due_at FROM dissuasion.deadline WHERE task_id = :id AND kind = 'FACE_TO_FACE'")
                .param("id", taskId)
                .query(Timestamp.class)
                .optional()
                // no visit is required at this level: being unreachable is itself past it
                .map(due -> !due.toInstant().isAfter(now))
                .orElse(true);
    }
}
