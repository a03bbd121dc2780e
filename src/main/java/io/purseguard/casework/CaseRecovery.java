package io.purseguard.casework;

import io.purseguard.identity.Caller;
import io.purseguard.platform.Text;
import io.purseguard.protection.CaseMeasures;
import io.purseguard.protection.MeasureKind;
import io.purseguard.protection.MeasureRefused;
import io.purseguard.protection.MeasureRequest;
import io.purseguard.protection.MeasureView;
import io.purseguard.protection.Measures;
import io.purseguard.scope.Placement;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 追赃挽损 from a case: a stop-payment or a freeze of a receiving account, requested through the
 * protection module with the case number as its {@code caseRef} (so the law's limits apply as for a
 * warning), and the case's measures and recovered money read back through protection's API.
 */
@Service
public class CaseRecovery {

    /**
     * What to request: {@code STOP_PAYMENT} or {@code FREEZE} of an account, given whole or as the
     * receiving account of one of the case's transfers ({@code transferSeq}).
     */
    public record Request(
            MeasureKind kind,
            String account,
            Integer transferSeq,
            String bank,
            String holder,
            BigDecimal amount,
            Instant transactedAt,
            String reason) {}

    private final JdbcClient jdbc;
    private final CaseDirectory directory;
    private final CaseStore store;
    private final Measures measures;
    private final CaseMeasures caseMeasures;
    private final Clock clock;

    CaseRecovery(
            JdbcClient jdbc,
            CaseDirectory directory,
            CaseStore store,
            Measures measures,
            CaseMeasures caseMeasures,
            Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.store = store;
        this.measures = measures;
        this.caseMeasures = caseMeasures;
        this.clock = clock;
    }

    @Transactional(noRollbackFor = MeasureRefused.class)
    public MeasureView request(UUID caseId, Caller caller, Request request) {
        directory.requireVisible(caseId, caller);
        if (request == null || request.kind() == null) {
            throw new CaseRefused("kind", "is required: STOP_PAYMENT or FREEZE");
        }
        if (request.kind() != MeasureKind.STOP_PAYMENT && request.kind() != MeasureKind.FREEZE) {
            throw new CaseRefused("kind", "a case asks for STOP_PAYMENT or FREEZE");
        }
        var c = jdbc.sql(
                        "SELECT case_no, warning_id, district_code, station_code, township_code, community_code, grid_code "
                                + "FROM casework.fraud_case WHERE id = :id")
                .param("id", caseId)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getObject(2, UUID.class), Placement.read(rs)})
                .single();
        String account = CaseInputs.text(request.account(), "account", Text.SHORT);
        String bank = CaseInputs.text(request.bank(), "bank", Text.SHORT);
        String holder = CaseInputs.text(request.holder(), "holder", Text.NAME);
        var amount = CaseInputs.money(request.amount(), "amount", false);
        var at = request.transactedAt();
        if (request.transferSeq() != null) {
            var t = jdbc.sql(
                            "SELECT receiving_account, receiving_bank, receiving_holder, amount, at FROM casework.transfer "
                                    + "WHERE case_id = :id AND seq = :seq")
                    .param("id", caseId)
                    .param("seq", request.transferSeq())
                    .query((rs, i) -> new Object[] {
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getTimestamp(5)
                    })
                    .optional()
                    .orElseThrow(() -> new CaseRefused("transferSeq", "no such transfer in this case"));
            account = account != null ? account : (String) t[0];
            bank = bank != null ? bank : (String) t[1];
            holder = holder != null ? holder : (String) t[2];
            amount = amount != null ? amount : (BigDecimal) t[3];
            at = at != null ? at : t[4] == null ? null : ((java.sql.Timestamp) t[4]).toInstant();
        }
        if (account == null) {
            throw new CaseRefused("account", "is required: the receiving account, or transferSeq");
        }
        account = account.replaceAll("[\\s-]", "");
        if (bank == null) {
            bank = Identifiers.bankOf(account).orElse(null);
        }
        var reason = CaseInputs.text(request.reason(), "reason", Text.NOTE);
        var caseNo = (String) c[0];
        var view = measures.request(
                new MeasureRequest(
                        request.kind(),
                        bank,
                        account,
                        holder,
                        amount,
                        at,
                        reason != null
                                ? reason
                                : "案件" + caseNo + "涉案账户" + (request.kind() == MeasureKind.FREEZE ? "冻结" : "止付"),
                        null,
                        (UUID) c[1],
                        caseNo,
                        null,
                        (Placement) c[2]),
                caller.name());
        store.history(
                caseId,
                clock.instant(),
                caller.name(),
                "MEASURE_" + request.kind(),
                null,
                null,
                null,
                view.documentNo());
        return view;
    }

    /** The case's measures, as protection shows them to the caller. */
    @Transactional(readOnly = true)
    public List<MeasureView> measures(UUID caseId, Caller caller) {
        return caseMeasures.ofCase(caseNo(caseId, caller), caller);
    }

    /** The case's 挽损: stopped, frozen, returned, and each account's money counted once. */
    @Transactional(readOnly = true)
    public CaseMeasures.Recovered recovered(UUID caseId, Caller caller) {
        return caseMeasures.recovered(caseNo(caseId, caller), caller);
    }

    private String caseNo(UUID caseId, Caller caller) {
        directory.requireVisible(caseId, caller);
        return jdbc.sql("SELECT case_no FROM casework.fraud_case WHERE id = :id")
                .param("id", caseId)
                .query(String.class)
                .single();
    }
}
