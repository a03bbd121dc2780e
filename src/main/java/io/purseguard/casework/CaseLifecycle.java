package io.purseguard.casework;

import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.Caller;
import io.purseguard.platform.Text;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a case one step along its lifecycle ({@link CaseStatus#next()}): guarded by the state in the
 * UPDATE, timed, attributed, kept in the history, audited and published ({@link CaseStatusChanged}).
 * Accepting names the officer in charge (the caller unless another is named); not filing needs the
 * reason; filing schedules the revisits.
 */
@Service
public class CaseLifecycle {

    /** A step: where to, why (required to not file), and the officer in charge when accepting. */
    public record Step(CaseStatus to, String reason, String officer) {}

    private final JdbcClient jdbc;
    private final CaseDirectory directory;
    private final CaseStore store;
    private final CaseRevisits revisits;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseLifecycle(
            JdbcClient jdbc,
            CaseDirectory directory,
            CaseStore store,
            CaseRevisits revisits,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.store = store;
        this.revisits = revisits;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public CaseView move(UUID caseId, Caller caller, Step step) {
        directory.requireVisible(caseId, caller);
        if (step == null || step.to() == null) {
            throw new CaseRefused("to", "is required: one of " + java.util.Arrays.toString(CaseStatus.values()));
        }
        var reason = CaseInputs.text(step.reason(), "reason", Text.NOTE);
        if (step.to().needsReason() && reason == null) {
            throw new CaseRefused("reason", "is required: why the case is not filed");
        }
        var officer = CaseInputs.text(step.officer(), "officer", Text.NAME);
        var current = jdbc.sql(
                        "SELECT status, case_no, station_code FROM casework.fraud_case WHERE id = :id FOR UPDATE")
                .param("id", caseId)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
        var from = CaseStatus.valueOf(current[0]);
        if (!from.mayBecome(step.to())) {
            throw new CaseRefused(
                    null, "a " + from + " case cannot become " + step.to() + "; it may become " + from.next());
        }
        var now = clock.instant();
        boolean accepting = step.to() == CaseStatus.ACCEPTED;
        int updated = jdbc.sql("""
                        UPDATE casework.fraud_case SET status = :to, status_at = :now, updated_at = :now,
                            not_filed_reason = CASE WHEN :to = 'NOT_FILED' THEN :reason ELSE not_filed_reason END,
                            officer_name = CASE WHEN :accepting THEN :officer ELSE officer_name END,
                            officer_staff_id = CASE WHEN :accepting THEN :staff ELSE officer_staff_id END
                        WHERE id = :id AND status = :from
                        """)
                .param("to", step.to().name())
                .param("now", Timestamp.from(now))
                .param("reason", reason, java.sql.Types.VARCHAR)
                .param("accepting", accepting)
                .param("officer", officer != null ? officer : caller.displayName())
                .param("staff", officer != null ? null : caller.staffId(), java.sql.Types.OTHER)
                .param("id", caseId)
                .param("from", from.name())
                .update();
        if (updated == 0) {
            throw new CaseRefused(null, "the case changed meanwhile; reload it");
        }
        store.history(caseId, now, caller.name(), step.to().name(), from, step.to(), null, reason);
        audit.record(
                caller.name(),
                "CASE_" + step.to().name(),
                "case",
                caseId.toString(),
                current[1] + (reason == null ? "" : " " + reason));
        if (step.to() == CaseStatus.FILED) {
            revisits.schedule(caseId, now);
        }
        events.publishEvent(new CaseStatusChanged(caseId, current[1], from, step.to(), current[2], caller.name(), now));
        return directory.view(caseId, false);
    }
}
