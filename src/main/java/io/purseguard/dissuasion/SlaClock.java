package io.purseguard.dissuasion;

import io.purseguard.warning.WarningLevel;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one clock of every task: polls the database for clocks past due and climbs them one step at
 * a time (the station's head, then the district center, then the city center). The state is in the
 * rows, so a restart loses nothing. The task row is the unit of work: {@code FOR UPDATE OF t SKIP
 * LOCKED} hands all of a task's due clocks to one node (everything else that changes a clock holds the
 * same row lock), so two nodes never fire the same step, and never split one task between them,
 * which with row locks on the clocks as well could leave a clock skipped by both until the next tick.
 */
@Component
public class SlaClock {

    private static final Logger log = LoggerFactory.getLogger(SlaClock.class);
    private static final int BATCH = 100;
    /** A step climbs again after the clock's own window, but never sooner than this. */
    private static final Duration MIN_STEP = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EscalatingUncooperative escalating;
    private final TaskNotices notices;
    private final IncompleteEventPublications incomplete;
    private final Clock clock;
    private final boolean enabled;

    SlaClock(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            EscalatingUncooperative escalating,
            TaskNotices notices,
            IncompleteEventPublications incomplete,
            Clock clock,
            @Value("${purseguard.dissuasion.clock.enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.escalating = escalating;
        this.notices = notices;
        this.incomplete = incomplete;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(
            fixedDelayString = "${purseguard.dissuasion.clock.every:PT15S}",
            initialDelayString = "${purseguard.dissuasion.clock.every:PT15S}")
    void scheduled() {
        if (!enabled) {
            return;
        }
        int fired = tick(clock.instant());
        if (fired > 0) {
            log.info("SLA clock: {} missed deadlines escalated", fired);
        }
        // an event whose listener failed (e.g. a sign-for that overtook its task's opening) is retried
        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(1));
    }

    /** Fires every step due at {@code now}, in batches of {@value #BATCH} per transaction; answers how many. */
    public int tick(Instant now) {
        int total = 0;
        while (true) {
            Integer fired = transactions.execute(status -> fireBatch(now));
            total += fired;
            if (fired < BATCH) {
                return total;
            }
        }
    }

    private record Due(
            UUID taskId,
            DeadlineKind kind,
            int step,
            int windowSeconds,
            WarningLevel level,
            String unitCode,
            String stationCode,
            String districtCode,
            String outcome,
            boolean uncooperative) {}

    private int fireBatch(Instant now) {
        List<Due> due = jdbc.sql("""
                        SELECT d.task_id, d.kind, d.step, d.window_s, t.level, t.unit_code, t.station_code,
                            t.district_code, t.outcome, t.uncooperative_at IS NOT NULL AS uncooperative
                        FROM dissuasion.deadline d JOIN dissuasion.task t ON t.id = d.task_id
                        WHERE d.next_fire_at <= :now
                        ORDER BY d.next_fire_at
                        LIMIT :batch
                        FOR UPDATE OF t SKIP LOCKED
                        """)
                .param("now", Timestamp.from(now))
                .param("batch", BATCH)
                .query((rs, i) -> new Due(
                        rs.getObject("task_id", UUID.class),
                        DeadlineKind.valueOf(rs.getString("kind")),
                        rs.getInt("step"),
                        rs.getInt("window_s"),
                        WarningLevel.valueOf(rs.getString("level")),
                        rs.getString("unit_code"),
                        rs.getString("station_code"),
                        rs.getString("district_code"),
                        rs.getString("outcome"),
                        rs.getBoolean("uncooperative")))
                .list();
        for (var d : due) {
            fire(d, now);
        }
        return due.size();
    }

    private void fire(Due d, Instant now) {
        if (d.kind() == DeadlineKind.FACE_TO_FACE && Outcome.UNREACHABLE.name().equals(d.outcome())) {
            // unreachable, and now past the visit's deadline: that is the uncooperative path, not a delay
            stop(d, now);
            if (!d.uncooperative()) {
                escalating.uncooperative(d.taskId(), "system", now);
            }
            return;
        }
        var step = EscalationStep.nth(d.step() + 1);
        var target =
                switch (step) {
                    case STATION_HEAD -> d.stationCode() != null ? d.stationCode() : d.unitCode();
                    case DISTRICT_CENTER -> d.districtCode() != null ? d.districtCode() : notices.cityCode();
                    case CITY_CENTER -> notices.cityCode();
                };
        int inserted = jdbc.sql("""
                        INSERT INTO dissuasion.escalation (task_id, seq, kind, deadline_kind, step, target, target_unit, at)
                        SELECT :task, coalesce(max(seq), 0) + 1, 'OVERDUE', :kind, :step, :target, :unit, :at
                        FROM dissuasion.escalation WHERE task_id = :task
                        ON CONFLICT (task_id, deadline_kind, step) DO NOTHING
                        """)
                .param("task", d.taskId())
                .param("kind", d.kind().name())
                .param("step", step.ordinal() + 1)
                .param("target", step.name())
                .param("unit", target)
                .param("at", Timestamp.from(now))
                .update();
        var window = Duration.ofSeconds(d.windowSeconds());
        var next = step.isLast() ? null : now.plus(window.compareTo(MIN_STEP) < 0 ? MIN_STEP : window);
        jdbc.sql(
                        "UPDATE dissuasion.deadline SET step = :step, next_fire_at = :next WHERE task_id = :task AND kind = :kind")
                .param("step", step.ordinal() + 1)
                .param("next", next == null ? null : Timestamp.from(next), java.sql.Types.TIMESTAMP)
                .param("task", d.taskId())
                .param("kind", d.kind().name())
                .update();
        if (inserted == 1) {
            Timeline.append(jdbc, d.taskId(), now, "system", "OVERDUE", d.kind() + " → " + step + " " + target);
            notices.overdue(d.taskId(), d.kind(), step, target, d.level());
        }
    }

    private void stop(Due d, Instant now) {
        jdbc.sql(
                        "UPDATE dissuasion.deadline SET stopped_at = :now, next_fire_at = NULL WHERE task_id = :task AND kind = :kind")
                .param("now", Timestamp.from(now))
                .param("task", d.taskId())
                .param("kind", d.kind().name())
                .update();
    }
}
