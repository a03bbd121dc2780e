package io.purseguard.warning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Masking;
import io.purseguard.identity.Role;
import io.purseguard.jurisdiction.Unit;
import io.purseguard.jurisdiction.Units;
import io.purseguard.scope.Placement;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads warnings within the caller's scope (in SQL) and moves them through their lifecycle: sign-for
 * (签收), return (退回) and transfer (移交). Each step is guarded by the current state in the UPDATE
 * itself, so two people acting at once cannot both succeed, and each is kept in the history;
 * returns and transfers are also audited.
 */
@Service
@Transactional(readOnly = true)
public class Warnings {

    private static final TypeReference<List<LevelReason>> REASONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final Units units;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Warnings(
            JdbcClient jdbc,
            Units units,
            AuditTrail audit,
            ObjectMapper json,
            Clock clock,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    public Optional<WarningView> find(UUID id, Scope scope) {
        var found = jdbc.sql("SELECT * FROM warning.warning w WHERE w.id = :id AND " + scope.predicate("w"))
                .param("id", id)
                .param(Scope.PARAM, scope.code())
                .query((rs, i) -> view(rs, null))
                .optional();
        return found.map(w -> withHistoryAndUnitName(w));
    }

    /** Newest most urgent first: by level, then by time received, newest first. */
    public WarningPage list(WarningQuery query, Scope scope) {
        var params = new HashMap<String, Object>();
        var where = new StringBuilder(within(scope, params));
        if (query.clueId() != null && !query.clueId().isBlank()) {
            where.append(" AND w.clue_id = :clueId");
            params.put("clueId", query.clueId().strip());
        }
        if (query.status() != null) {
            where.append(" AND w.status = :status");
            params.put("status", query.status().name());
        }
        if (query.level() != null) {
            where.append(" AND w.level = :level");
            params.put("level", query.level().name());
        }
        if (query.unitCode() != null && !query.unitCode().isBlank()) {
            var unit = units.find(query.unitCode().strip(), scope);
            if (unit.isEmpty()) {
                return new WarningPage(List.of(), query.page(), query.size(), 0);
            }
            if (unit.get().kind() != UnitKind.CITY) {
                where.append(" AND w.").append(unit.get().kind().column()).append(" = :unit");
                params.put("unit", unit.get().code());
                ancestors(unit.get().kind(), unit.get().placement(), "unit", where, params);
            }
        }
        if (Boolean.TRUE.equals(query.queuedOnly())) {
            where.append(" AND w.station_code IS NULL");
        }
        if (query.from() != null) {
            where.append(" AND w.received_at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND w.received_at < :to");
            params.put("to", Timestamp.from(query.to()));
        }
        long total = jdbc.sql("SELECT count(*) FROM warning.warning w WHERE " + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", query.size());
        params.put("offset", (long) query.page() * query.size());
        var items = jdbc.sql("SELECT * FROM warning.warning w WHERE " + where + " ORDER BY "
                        + "array_position(ARRAY['CRITICAL','HIGH','MEDIUM','LOW'], w.level), w.received_at DESC, w.id "
                        + "LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, i) -> view(rs, null))
                .list();
        var names =
                units.names(items.stream().map(w -> w.unit().code()).distinct().toList());
        return new WarningPage(
                items.stream().map(w -> withUnitName(w, names, w.history())).toList(),
                query.page(),
                query.size(),
                total);
    }

    /**
     * The scope's condition for a read over many warnings, with its parameters. Warnings keep one index
     * over their area columns (district, township, community, grid) rather than one per level, so intake
     * has fewer to maintain; a condition uses it only through the leading columns, so an area below the
     * district also names its ancestors, from the unit tree. A warning's placement always comes from
     * that tree, so the added conditions select nothing more and nothing less.
     */
    private String within(Scope scope, Map<String, Object> params) {
        params.put(Scope.PARAM, scope.code());
        var sql = new StringBuilder(scope.predicate("w"));
        if (scope.kind() != null && scope.kind().ordinal() > UnitKind.STATION.ordinal()) {
            units.find(scope.code(), Scope.city())
                    .ifPresent(unit -> ancestors(scope.kind(), unit.placement(), "scope", sql, params));
        }
        return sql.toString();
    }

    /** Conditions on the area levels above {@code kind} (district, township, community) that are known. */
    private static void ancestors(
            UnitKind kind, Placement placement, String prefix, StringBuilder sql, Map<String, Object> params) {
        for (var level : List.of(UnitKind.DISTRICT, UnitKind.TOWNSHIP, UnitKind.COMMUNITY)) {
            var code = placement.codeAt(level);
            if (level.ordinal() < kind.ordinal() && code != null) {
                var name = prefix + level.name();
                sql.append(" AND w.").append(level.column()).append(" = :").append(name);
                params.put(name, code);
            }
        }
    }

    /** Counts by level and status within scope, for the board. */
    public Map<WarningLevel, Map<WarningStatus, Long>> counts(Scope scope) {
        var counts = new java.util.EnumMap<WarningLevel, Map<WarningStatus, Long>>(WarningLevel.class);
        for (var level : WarningLevel.values()) {
            counts.put(level, new java.util.EnumMap<>(WarningStatus.class));
        }
        var params = new HashMap<String, Object>();
        jdbc.sql("SELECT w.level, w.status, count(*) FROM warning.warning w WHERE " + within(scope, params)
                        + " GROUP BY w.level, w.status")
                .params(params)
                .query(rs -> {
                    counts.get(WarningLevel.valueOf(rs.getString(1)))
                            .put(WarningStatus.valueOf(rs.getString(2)), rs.getLong(3));
                });
        return counts;
    }

    /** 签收: the holding unit acknowledges the warning; refused unless it is RECEIVED or TRANSFERRED. */
    @Transactional
    public WarningView signFor(UUID id, Caller caller) {
        var current = require(id, caller.scope());
        var now = clock.instant();
        int updated = jdbc.sql(
                        "UPDATE warning.warning SET status = 'SIGNED_FOR', signed_for_at = :now, "
                                + "signed_for_by = :by, updated_at = :now WHERE id = :id AND status IN ('RECEIVED', 'TRANSFERRED')")
                .param("now", Timestamp.from(now))
                .param("by", caller.name())
                .param("id", id)
                .update();
        if (updated == 0) {
            throw new WarningTransitionRefused("warning is " + current.status() + ", not waiting to be signed for");
        }
        WarningHistory.append(
                jdbc,
                id,
                now,
                caller.name(),
                "SIGNED_FOR",
                current.unit().code(),
                current.unit().code(),
                null);
        events.publishEvent(new WarningSignedFor(id, caller.name(), now));
        return require(id, caller.scope());
    }

    /**
     * 退回: a station says the warning is not theirs. It goes back to its district's queue (or the city's
     * when no district is known) with the reason, and leaves the station's view.
     */
    @Transactional
    public WarningView returnToQueue(UUID id, Caller caller, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a return needs a reason");
        }
        if (caller.scope().kind() != UnitKind.STATION) {
            throw new WarningTransitionRefused("only a police station returns a warning; a center transfers it");
        }
        var current = require(id, caller.scope());
        if (current.status() == WarningStatus.RETURNED) {
            throw new WarningTransitionRefused("warning was already returned");
        }
        var district = jdbc.sql("SELECT district_code FROM warning.warning WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElse(null);
        var queue = district != null
                ? district
                : units.list(UnitKind.CITY, Scope.city()).get(0).code();
        var now = clock.instant();
        int updated = jdbc.sql(
                        "UPDATE warning.warning SET status = 'RETURNED', unit_code = :queue, station_code = NULL, "
                                + "township_code = NULL, community_code = NULL, grid_code = NULL, signed_for_at = NULL, "
                                + "signed_for_by = NULL, updated_at = :now WHERE id = :id AND status <> 'RETURNED' "
                                + "AND station_code = :station")
                .param("queue", queue)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .param("station", caller.scope().code())
                .update();
        if (updated == 0) {
            throw new WarningTransitionRefused("warning changed meanwhile; reload it");
        }
        WarningHistory.append(
                jdbc, id, now, caller.name(), "RETURNED", current.unit().code(), queue, reason.strip());
        audit.record(caller.name(), "WARNING_RETURNED", "warning", id.toString(), reason.strip());
        var queued = units.find(queue, Scope.city()).map(Unit::placement).orElse(Placement.NONE);
        events.publishEvent(new WarningRerouted(
                id,
                WarningStatus.RETURNED,
                queue,
                new Placement(queued.district(), null, null, null, null),
                caller.name(),
                now));
        return find(id, Scope.city()).orElseThrow();
    }

    /**
     * 移交: a center hands the warning to a police station (or a district) in its scope; the
     * receiving unit must sign for it.
     */
    @Transactional
    public WarningView transfer(UUID id, Caller caller, String unitCode, String reason) {
        if (caller.role() != Role.CITY_CENTER && caller.role() != Role.DISTRICT_CENTER) {
            throw new WarningTransitionRefused("only the city or a district center transfers warnings");
        }
        var current = require(id, caller.scope());
        Unit target = units.find(unitCode == null ? "" : unitCode.strip(), caller.scope())
                .filter(u -> u.kind() == UnitKind.STATION || u.kind() == UnitKind.DISTRICT)
                .orElseThrow(() ->
                        new IllegalArgumentException("unit must be a police station or district in your jurisdiction"));
        var p = target.placement();
        var now = clock.instant();
        jdbc.sql("UPDATE warning.warning SET status = 'TRANSFERRED', unit_code = :unit, district_code = :district, "
                        + "station_code = :station, township_code = NULL, community_code = NULL, grid_code = NULL, "
                        + "signed_for_at = NULL, signed_for_by = NULL, updated_at = :now WHERE id = :id")
                .param("unit", target.code())
                .param("district", p.district())
                .param("station", p.station())
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
        var note = reason == null || reason.isBlank() ? null : reason.strip();
        WarningHistory.append(
                jdbc, id, now, caller.name(), "TRANSFERRED", current.unit().code(), target.code(), note);
        audit.record(
                caller.name(),
                "WARNING_TRANSFERRED",
                "warning",
                id.toString(),
                target.code() + (note == null ? "" : " " + note));
        events.publishEvent(new WarningRerouted(
                id,
                WarningStatus.TRANSFERRED,
                target.code(),
                new Placement(p.district(), p.station(), null, null, null),
                caller.name(),
                now));
        return find(id, Scope.city()).orElseThrow();
    }

    /**
     * The warning's status follows its dissuasion task (劝阻中, 已劝阻, …): called by the dissuasion
     * module, which has checked the caller. Each move is a history line.
     */
    @Transactional
    public void follow(UUID id, WarningStatus status, String actor, String note) {
        if (!status.followsTask()) {
            throw new IllegalArgumentException(status + " is not a dissuasion state");
        }
        var before = jdbc.sql("SELECT status, unit_code FROM warning.warning WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional()
                .orElseThrow(() -> new WarningNotFound(id));
        if (before[0].equals(status.name())) {
            return;
        }
        jdbc.sql("UPDATE warning.warning SET status = :status, updated_at = :now WHERE id = :id")
                .param("status", status.name())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        WarningHistory.append(jdbc, id, clock.instant(), actor, status.name(), before[1], before[1], note);
    }

    /**
     * Raises the level one step (a {@code CRITICAL} warning stays so) with the reason, and moves the
     * warning to {@link WarningStatus#ESCALATED}: the person would not listen, or could not be found.
     * Answers the new level.
     */
    @Transactional
    public WarningLevel escalate(UUID id, String actor, LevelReason reason) {
        var level = jdbc.sql("SELECT level FROM warning.warning WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query((rs, i) -> WarningLevel.valueOf(rs.getString(1)))
                .optional()
                .orElseThrow(() -> new WarningNotFound(id));
        var raised = level.raised();
        jdbc.sql("UPDATE warning.warning SET level = :level, level_reasons = level_reasons || :reason::jsonb "
                        + "WHERE id = :id")
                .param("level", raised.name())
                .param("reason", write(List.of(reason)))
                .param("id", id)
                .update();
        follow(id, WarningStatus.ESCALATED, actor, reason.zh());
        return raised;
    }

    private WarningView require(UUID id, Scope scope) {
        return find(id, scope).orElseThrow(() -> new WarningNotFound(id));
    }

    /**
     * The facts of a warning, unmasked: for protective measures, which act on the real account and
     * phone numbers. A system read, not for views.
     */
    @Transactional(readOnly = true)
    public Optional<WarningFacts> facts(UUID id) {
        return facts(List.of(id)).stream().findFirst();
    }

    /**
     * The facts of the named warnings in one query, in no particular order; ids that name no warning
     * are left out. A system read, for the listeners of {@link WarningsReceived}.
     */
    @Transactional(readOnly = true)
    public List<WarningFacts> facts(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM warning.warning WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, i) -> new WarningFacts(
                        rs.getObject("id", UUID.class),
                        rs.getString("clue_id"),
                        ClueKind.valueOf(rs.getString("kind")),
                        WarningLevel.valueOf(rs.getString("level")),
                        rs.getString("unit_code"),
                        rs.getString("station_code"),
                        rs.getObject("resident_id", UUID.class),
                        rs.getTimestamp("received_at").toInstant(),
                        Placement.read(rs),
                        rs.getString("person_name"),
                        rs.getString("person_id_number"),
                        rs.getString("person_phone"),
                        new WarningFacts.Evidence(
                                rs.getString("person_bank"),
                                rs.getString("person_account"),
                                rs.getString("suspect_bank"),
                                rs.getString("suspect_account"),
                                rs.getString("suspect_holder"),
                                rs.getString("suspect_phone"),
                                rs.getString("suspect_url"),
                                rs.getString("suspect_app"),
                                rs.getBigDecimal("amount"),
                                instant(rs.getTimestamp("transacted_at")),
                                rs.getString("fraud_type") == null
                                        ? null
                                        : FraudType.valueOf(rs.getString("fraud_type")))))
                .list();
    }

    /** Not there, or not in the caller's jurisdiction: the same answer, so scope leaks nothing. */
    public static class WarningNotFound extends RuntimeException {
        public WarningNotFound(UUID id) {
            super("No warning " + id + " in your jurisdiction");
        }
    }

    private WarningView withHistoryAndUnitName(WarningView w) {
        var history = new ArrayList<>(w.history());
        jdbc.sql("SELECT * FROM warning.history WHERE warning_id = :id ORDER BY seq")
                .param("id", w.warningId())
                .query((rs, i) -> new WarningView.HistoryLine(
                        rs.getInt("seq"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("from_unit"),
                        rs.getString("to_unit"),
                        rs.getString("note")))
                .list()
                .forEach(history::add);
        return withUnitName(w, units.names(List.of(w.unit().code())), history);
    }

    private static WarningView withUnitName(
            WarningView w, Map<String, String> names, List<WarningView.HistoryLine> history) {
        return new WarningView(
                w.warningId(),
                w.clueId(),
                w.status(),
                w.level(),
                w.levelReasons(),
                w.ruleSetVersion(),
                w.kind(),
                w.source(),
                w.door(),
                w.person(),
                w.suspect(),
                w.amount(),
                w.transactedAt(),
                w.fraudType(),
                w.upstreamLevel(),
                new WarningView.UnitRef(w.unit().code(), names.get(w.unit().code())),
                w.stationCode(),
                w.gridCode(),
                w.routeMethod(),
                w.routeNote(),
                w.pushedAt(),
                w.receivedAt(),
                w.signedForAt(),
                w.signedForBy(),
                history);
    }

    private WarningView view(ResultSet rs, List<WarningView.HistoryLine> history) throws SQLException {
        return new WarningView(
                rs.getObject("id", UUID.class),
                rs.getString("clue_id"),
                WarningStatus.valueOf(rs.getString("status")),
                WarningLevel.valueOf(rs.getString("level")),
                reasons(rs.getString("level_reasons")),
                rs.getInt("rule_set_version"),
                ClueKind.valueOf(rs.getString("kind")),
                ClueSource.valueOf(rs.getString("source")),
                rs.getString("door"),
                new WarningView.Person(
                        rs.getString("person_name"),
                        Masking.idNumber(rs.getString("person_id_number")),
                        Masking.phone(rs.getString("person_phone")),
                        rs.getString("person_address"),
                        rs.getString("person_bank"),
                        Masking.bankAccount(rs.getString("person_account")),
                        rs.getObject("resident_id", UUID.class)),
                new WarningView.Suspect(
                        rs.getString("suspect_bank"),
                        Masking.bankAccount(rs.getString("suspect_account")),
                        rs.getString("suspect_holder"),
                        // every identifier alike, the suspect's too: the full value through WarningReveal
                        Masking.phone(rs.getString("suspect_phone")),
                        rs.getString("suspect_url"),
                        rs.getString("suspect_app")),
                rs.getBigDecimal("amount"),
                instant(rs.getTimestamp("transacted_at")),
                rs.getString("fraud_type") == null ? null : FraudType.valueOf(rs.getString("fraud_type")),
                rs.getString("upstream_level"),
                new WarningView.UnitRef(rs.getString("unit_code"), null),
                rs.getString("station_code"),
                rs.getString("grid_code"),
                RouteMethod.valueOf(rs.getString("route_method")),
                rs.getString("route_note"),
                instant(rs.getTimestamp("pushed_at")),
                instant(rs.getTimestamp("received_at")),
                instant(rs.getTimestamp("signed_for_at")),
                rs.getString("signed_for_by"),
                history != null ? history : List.of(received(rs)));
    }

    /**
     * The first line of every history, read from the warning row itself: intake writes no history
     * row for it, which saves a statement and a row per clue on the hottest path. Its actor is who took
     * the warning in (a user, a token, or a machine door by name); warnings from before that was kept
     * name their door.
     */
    private static WarningView.HistoryLine received(ResultSet rs) throws SQLException {
        var by = rs.getString("received_by");
        return new WarningView.HistoryLine(
                0,
                rs.getTimestamp("received_at").toInstant(),
                by != null ? by : rs.getString("door").toLowerCase(Locale.ROOT),
                "RECEIVED",
                null,
                rs.getString("routed_unit_code"),
                rs.getString("route_method") + ": " + rs.getString("route_note"));
    }

    private List<LevelReason> reasons(String text) {
        try {
            return json.readValue(text, REASONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored level reasons are unreadable", e);
        }
    }

    private String write(List<LevelReason> reasons) {
        try {
            return json.writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * 签收/处置反馈 for upstream platforms: warnings in scope changed at or after {@code since}, oldest
     * change first, at most {@code limit}. To read on, ask again from the last item's
     * {@code updatedAt} (items changed at that very instant come again).
     */
    public List<Feedback> feedbackSince(Instant since, Scope scope, int limit) {
        return jdbc.sql("SELECT w.clue_id, w.id, w.status, w.level, w.unit_code, w.signed_for_at, w.signed_for_by, "
                        + "w.updated_at FROM warning.warning w WHERE w.updated_at >= :since AND "
                        + scope.predicate("w") + " ORDER BY w.updated_at, w.id LIMIT :limit")
                .param("since", Timestamp.from(since))
                .param(Scope.PARAM, scope.code())
                .param("limit", limit)
                .query((rs, i) -> new Feedback(
                        rs.getString("clue_id"),
                        rs.getObject("id", UUID.class),
                        WarningStatus.valueOf(rs.getString("status")),
                        WarningLevel.valueOf(rs.getString("level")),
                        rs.getString("unit_code"),
                        instant(rs.getTimestamp("signed_for_at")),
                        rs.getString("signed_for_by"),
                        instant(rs.getTimestamp("updated_at"))))
                .list();
    }

    /** One line of upstream feedback: where the clue's warning stands now. */
    public record Feedback(
            String clueId,
            UUID warningId,
            WarningStatus status,
            WarningLevel level,
            String unitCode,
            Instant signedForAt,
            String signedForBy,
            Instant updatedAt) {}
}
