package io.purseguard.dissuasion;

import io.purseguard.identity.Masking;
import io.purseguard.warning.LevelReason;
import io.purseguard.warning.Warnings;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The uncooperative path, taken from a refusal, or from the SLA clock when the visit's deadline passes. */
@Component
class EscalatingUncooperative {

    private final JdbcClient jdbc;
    private final TaskRows rows;
    private final Revisits revisits;
    private final DissuasionSettings settings;
    private final TaskNotices notices;
    private final Warnings warnings;
    private final ApplicationEventPublisher events;

    EscalatingUncooperative(
            JdbcClient jdbc,
            TaskRows rows,
            Revisits revisits,
            DissuasionSettings settings,
            TaskNotices notices,
            Warnings warnings,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.revisits = revisits;
        this.settings = settings;
        this.notices = notices;
        this.warnings = warnings;
        this.events = events;
    }

    /**
     * 拒不配合 (seed 004): the city center and the station work it together, the level goes up,
     * protective measures are requested, and a second visit with the relative and the familiar officer
     * is scheduled.
     */
    void uncooperative(UUID taskId, String actor, Instant now) {
        var task = rows.lock(taskId);
        if (task.uncooperativeAt() != null) {
            return;
        }
        var raised = warnings.escalate(
                task.warningId(),
                actor,
                new LevelReason(
                        "UNCOOPERATIVE",
                        "劝阻对象拒不配合或无法联系，升级处置",
                        "The person refused or could not be reached; escalated"));
        jdbc.sql("UPDATE dissuasion.task SET uncooperative_at = :now, level = :level, updated_at = :now WHERE id = :id")
                .param("now", Timestamp.from(now))
                .param("level", raised.name())
                .param("id", taskId)
                .update();
        var city = notices.cityCode();
        jdbc.sql("""
                        INSERT INTO dissuasion.escalation (task_id, seq, kind, target, target_unit, at, note)
                        VALUES (:task, :seq, 'UNCOOPERATIVE', 'CITY_CENTER', :unit, :at, :note)
                        """)
                .param("task", taskId)
                .param("seq", rows.nextSeq("escalation", taskId))
                .param("unit", city)
                .param("at", Timestamp.from(now))
                .param("note", "市反诈中心与派出所联动处置 " + (task.stationCode() == null ? "" : task.stationCode()))
                .update();
        var companions = jdbc.sql("SELECT role, name FROM dissuasion.team_member WHERE task_id = :id AND active "
                        + "AND role IN ('RELATIVE', 'FAMILIAR_OFFICER') AND name IS NOT NULL ORDER BY seq")
                .param("id", taskId)
                .query((rs, i) -> rs.getString(1) + " " + Masking.name(rs.getString(2)))
                .list();
        var policy = settings.policy().body();
        revisits.schedule(
                taskId,
                "SECOND_VISIT",
                null,
                now.plus(Duration.ofHours(policy.secondVisitHours())),
                companions.isEmpty() ? "再次上门" : "再次上门，同去：" + String.join("、", companions));
        events.publishEvent(new ProtectionRequested(
                task.warningId(),
                taskId,
                List.of(
                        ProtectionRequested.Measure.STOP_PAYMENT_ALL_ACCOUNTS,
                        ProtectionRequested.Measure.PHONE_RESTRICTION),
                "uncooperative",
                now));
        Timeline.append(jdbc, taskId, now, actor, "UNCOOPERATIVE", "→ " + raised + "; 止付 + 限制手机; 二次上门");
        notices.uncooperative(taskId, task.stationCode(), raised);
    }
}
