package io.purseguard.protection;

import io.purseguard.identity.Caller;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Protective measures and their legal clocks, as the web layer, the gateways and the tests see them. A
 * request, a renewal and a release each write the message for the bank or carrier into the outbox in
 * the same transaction ({@link Outbox}); the answer comes back through {@link #answer}, from a callback
 * or a bank liaison, and a replayed answer changes nothing. A thin face: each use case is its own
 * package-private class named as the activity ({@link RequestingMeasures}, {@link RenewingFreezes},
 * {@link ReleasingMeasures}, {@link RecordingAnswers}, {@link MeasureQueries}).
 */
@Service
public class Measures {

    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    /** 紧急止付 holds for 48 hours from execution. */
    public static final Duration STOP_PAYMENT_HOLDS = Duration.ofHours(48);
    /** At most two stop-payments of one account for one case; the third is refused. */
    public static final int STOP_PAYMENTS_PER_ACCOUNT_AND_CASE = 2;
    /** A freeze holds six months and may be renewed. */
    public static final int FREEZE_MONTHS = 6;
    /** The expiry alarm of a freeze rings this long before it lapses. */
    public static final Duration FREEZE_ALARM_BEFORE = Duration.ofDays(7);
    /** Frozen money goes back within three working days of the decision. */
    public static final int RETURN_WORKING_DAYS = 3;

    static final String DEFAULT_APPEAL_ROUTE = "本人可持身份证件到运营商或开户行营业网点申诉，或拨打96110；公安机关核查属实后即时解除。";

    private final RequestingMeasures requesting;
    private final RenewingFreezes renewing;
    private final ReleasingMeasures releasing;
    private final RecordingAnswers answers;
    private final MeasureQueries queries;

    Measures(
            RequestingMeasures requesting,
            RenewingFreezes renewing,
            ReleasingMeasures releasing,
            RecordingAnswers answers,
            MeasureQueries queries) {
        this.requesting = requesting;
        this.renewing = renewing;
        this.releasing = releasing;
        this.answers = answers;
        this.queries = queries;
    }

    // ------------------------------------------------------------------ requesting

    /**
     * Requests a measure: checks the law's limits, stores it with its notice number, and puts the
     * message for the other end into the outbox, all in this transaction.
     *
     * @throws MeasureRefused naming the field, or the rule, that refuses it
     */
    public MeasureView request(MeasureRequest request, String actor) {
        return requesting.request(request, actor);
    }

    /** A freeze runs another six months from its current expiry; the alarm is set anew. */
    public MeasureView renew(UUID id, Caller caller) {
        return renewing.renew(id, caller);
    }

    /** Lifts a measure in force (the money is safe, a wrong number, the case closed), with a reason. */
    public MeasureView release(UUID id, Caller caller, String reason) {
        return releasing.release(id, caller, reason);
    }

    /**
     * The person's appeal against a phone restriction or card cut: upheld, it is lifted at once
     * (反电信网络诈骗法 Art. 31–32); dismissed, the measure stays and the decision is recorded.
     */
    public MeasureView appeal(UUID id, Caller caller, boolean upheld, String note) {
        return releasing.appeal(id, caller, upheld, note);
    }

    // ------------------------------------------------------------------ the other end

    /** What a bank or carrier answers about a measure. */
    public enum Answer {
        ACKNOWLEDGED,
        EXECUTED,
        REJECTED
    }

    /**
     * The other end's answer (a callback, or a liaison's action). Moves forward only: a replayed or
     * late answer (EXECUTED after EXECUTED, ACKNOWLEDGED after EXECUTED) changes nothing and answers
     * false. On execution the legal clock starts: 48 hours for a stop-payment, six months for a freeze.
     *
     * @param amount the amount actually held or returned, or null for the requested amount
     */
    public boolean answer(UUID id, Answer answer, String reason, BigDecimal amount, String actor, Instant at) {
        return answers.answer(id, answer, reason, amount, actor, at);
    }

    /** A bank liaison's action on one of their bank's requests; audited. */
    public MeasureView liaisonAnswer(UUID id, Caller liaison, Answer answer, String reason, BigDecimal amount) {
        return answers.liaisonAnswer(id, liaison, answer, reason, amount);
    }

    // ------------------------------------------------------------------ reading

    public Optional<MeasureView> find(UUID id, Caller caller) {
        return queries.find(id, caller);
    }

    /** A warning's measures, oldest first. */
    public List<MeasureView> ofWarning(UUID warningId, Caller caller) {
        return queries.ofWarning(warningId, caller);
    }

    /** Measures in the caller's view (a liaison: their bank's queue), newest first, optionally by state. */
    public List<MeasureView> list(Caller caller, MeasureState state, int limit) {
        return queries.list(caller, state, limit);
    }

    /** Money held (stopped or frozen) and returned, today, this month and this year (Asia/Shanghai). */
    public record MoneyProtected(
            BigDecimal today, BigDecimal month, BigDecimal year, BigDecimal returnedYear, long measuresToday) {}

    public MoneyProtected moneyProtected(Caller caller) {
        return queries.moneyProtected(caller);
    }

    /** Not there, or not for the caller: the same answer. */
    public static class MeasureNotFound extends RuntimeException {
        public MeasureNotFound(UUID id) {
            super("No measure " + id + " for you");
        }
    }
}
