package io.purseguard.protection;

import static io.purseguard.protection.MeasureRows.blankToNull;
import static io.purseguard.protection.MeasureRows.require;

import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.Caller;
import io.purseguard.platform.Text;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lifting a measure in force: released with a reason, or on an upheld appeal; the other end is told
 * to lift it unless the request never left.
 */
@Component
class ReleasingMeasures {

    private final JdbcClient jdbc;
    private final MeasureRows rows;
    private final MeasureQueries queries;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    ReleasingMeasures(
            JdbcClient jdbc, MeasureRows rows, MeasureQueries queries, Outbox outbox, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.queries = queries;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Lifts a measure in force (the money is safe, a wrong number, the case closed), with a reason. */
    @Transactional
    public MeasureView release(UUID id, Caller caller, String reason) {
        var why = require(blankToNull(reason), "reason", "is required");
        MeasureRows.checkText("reason", why, Text.NOTE, true);
        var m = rows.lockVisible(id, caller);
        if (!m.state().active()) {
            throw new MeasureRefused(null, "the measure is already " + m.state());
        }
        releaseLocked(id, m, caller.name(), why, "RELEASED");
        audit.record(caller.name(), "MEASURE_RELEASED", "measure", id.toString(), why);
        return queries.view(id);
    }

    /**
     * The person's appeal against a phone restriction or card cut: upheld, it is lifted at once
     * (反电信网络诈骗法 Art. 31–32); dismissed, the measure stays and the decision is recorded.
     */
    @Transactional
    public MeasureView appeal(UUID id, Caller caller, boolean upheld, String note) {
        MeasureRows.checkText("note", note, Text.NOTE, true);
        var m = rows.lockVisible(id, caller);
        if (!m.kind().appealable()) {
            throw new MeasureRefused(null, m.kind() + " has no appeal route; release it instead");
        }
        var now = clock.instant();
        if (upheld && m.state().active()) {
            releaseLocked(id, m, caller.name(), note == null ? "申诉核查属实" : note, "APPEAL_UPHELD");
        } else {
            rows.event(id, now, caller.name(), upheld ? "APPEAL_UPHELD" : "APPEAL_DISMISSED", m.state(), note);
        }
        audit.record(
                caller.name(),
                upheld ? "MEASURE_APPEAL_UPHELD" : "MEASURE_APPEAL_DISMISSED",
                "measure",
                id.toString(),
                note);
        return queries.view(id);
    }

    private void releaseLocked(UUID id, MeasureRows.Locked m, String actor, String why, String action) {
        var now = clock.instant();
        jdbc.sql("UPDATE protection.measure SET state = 'RELEASED', released_at = :now, release_reason = :why, "
                        + "updated_at = :now WHERE id = :id")
                .param("now", Timestamp.from(now))
                .param("why", why)
                .param("id", id)
                .update();
        rows.event(id, now, actor, action, MeasureState.RELEASED, why);
        // a request not yet delivered is not delivered any more; the other end holds it, or may (an
        // attempt that failed or timed out may have reached it): tell them to lift it
        boolean attempted = outbox.cancel(id);
        if (m.state() != MeasureState.REQUESTED || attempted) {
            outbox.put(id, m.institution(), Outbox.Operation.RELEASE, now);
        }
    }
}
