package io.purseguard.protection;

import static io.purseguard.protection.MeasureRows.blankToNull;
import static io.purseguard.protection.MeasureRows.require;
import static io.purseguard.protection.Measures.DEFAULT_APPEAL_ROUTE;
import static io.purseguard.protection.Measures.LOCAL;
import static io.purseguard.protection.Measures.RETURN_WORKING_DAYS;
import static io.purseguard.protection.Measures.STOP_PAYMENTS_PER_ACCOUNT_AND_CASE;

import io.purseguard.identity.AuditTrail;
import io.purseguard.platform.Amounts;
import io.purseguard.platform.Moments;
import io.purseguard.platform.Text;
import io.purseguard.platform.TimeOrderedIds;
import io.purseguard.scope.Placement;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requesting a measure: the law's limits checked, the measure stored with its notice number, and the
 * message for the bank or carrier put into the outbox in the same transaction.
 */
@Component
class RequestingMeasures {

    private final JdbcClient jdbc;
    private final MeasureRows rows;
    private final MeasureQueries queries;
    private final Outbox outbox;
    private final WorkingDays workingDays;
    private final AuditTrail audit;
    private final Clock clock;

    RequestingMeasures(
            JdbcClient jdbc,
            MeasureRows rows,
            MeasureQueries queries,
            Outbox outbox,
            WorkingDays workingDays,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.queries = queries;
        this.outbox = outbox;
        this.workingDays = workingDays;
        this.audit = audit;
        this.clock = clock;
    }

    /** The free-text fields against the house's vocabulary, each refusal naming its field. */
    private static void checkText(MeasureRequest request) {
        MeasureRows.checkText("institution", request.institution(), Text.SHORT, false);
        MeasureRows.checkText("target", request.target(), Text.LINE, false);
        MeasureRows.checkText("holder", request.holder(), Text.NAME, false);
        MeasureRows.checkText("reason", request.reason(), Text.NOTE, true);
        MeasureRows.checkText("appealRoute", request.appealRoute(), Text.NOTE, true);
        MeasureRows.checkText("caseRef", request.caseRef(), Text.SHORT, false);
    }

    private boolean exists(UUID measure) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM protection.measure WHERE id = :id)")
                .param("id", measure)
                .query(Boolean.class)
                .single();
    }

    /**
     * Requests a measure: checks the law's limits, stores it with its notice number, and puts the
     * message for the other end into the outbox, all in this transaction.
     *
     * @throws MeasureRefused naming the field, or the rule, that refuses it
     */
    @Transactional(noRollbackFor = MeasureRefused.class) // refused before anything is written
    public MeasureView request(MeasureRequest request, String actor) {
        var kind = require(request.kind(), "kind", "is required");
        checkText(request);
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
        Amounts.problem(amount).ifPresent(problem -> {
            throw new MeasureRefused("amount", problem);
        });
        if (kind == MeasureKind.FREEZE && amount == null) {
            throw new MeasureRefused("amount", "is required: the sum the bank freezes");
        }
        var now = clock.instant();
        Moments.problem(request.transactedAt(), now).ifPresent(problem -> {
            throw new MeasureRefused("transactedAt", problem);
        });
        UUID follows = request.followsId();
        if (follows != null && !exists(follows)) {
            throw new MeasureRefused("followsId", "no such measure");
        }
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
        rows.event(id, now, actor, "REQUESTED", MeasureState.REQUESTED, reason);
        outbox.put(id, institution, Outbox.Operation.EXECUTE, now);
        if (!"system".equals(actor)) {
            audit.record(actor, "MEASURE_REQUESTED", "measure", id.toString(), kind + " " + documentNo);
        }
        return queries.view(id);
    }

    private String documentNo(MeasureKind kind, Instant now) {
        long n = jdbc.sql("SELECT nextval('protection.document_seq')")
                .query(Long.class)
                .single();
        return "澄反" + kind.documentMark() + "〔"
                + LocalDate.ofInstant(now, LOCAL).getYear() + "〕" + String.format("%06d", n) + "号";
    }
}
