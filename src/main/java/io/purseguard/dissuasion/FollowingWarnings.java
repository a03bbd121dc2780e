package io.purseguard.dissuasion;

import io.purseguard.scope.Placement;
import io.purseguard.warning.WarningLevel;
import io.purseguard.warning.WarningStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The task follows its warning: signed for by the holder, or returned and transferred to another. */
@Component
class FollowingWarnings {

    private final JdbcClient jdbc;
    private final TaskRows rows;
    private final TeamAssembly assembly;
    private final DissuasionSettings settings;

    FollowingWarnings(JdbcClient jdbc, TaskRows rows, TeamAssembly assembly, DissuasionSettings settings) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.assembly = assembly;
        this.settings = settings;
    }

    /** 签收 stops the sign-for clock. */
    @Transactional
    public void signedFor(UUID warningId, String by, Instant at) {
        rows.taskOf(warningId).ifPresent(taskId -> {
            rows.lock(taskId);
            jdbc.sql("UPDATE dissuasion.task SET signed_for_at = :at, updated_at = :at WHERE id = :id")
                    .param("at", Timestamp.from(at))
                    .param("id", taskId)
                    .update();
            rows.meet(taskId, DeadlineKind.SIGN_FOR, at);
            Timeline.append(jdbc, taskId, at, by, "SIGNED_FOR", null);
        });
    }

    /**
     * A return or transfer: the task follows the warning to its new holder, whose sign-for clock starts
     * again; the team's officer is assembled anew for the new station.
     */
    @Transactional
    public void rerouted(
            UUID warningId, WarningStatus status, String unitCode, Placement placement, String by, Instant at) {
        var found = rows.taskOf(warningId);
        if (found.isEmpty()) {
            return;
        }
        var taskId = found.get();
        rows.lock(taskId);
        jdbc.sql("""
                        UPDATE dissuasion.task SET unit_code = :unit, signed_for_at = NULL, updated_at = :at,
                            district_code = :district, station_code = :station, township_code = :township,
                            community_code = :community, grid_code = :grid
                        WHERE id = :id
                        """)
                .param("unit", unitCode)
                .param("at", Timestamp.from(at))
                .params(placementParams(placement))
                .param("id", taskId)
                .update();
        var level = jdbc.sql("SELECT level FROM dissuasion.task WHERE id = :id")
                .param("id", taskId)
                .query(String.class)
                .single();
        var windows = settings.policy().body().windowsFor(WarningLevel.valueOf(level));
        jdbc.sql("""
                        UPDATE dissuasion.deadline SET due_at = :due, window_s = :window, met_at = NULL, step = 0,
                            stopped_at = NULL, next_fire_at = :due
                        WHERE task_id = :id AND kind = 'SIGN_FOR'
                        """)
                .param("due", Timestamp.from(at.plus(windows.signFor())))
                .param("window", (int) windows.signFor().toSeconds())
                .param("id", taskId)
                .update();
        if (placement.station() != null) {
            var officer = assembly
                    .assemble(List.of(new TeamSubject(taskId, null, placement, at)))
                    .getOrDefault(taskId, List.of())
                    .stream()
                    .filter(m -> m.role() == TeamRole.OFFICER && !m.isMissing())
                    .findFirst();
            officer.ifPresent(m -> replaceRole(taskId, TeamRole.OFFICER, m, by, at, "移交至 " + unitCode));
        }
        Timeline.append(jdbc, taskId, at, by, status.name(), unitCode);
    }

    private void replaceRole(UUID taskId, TeamRole role, TeamMember replacement, String by, Instant at, String why) {
        jdbc.sql("""
                        UPDATE dissuasion.team_member SET active = false, removed_at = :at, removed_by = :by,
                            removed_why = :why WHERE task_id = :task AND role = :role AND active
                        """)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("why", why)
                .param("task", taskId)
                .param("role", role.name())
                .update();
        rows.insertMember(taskId, rows.nextSeq("team_member", taskId), replacement);
    }

    private static Map<String, Object> placementParams(Placement p) {
        var params = new HashMap<String, Object>();
        params.put("district", p.district());
        params.put("station", p.station());
        params.put("township", p.township());
        params.put("community", p.community());
        params.put("grid", p.grid());
        return params;
    }
}
