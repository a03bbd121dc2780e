package io.purseguard.protection;

import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Masking;
import io.purseguard.identity.Role;
import io.purseguard.platform.TimeOrderedIds;
import io.purseguard.scope.Placement;
import io.purseguard.scope.Scope;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Protective measures and their legal clocks. A request, a renewal and a release each write the
 * message for the bank or carrier into the outbox in the same transaction ({@link Outbox}); the answer
 * comes back through {@link #answer}, from a callback or a bank liaison, and a replayed answer changes
 * nothing.
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

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final WorkingDays workingDays;
    private final AuditTrail audit;
    private final Clock clock;

    Measures(JdbcClient jdbc, Outbox outbox, WorkingDays workingDays, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.workingDays = workingDays;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ requesting

    /**
     * Requests a measure: checks the law's limits, stores it with its notice number, and puts the
     * message for the other end into the outbox, all in this transaction.
     *
     * @throws MeasureRefused naming the field, or the rule, that refuses it
     */
    @Transactional(noRollbackFor = MeasureRefused.class) // refused before anything is written
    public MeasureView request(MeasureRequest request, String actor) {
        var kind = require(request.kind(), "kind", "is required");
        var target = require(blankToNull(request.target()), "target", "is required");
        var reason = require(blankToNull(request.reason()), "reason", "is required");
        var institution = blankToNull(request.institution());
        switch (kind) {
            case STOP_PAYMENT, FREEZE, UNFREEZE_RETURN -> {
                if (!target.matches("\\d{8,30}")) {
                    throw new MeasureRefused("target", "must be an account number of 8 to 30 digits");
                }
                require(institution, "institution", "names the bank that holds the account");
            }
            case CARD_CUT -> require(institution, "institution", "names the bank that holds the cards");
            case PHONE_RESTRICTION -> {
                if (!target.matches("1[3-9]\\d{9}")) {
                    throw new MeasureRefused("target", "must be a mainland mobile number of 11 digits");
                }
                if (institution == null) {
                    institution = Carriers.of(target);
                }
            }
            case URL_BLOCK -> {
                if (!target.matches("(?i)https?://\\S+")) {
                    throw new MeasureRefused("target", "must be an http(s) URL");
                }
                institution = institution == null ? Carriers.BLOCKING_PLATFORM : institution;
            }
            case APP_BLOCK -> institution = institution == null ? Carriers.BLOCKING_PLATFORM : institution;
        }
        var amount = request.amount();
        if (amount != null
                && (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2)) {
            throw new MeasureRefused("amount", "must be ≥ 0 with at most 2 decimals");
        }
        var now = clock.instant();
        UUID follows = request.followsId();
        Instant due = null;
        var placement = request.placement() == null ? Placement.NONE : request.placement();
        if (kind == MeasureKind.STOP_PAYMENT) {
            if (request.warningId() == null && blankToNull(request.caseRef()) == null) {
                throw new MeasureRefused("warningId", "a stop-payment belongs to a warning or a case");
            }
            var earlier = jdbc.sql("""
                            SELECT id FROM protection.measure WHERE kind = 'STOP_PAYMENT' AND target = :target
                              AND state <> 'REJECTED'
                              AND (warning_id = :warning OR case_ref = :caseRef)
                            ORDER BY requested_at
                            """)
                    .param("target", target)
                    .param("warning", request.warningId(), java.sql.Types.OTHER)
                    .param("caseRef", blankToNull(request.caseRef()), java.sql.Types.VARCHAR)
                    .query(UUID.class)
                    .list();
            if (earlier.size() >= STOP_PAYMENTS_PER_ACCOUNT_AND_CASE) {
                throw new MeasureRefused(
                        null,
                        "this account has already been stopped " + earlier.size()
                                + " times for this case; a stop-payment may be repeated only once "
                                + "(at most " + STOP_PAYMENTS_PER_ACCOUNT_AND_CASE + "): freeze the account instead");
            }
            if (!earlier.isEmpty()) {
                follows = earlier.get(earlier.size() - 1);
            }
        }
        if (kind == MeasureKind.UNFREEZE_RETURN) {
            var freeze = require(follows, "followsId", "names the executed freeze the money is returned from");
            var frozen = jdbc.sql("SELECT kind, state, amount_protected, target, warning_id FROM protection.measure "
                            + "WHERE id = :id")
                    .param("id", freeze)
                    .query((rs, i) -> new Object[] {
                        rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4), rs.getObject(5)
                    })
                    .optional()
                    .orElseThrow(() -> new MeasureRefused("followsId", "no such measure"));
            if (!"FREEZE".equals(frozen[0]) || !"EXECUTED".equals(frozen[1])) {
                throw new MeasureRefused("followsId", "must be an executed freeze");
            }
            if (amount == null || amount.signum() <= 0) {
                throw new MeasureRefused("amount", "is required: the money to return");
            }
            if (frozen[2] != null && amount.compareTo((BigDecimal) frozen[2]) > 0) {
                throw new MeasureRefused("amount", "cannot exceed the frozen " + frozen[2]);
            }
            var decided = LocalDate.ofInstant(now, LOCAL);
            // due by the end of the third working day after the decision
            due = workingDays
                    .plus(decided, RETURN_WORKING_DAYS)
                    .plusDays(1)
                    .atStartOfDay(LOCAL)
                    .toInstant();
        }
        String appealRoute = null;
        if (kind.appealable()) {
            appealRoute = blankToNull(request.appealRoute()) == null
                    ? DEFAULT_APPEAL_ROUTE
                    : request.appealRoute().strip();
        }
        var id = TimeOrderedIds.next();
        var documentNo = documentNo(kind, now);
        jdbc.sql("""
                        INSERT INTO protection.measure (id, kind, state, institution, target, holder, amount, transacted_at,
                            legal_basis, reason, appeal_route, document_no, warning_id, case_ref, follows_id, requested_by,
                            requested_at, due_at, updated_at, district_code, station_code, township_code, community_code,
                            grid_code)
                        VALUES (:id, :kind, 'REQUESTED', :institution, :target, :holder, :amount, :transacted, :basis,
                            :reason, :appeal, :doc, :warning, :caseRef, :follows, :by, :now, :due, :now, :district,
                            :station, :township, :community, :grid)
                        """)
                .param("id", id)
                .param("kind", kind.name())
                .param("institution", institution)
                .param("target", target)
                .param("holder", blankToNull(request.holder()))
                .param("amount", amount)
                .param(
                        "transacted",
                        request.transactedAt() == null ? null : Timestamp.from(request.transactedAt()),
                        java.sql.Types.TIMESTAMP)
                .param("basis", kind.legalBasis())
                .param("reason", reason)
                .param("appeal", appealRoute)
                .param("doc", documentNo)
                .param("warning", request.warningId(), java.sql.Types.OTHER)
                .param("caseRef", blankToNull(request.caseRef()), java.sql.Types.VARCHAR)
                .param("follows", follows, java.sql.Types.OTHER)
                .param("by", actor)
                .param("now", Timestamp.from(now))
                .param("due", due == null ? null : Timestamp.from(due), java.sql.Types.TIMESTAMP)
                .param("district", placement.district())
                .param("station", placement.station())
                .param("township", placement.township())
                .param("community", placement.community())
                .param("grid", placement.grid())
                .update();
        event(id, now, actor, "REQUESTED", MeasureState.REQUESTED, reason);
        outbox.put(id, institution, Outbox.Operation.EXECUTE, now);
        if (!"system".equals(actor)) {
            audit.record(actor, "MEASURE_REQUESTED", "measure", id.toString(), kind + " " + documentNo);
        }
        return view(id);
    }

    /** A freeze runs another six months from its current expiry; the alarm is set anew. */
    @Transactional
    public MeasureView renew(UUID id, Caller caller) {
        var m = lockVisible(id, caller);
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
        event(id, now, caller.name(), "RENEWED", MeasureState.EXECUTED, "→ " + expires);
        outbox.put(id, m.institution(), Outbox.Operation.RENEW, now);
        audit.record(caller.name(), "MEASURE_RENEWED", "measure", id.toString(), null);
        return view(id);
    }

    /** Lifts a measure in force (the money is safe, a wrong number, the case closed), with a reason. */
    @Transactional
    public MeasureView release(UUID id, Caller caller, String reason) {
        var why = require(blankToNull(reason), "reason", "is required");
        var m = lockVisible(id, caller);
        if (!m.state().active()) {
            throw new MeasureRefused(null, "the measure is already " + m.state());
        }
        releaseLocked(id, m, caller.name(), why, "RELEASED");
        audit.record(caller.name(), "MEASURE_RELEASED", "measure", id.toString(), why);
        return view(id);
    }

    /**
     * The person's appeal against a phone restriction or card cut: upheld, it is lifted at once
     * (反电信网络诈骗法 Art. 31–32); dismissed, the measure stays and the decision is recorded.
     */
    @Transactional
    public MeasureView appeal(UUID id, Caller caller, boolean upheld, String note) {
        var m = lockVisible(id, caller);
        if (!m.kind().appealable()) {
            throw new MeasureRefused(null, m.kind() + " has no appeal route; release it instead");
        }
        var now = clock.instant();
        if (upheld && m.state().active()) {
            releaseLocked(id, m, caller.name(), note == null ? "申诉核查属实" : note, "APPEAL_UPHELD");
        } else {
            event(id, now, caller.name(), upheld ? "APPEAL_UPHELD" : "APPEAL_DISMISSED", m.state(), note);
        }
        audit.record(
                caller.name(),
                upheld ? "MEASURE_APPEAL_UPHELD" : "MEASURE_APPEAL_DISMISSED",
                "measure",
                id.toString(),
                note);
        return view(id);
    }

    private void releaseLocked(UUID id, Locked m, String actor, String why, String action) {
        var now = clock.instant();
        jdbc.sql("UPDATE protection.measure SET state = 'RELEASED', released_at = :now, release_reason = :why, "
                        + "updated_at = :now WHERE id = :id")
                .param("now", Timestamp.from(now))
                .param("why", why)
                .param("id", id)
                .update();
        event(id, now, actor, action, MeasureState.RELEASED, why);
        // a request not yet delivered is not delivered any more; the other end holds it, or may (an
        // attempt that failed or timed out may have reached it): tell them to lift it
        boolean attempted = outbox.cancel(id);
        if (m.state() != MeasureState.REQUESTED || attempted) {
            outbox.put(id, m.institution(), Outbox.Operation.RELEASE, now);
        }
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
    @Transactional
    public boolean answer(UUID id, Answer answer, String reason, BigDecimal amount, String actor, Instant at) {
        var m = lock(id).orElseThrow(() -> new MeasureNotFound(id));
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
        event(id, when, actor, answer.name(), to, reason);
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
            event(id, at, "outbox", "SENT", MeasureState.SENT, null);
        }
    }

    /** A bank liaison's action on one of their bank's requests; audited. */
    @Transactional
    public MeasureView liaisonAnswer(UUID id, Caller liaison, Answer answer, String reason, BigDecimal amount) {
        if (liaison.role() != Role.BANK_LIAISON || liaison.scope().code() == null) {
            throw new MeasureRefused(null, "only a bank liaison answers for their bank");
        }
        lockVisible(id, liaison);
        if (!answer(id, answer, reason, amount, liaison.name(), clock.instant())) {
            throw new MeasureRefused(null, "the request is past that step already");
        }
        audit.record(liaison.name(), "MEASURE_" + answer, "measure", id.toString(), reason);
        return view(id);
    }

    // ------------------------------------------------------------------ reading

    @Transactional(readOnly = true)
    public Optional<MeasureView> find(UUID id, Caller caller) {
        return views("m.id = :id AND " + visible(caller), "", visibleParams(caller), Map.of("id", id)).stream()
                .findFirst();
    }

    /** A warning's measures, oldest first. */
    @Transactional(readOnly = true)
    public List<MeasureView> ofWarning(UUID warningId, Caller caller) {
        return views(
                "m.warning_id = :w AND " + visible(caller),
                " ORDER BY m.requested_at, m.id",
                visibleParams(caller),
                Map.of("w", warningId));
    }

    /** Measures in the caller's view (a liaison: their bank's queue), newest first, optionally by state. */
    @Transactional(readOnly = true)
    public List<MeasureView> list(Caller caller, MeasureState state, int limit) {
        return views(
                visible(caller) + (state == null ? "" : " AND m.state = :state"),
                " ORDER BY m.requested_at DESC LIMIT :limit",
                visibleParams(caller),
                Map.of("state", state == null ? "" : state.name(), "limit", Math.max(1, Math.min(limit, 500))));
    }

    /** Money held (stopped or frozen) and returned, today, this month and this year (Asia/Shanghai). */
    public record MoneyProtected(
            BigDecimal today, BigDecimal month, BigDecimal year, BigDecimal returnedYear, long measuresToday) {}

    @Transactional(readOnly = true)
    public MoneyProtected moneyProtected(Caller caller) {
        var today = LocalDate.ofInstant(clock.instant(), LOCAL);
        var dayStart = Timestamp.from(today.atStartOfDay(LOCAL).toInstant());
        var monthStart =
                Timestamp.from(today.withDayOfMonth(1).atStartOfDay(LOCAL).toInstant());
        var yearStart =
                Timestamp.from(today.withDayOfYear(1).atStartOfDay(LOCAL).toInstant());
        // a repeated stop-payment or a freeze that follows one holds the same money: count it once
        return jdbc.sql("""
                        SELECT
                          coalesce(sum(m.amount_protected) FILTER (WHERE m.executed_at >= :day AND m.follows_id IS NULL), 0),
                          coalesce(sum(m.amount_protected) FILTER (WHERE m.executed_at >= :month AND m.follows_id IS NULL), 0),
                          coalesce(sum(m.amount_protected) FILTER (WHERE m.follows_id IS NULL), 0),
                          coalesce(sum(m.amount_returned), 0),
                          count(*) FILTER (WHERE m.requested_at >= :day)
                        FROM protection.measure m
                        WHERE (m.executed_at >= :year OR m.requested_at >= :day) AND\s""" + visible(caller))
                .params(visibleParams(caller))
                .param("day", dayStart)
                .param("month", monthStart)
                .param("year", yearStart)
                .query((rs, i) -> new MoneyProtected(
                        rs.getBigDecimal(1),
                        rs.getBigDecimal(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getLong(5)))
                .single();
    }

    /**
     * What the caller may see: their jurisdiction (by the person's placement); a bank liaison only their
     * bank's requests. An institution-scoped caller sees no people, so no placement applies.
     */
    static String visible(Caller caller) {
        if (caller.role() == Role.BANK_LIAISON) {
            return caller.scope().code() == null ? "FALSE" : "m.institution = :institution";
        }
        return caller.scope().predicate("m");
    }

    static Map<String, Object> visibleParams(Caller caller) {
        var params = new HashMap<String, Object>();
        params.put(
                Scope.PARAM, caller.scope().code() == null ? "" : caller.scope().code());
        params.put(
                "institution",
                caller.scope().code() == null ? "" : caller.scope().code());
        return params;
    }

    // ------------------------------------------------------------------ plumbing

    record Locked(MeasureKind kind, MeasureState state, String institution, BigDecimal amount, Instant expiresAt) {}

    private Optional<Locked> lock(UUID id) {
        return jdbc.sql(
                        "SELECT kind, state, institution, amount, expires_at FROM protection.measure WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query((rs, i) -> new Locked(
                        MeasureKind.valueOf(rs.getString(1)),
                        MeasureState.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getBigDecimal(4),
                        instant(rs.getTimestamp(5))))
                .optional();
    }

    private Locked lockVisible(UUID id, Caller caller) {
        boolean visible = jdbc.sql("SELECT count(*) FROM protection.measure m WHERE m.id = :id AND " + visible(caller))
                        .param("id", id)
                        .params(visibleParams(caller))
                        .query(Long.class)
                        .single()
                > 0;
        if (!visible) {
            throw new MeasureNotFound(id);
        }
        return lock(id).orElseThrow(() -> new MeasureNotFound(id));
    }

    void event(UUID id, Instant at, String actor, String action, MeasureState state, String note) {
        jdbc.sql("""
                        INSERT INTO protection.measure_event (measure_id, seq, at, actor, action, state, note)
                        SELECT :id, coalesce(max(seq), 0) + 1, :at, :actor, :action, :state, :note
                        FROM protection.measure_event WHERE measure_id = :id
                        """)
                .param("id", id)
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .param("action", action)
                .param("state", state.name())
                .param("note", note)
                .update();
    }

    private String documentNo(MeasureKind kind, Instant now) {
        long n = jdbc.sql("SELECT nextval('protection.document_seq')")
                .query(Long.class)
                .single();
        return "澄反" + kind.documentMark() + "〔"
                + LocalDate.ofInstant(now, LOCAL).getYear() + "〕" + String.format("%06d", n) + "号";
    }

    MeasureView view(UUID id) {
        return views("m.id = :id", "", Map.of(), Map.of("id", id)).get(0);
    }

    /**
     * The measures matching {@code where}, in two queries whatever their number: the rows, then the
     * histories of all of them (each view's history list is filled from the second).
     */
    private List<MeasureView> views(
            String where, String orderAndLimit, Map<String, Object> scope, Map<String, Object> params) {
        var histories = new HashMap<UUID, List<MeasureView.Event>>();
        var views = jdbc.sql("SELECT m.* FROM protection.measure m WHERE " + where + orderAndLimit)
                .params(scope)
                .params(params)
                .query((rs, i) -> {
                    var history = new java.util.ArrayList<MeasureView.Event>();
                    histories.put(rs.getObject("id", UUID.class), history);
                    return view(rs, history);
                })
                .list();
        if (views.isEmpty()) {
            return views;
        }
        jdbc.sql("SELECT * FROM protection.measure_event WHERE measure_id = ANY(:ids) ORDER BY measure_id, seq")
                .param("ids", histories.keySet().toArray(UUID[]::new))
                .query(rs -> {
                    histories
                            .get(rs.getObject("measure_id", UUID.class))
                            .add(new MeasureView.Event(
                                    rs.getInt("seq"),
                                    rs.getTimestamp("at").toInstant(),
                                    rs.getString("actor"),
                                    rs.getString("action"),
                                    MeasureState.valueOf(rs.getString("state")),
                                    rs.getString("note")));
                });
        return views;
    }

    private static MeasureView view(ResultSet rs, List<MeasureView.Event> history) throws SQLException {
        var kind = MeasureKind.valueOf(rs.getString("kind"));
        return new MeasureView(
                rs.getObject("id", UUID.class),
                kind,
                MeasureState.valueOf(rs.getString("state")),
                rs.getString("institution"),
                maskTarget(kind, rs.getString("target")),
                rs.getString("holder"),
                rs.getBigDecimal("amount"),
                instant(rs.getTimestamp("transacted_at")),
                rs.getString("document_no"),
                rs.getString("legal_basis"),
                rs.getString("reason"),
                rs.getString("appeal_route"),
                rs.getObject("warning_id", UUID.class),
                rs.getString("case_ref"),
                rs.getObject("follows_id", UUID.class),
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                instant(rs.getTimestamp("sent_at")),
                instant(rs.getTimestamp("acknowledged_at")),
                instant(rs.getTimestamp("executed_at")),
                rs.getString("reject_reason"),
                instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("due_at")),
                instant(rs.getTimestamp("alarm_at")),
                rs.getInt("renewals"),
                instant(rs.getTimestamp("released_at")),
                rs.getString("release_reason"),
                rs.getBigDecimal("amount_protected"),
                rs.getBigDecimal("amount_returned"),
                rs.getString("station_code"),
                history);
    }

    /** Accounts and phones are personal data; URLs and apps are the fraudsters' and shown whole. */
    static String maskTarget(MeasureKind kind, String target) {
        return switch (kind) {
            case STOP_PAYMENT, FREEZE, UNFREEZE_RETURN -> Masking.bankAccount(target);
            case PHONE_RESTRICTION -> Masking.phone(target);
            case CARD_CUT -> Masking.idNumber(target);
            case URL_BLOCK, APP_BLOCK -> target;
        };
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static <T> T require(T value, String field, String message) {
        if (value == null) {
            throw new MeasureRefused(field, message);
        }
        return value;
    }

    /** Not there, or not for the caller: the same answer. */
    public static class MeasureNotFound extends RuntimeException {
        public MeasureNotFound(UUID id) {
            super("No measure " + id + " for you");
        }
    }
}
