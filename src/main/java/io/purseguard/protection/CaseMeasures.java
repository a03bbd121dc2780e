package io.purseguard.protection;

import io.purseguard.identity.Caller;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The measures requested for a case (by its number, the measures' {@code caseRef}) and the money they
 * recovered, read for the case's page: the 挽损 of a case. Added for casework (issue 14) beside
 * {@link Measures} (reading as {@link MeasureQueries} does) so that casework never reads protection's tables.
 */
@Service
@Transactional(readOnly = true)
public class CaseMeasures {

    /**
     * Money stopped, frozen and returned for a case. {@code recovered} counts each account's money
     * once: a freeze or return that follows a stop-payment of the same account holds the same money.
     */
    public record Recovered(BigDecimal stopped, BigDecimal frozen, BigDecimal returned, BigDecimal recovered) {}

    private final JdbcClient jdbc;
    private final MeasureQueries queries;

    CaseMeasures(JdbcClient jdbc, MeasureQueries queries) {
        this.jdbc = jdbc;
        this.queries = queries;
    }

    /** The case's measures the caller sees, oldest first, targets masked, with their clocks and history. */
    public List<MeasureView> ofCase(String caseRef, Caller caller) {
        return jdbc
                .sql("SELECT m.id FROM protection.measure m WHERE m.case_ref = :ref AND " + MeasureRows.visible(caller)
                        + " ORDER BY m.requested_at, m.id")
                .params(MeasureRows.visibleParams(caller))
                .param("ref", caseRef)
                .query(UUID.class)
                .list()
                .stream()
                .map(queries::view)
                .toList();
    }

    public Recovered recovered(String caseRef, Caller caller) {
        return jdbc.sql("""
                        SELECT coalesce(sum(stopped), 0), coalesce(sum(frozen), 0), coalesce(sum(returned), 0),
                               coalesce(sum(greatest(stopped, frozen, returned)), 0)
                        FROM (SELECT m.target,
                                coalesce(sum(m.amount_protected) FILTER (WHERE m.kind = 'STOP_PAYMENT'
                                    AND m.follows_id IS NULL AND m.executed_at IS NOT NULL), 0) AS stopped,
                                coalesce(sum(m.amount_protected) FILTER (WHERE m.kind = 'FREEZE'
                                    AND m.executed_at IS NOT NULL), 0) AS frozen,
                                coalesce(sum(m.amount_returned), 0) AS returned
                              FROM protection.measure m WHERE m.case_ref = :ref AND\s""" + MeasureRows.visible(caller) + " GROUP BY m.target) per_account")
                .params(MeasureRows.visibleParams(caller))
                .param("ref", caseRef)
                .query((rs, i) -> new Recovered(
                        rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .single();
    }
}
