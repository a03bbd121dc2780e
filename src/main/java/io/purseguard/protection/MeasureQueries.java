package io.purseguard.protection;

import static io.purseguard.protection.MeasureRows.instant;
import static io.purseguard.protection.MeasureRows.visible;
import static io.purseguard.protection.MeasureRows.visibleParams;
import static io.purseguard.protection.Measures.LOCAL;

import io.purseguard.identity.Caller;
import io.purseguard.identity.Masking;
import io.purseguard.protection.Measures.MoneyProtected;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading measures, limited in SQL to what the caller may see (see {@link MeasureRows#visible}), with
 * their targets masked; and the money protected.
 */
@Component
class MeasureQueries {

    private final JdbcClient jdbc;
    private final Clock clock;

    MeasureQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

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
}
