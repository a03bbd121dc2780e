package io.purseguard.protection;

import static io.purseguard.protection.Measures.FREEZE_ALARM_BEFORE;
import static io.purseguard.protection.Measures.FREEZE_MONTHS;
import static io.purseguard.protection.Measures.LOCAL;

import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.Caller;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Renewing a freeze in force for another six months, told to the bank through the outbox. */
@Component
class RenewingFreezes {

    private final JdbcClient jdbc;
    private final MeasureRows rows;
    private final MeasureQueries queries;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    RenewingFreezes(
            JdbcClient jdbc, MeasureRows rows, MeasureQueries queries, Outbox outbox, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.queries = queries;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** A freeze runs another six months from its current expiry; the alarm is set anew. */
    @Transactional
    public MeasureView renew(UUID id, Caller caller) {
        var m = rows.lockVisible(id, caller);
        if (m.kind() != MeasureKind.FREEZE) {
            throw new MeasureRefused(
                    null, "only a freeze is renewed; a stop-payment may be repeated once, then the account is frozen");
        }
        if (m.state() != MeasureState.EXECUTED) {
            throw new MeasureRefused(null, "only an executed freeze in force is renewed; this one is " + m.state());
        }
        var now = clock.instant();
        var expires = m.expiresAt().atZone(LOCAL).plusMonths(FREEZE_MONTHS).toInstant();
        jdbc.sql("""
                        UPDATE protection.measure SET expires_at = :expires, alarm_at = :alarm, alarmed_at = NULL,
                            renewals = renewals + 1, updated_at = :now WHERE id = :id
                        """)
                .param("expires", Timestamp.from(expires))
                .param("alarm", Timestamp.from(expires.minus(FREEZE_ALARM_BEFORE)))
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
        rows.event(id, now, caller.name(), "RENEWED", MeasureState.EXECUTED, "→ " + expires);
        outbox.put(id, m.institution(), Outbox.Operation.RENEW, now);
        audit.record(caller.name(), "MEASURE_RENEWED", "measure", id.toString(), null);
        return queries.view(id);
    }
}
