package io.purseguard.dissuasion;

import static io.purseguard.dissuasion.TaskRows.member;

import io.purseguard.dissuasion.Tasks.InvalidTaskInput;
import io.purseguard.dissuasion.Tasks.SwapInput;
import io.purseguard.dissuasion.Tasks.TaskActionRefused;
import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.jurisdiction.StaffDirectory;
import io.purseguard.platform.Text;
import io.purseguard.residents.ResidentDirectory;
import io.purseguard.scope.Scope;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The station or a center swaps a member of a task's team; the old member stays in the record. */
@Component
class SwappingTeamMembers {

    private final JdbcClient jdbc;
    private final TaskRows rows;
    private final TaskViews views;
    private final StaffDirectory staff;
    private final ResidentDirectory residents;
    private final AuditTrail audit;
    private final Clock clock;

    SwappingTeamMembers(
            JdbcClient jdbc,
            TaskRows rows,
            TaskViews views,
            StaffDirectory staff,
            ResidentDirectory residents,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.views = views;
        this.staff = staff;
        this.residents = residents;
        this.audit = audit;
        this.clock = clock;
    }

    /** The station swaps a team member, with a reason; the old member stays in the record, inactive. */
    @Transactional
    public TaskView swapMember(UUID taskId, int seq, Caller caller, SwapInput input) {
        rows.requireVisible(taskId, caller);
        if (caller.role() != Role.STATION_OFFICER
                && caller.role() != Role.DISTRICT_CENTER
                && caller.role() != Role.CITY_CENTER) {
            throw new TaskActionRefused("the station or a center swaps team members");
        }
        if (input.reason() == null || input.reason().isBlank()) {
            throw new InvalidTaskInput("reason", "is required");
        }
        TaskRows.checkText("reason", input.reason(), Text.NOTE, true);
        if ((input.staffId() == null) == (input.residentId() == null)) {
            throw new InvalidTaskInput("staffId", "give either a staffId or a residentId");
        }
        rows.lock(taskId);
        var role = jdbc.sql("SELECT role FROM dissuasion.team_member WHERE task_id = :t AND seq = :s AND active")
                .param("t", taskId)
                .param("s", seq)
                .query((rs, i) -> TeamRole.valueOf(rs.getString(1)))
                .optional()
                .orElseThrow(() -> new InvalidTaskInput("seq", "no active team member " + seq));
        TeamMember replacement;
        if (input.staffId() != null) {
            var member = staff.find(input.staffId(), Scope.city())
                    .orElseThrow(() -> new InvalidTaskInput("staffId", "no such staff member"));
            replacement = new TeamMember(
                    role,
                    member.id(),
                    member.residentId(),
                    member.name(),
                    member.phone(),
                    member.unitCode(),
                    null,
                    "替换：" + input.reason().strip(),
                    "Swapped in: " + input.reason().strip());
        } else {
            var person = residents
                    .find(input.residentId(), Scope.city())
                    .orElseThrow(() -> new InvalidTaskInput("residentId", "no such resident"));
            replacement = new TeamMember(
                    role,
                    null,
                    input.residentId(),
                    person.name(),
                    null,
                    null,
                    null,
                    "替换：" + input.reason().strip(),
                    "Swapped in: " + input.reason().strip());
        }
        var now = clock.instant();
        jdbc.sql("""
                        UPDATE dissuasion.team_member SET active = false, removed_at = :at, removed_by = :by,
                            removed_why = :why WHERE task_id = :task AND seq = :seq
                        """)
                .param("at", Timestamp.from(now))
                .param("by", caller.name())
                .param("why", input.reason().strip())
                .param("task", taskId)
                .param("seq", seq)
                .update();
        rows.insertMember(taskId, rows.nextSeq("team_member", taskId), replacement);
        Timeline.append(
                jdbc,
                taskId,
                now,
                caller.name(),
                "TEAM_SWAP",
                role + " #" + seq + ": " + input.reason().strip());
        audit.record(
                caller.name(),
                "TASK_TEAM_SWAPPED",
                "task",
                taskId.toString(),
                role + " " + input.reason().strip());
        rows.touch(taskId, now);
        return views.view(taskId);
    }
}
