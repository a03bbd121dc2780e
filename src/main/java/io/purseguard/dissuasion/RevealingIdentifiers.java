package io.purseguard.dissuasion;

import io.purseguard.dissuasion.Tasks.Revealed;
import io.purseguard.dissuasion.Tasks.TaskActionRefused;
import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.Caller;
import io.purseguard.identity.RevealReason;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The person's full phone and ID number, for the team or a role that may see them; every reveal audited. */
@Component
class RevealingIdentifiers {

    private final JdbcClient jdbc;
    private final TaskRows rows;
    private final AuditTrail audit;

    RevealingIdentifiers(JdbcClient jdbc, TaskRows rows, AuditTrail audit) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.audit = audit;
    }

    @Transactional
    public Revealed reveal(UUID taskId, Caller caller, RevealReason reason) {
        rows.requireVisible(taskId, caller);
        boolean onTeam = caller.staffId() != null
                && jdbc.sql(
                                        "SELECT count(*) FROM dissuasion.team_member WHERE task_id = :t AND staff_id = :s AND active")
                                .param("t", taskId)
                                .param("s", caller.staffId())
                                .query(Long.class)
                                .single()
                        > 0;
        if (!caller.mayReveal() && !onTeam) {
            audit.record(caller.name(), "TASK_REVEAL_REFUSED", "task", taskId.toString(), reason.audited());
            throw new TaskActionRefused("only the team or an officer may see the full number");
        }
        var revealed = jdbc.sql("SELECT person_id_number, person_phone FROM dissuasion.task WHERE id = :id")
                .param("id", taskId)
                .query((rs, i) -> new Revealed(rs.getString(1), rs.getString(2)))
                .single();
        audit.record(
                caller.name(),
                "TASK_PERSON_REVEALED",
                "task",
                taskId.toString(),
                onTeam ? reason.audited() + " (team member)" : reason.audited());
        return revealed;
    }
}
