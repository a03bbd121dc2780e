package io.purseguard.protection;

import static io.purseguard.protection.MeasureRows.blankToNull;
import static io.purseguard.protection.Measures.FREEZE_ALARM_BEFORE;
import static io.purseguard.protection.Measures.FREEZE_MONTHS;
import static io.purseguard.protection.Measures.LOCAL;
import static io.purseguard.protection.Measures.STOP_PAYMENT_HOLDS;

import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.platform.Amounts;
import io.purseguard.platform.Text;
import io.purseguard.protection.Measures.Answer;
import io.purseguard.protection.Measures.MeasureNotFound;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The other end's side: the outbox's delivery, and the answers of a bank or carrier (by callback,
 * batch file or a liaison), which only move a measure forward and start its legal clock.
 */
@Component
class RecordingAnswers {

    private final JdbcClient jdbc;
    private final MeasureRows rows;
    private final MeasureQueries queries;
    private final AuditTrail audit;
    private final Clock clock;

    RecordingAnswers(JdbcClient jdbc, MeasureRows rows, MeasureQueries queries, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The other end's answer (a callback, or a liaison's action). Moves forward only: a replayed or
     * late answer (EXECUTED after EXECUTED, ACKNOWLEDGED after EXECUTED) changes nothing and answers
     * false. On execution the legal clock starts: 48 hours for a stop-payment, six months for a freeze.
     *
     * @param amount the amount actually held or returned, or null for the requested amount
     */
    @Transactional
    public boolean answer(UUID id, Answer answer, String reason, BigDecimal amount, String actor, Instant at) {
        var m = rows.lock(id).orElseThrow(() -> new MeasureNotFound(id));
        var now = clock.instant();
        var when = at == null || at.isAfter(now) ? now : at;
        var to =
                switch (answer) {
                    case ACKNOWLEDGED -> MeasureState.ACKNOWLEDGED;
                    case EXECUTED -> MeasureState.EXECUTED;
                    case REJECTED -> MeasureState.REJECTED;
                };
        if (!m.state().active() || m.state().ordinal() >= to.ordinal()) {
            return false;
        }
        if (answer == Answer.REJECTED && m.state() == MeasureState.EXECUTED) {
            // a late rejection cannot undo what was executed (lifting it is a release)
            return false;
        }
        MeasureRows.checkText("reason", reason, Text.NOTE, true);
        Amounts.problem(amount).ifPresent(problem -> {
            throw new MeasureRefused("amount", problem);
        });
        if (answer == Answer.REJECTED && blankToNull(reason) == null) {
            throw new MeasureRefused("reason", "a rejection says why");
        }
        var params = new HashMap<String, Object>();
        params.put("id", id);
        params.put("at", Timestamp.from(when));
        params.put("now", Timestamp.from(now));
        String set;
        switch (answer) {
            case ACKNOWLEDGED -> set = "acknowledged_at = :at";
            case REJECTED -> {
                set = "rejected_at = :at, reject_reason = :reason";
                params.put("reason", reason.strip());
            }
            default -> {
                set = "executed_at = :at, acknowledged_at = coalesce(acknowledged_at, :at), expires_at = :expires, "
                        + "alarm_at = :alarm, amount_protected = :protected, amount_returned = :returned";
                Instant expires = null;
                Instant alarm = null;
                if (m.kind() == MeasureKind.STOP_PAYMENT) {
                    expires = when.plus(STOP_PAYMENT_HOLDS);
                } else if (m.kind() == MeasureKind.FREEZE) {
                    expires = when.atZone(LOCAL).plusMonths(FREEZE_MONTHS).toInstant();
                    alarm = expires.minus(FREEZE_ALARM_BEFORE);
                }
                var held = amount != null ? amount : m.amount();
                params.put("expires", expires == null ? null : Timestamp.from(expires));
                params.put("alarm", alarm == null ? null : Timestamp.from(alarm));
                params.put("protected", m.kind().holdsMoney() ? held : null);
                params.put("returned", m.kind() == MeasureKind.UNFREEZE_RETURN ? held : null);
            }
        }
        jdbc.sql("UPDATE protection.measure SET state = :state, " + set + ", updated_at = :now WHERE id = :id")
                .params(params)
                .param("state", to.name())
                .update();
        rows.event(id, when, actor, answer.name(), to, reason);
        return true;
    }

    /** The outbox delivered the request: REQUESTED → SENT (later states are left alone). */
    @Transactional
    public void sent(UUID id, Instant at) {
        int moved = jdbc.sql("UPDATE protection.measure SET state = 'SENT', sent_at = :at, updated_at = :at "
                        + "WHERE id = :id AND state = 'REQUESTED'")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
        if (moved == 1) {
            rows.event(id, at, "outbox", "SENT", MeasureState.SENT, null);
        }
    }

    /** A bank liaison's action on one of their bank's requests; audited. */
    @Transactional
    public MeasureView liaisonAnswer(UUID id, Caller liaison, Answer answer, String reason, BigDecimal amount) {
        if (liaison.role() != Role.BANK_LIAISON || liaison.scope().code() == null) {
            throw new MeasureRefused(null, "only a bank liaison answers for their bank");
        }
        rows.lockVisible(id, liaison);
        if (!answer(id, answer, reason, amount, liaison.name(), clock.instant())) {
            throw new MeasureRefused(null, "the request is past that step already");
        }
        audit.record(liaison.name(), "MEASURE_" + answer, "measure", id.toString(), reason);
        return queries.view(id);
    }
}
