package io.purseguard.jurisdiction;

import io.purseguard.scope.Placement;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the unit tree; everything that returns units below the top applies the caller's scope in SQL. */
@Service
@Transactional(readOnly = true)
public class Units {

    private static final String SELECT =
            "SELECT u.code, u.parent_code, u.kind, u.name, u.population, u.district_code, u.station_code, "
                    + "u.township_code, u.community_code, u.grid_code FROM jurisdiction.unit u ";

    private final JdbcClient jdbc;

    Units(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The unit, if it exists and lies in {@code scope}. */
    public Optional<Unit> find(String code, Scope scope) {
        return jdbc.sql(SELECT + "WHERE u.code = :code AND " + scope.predicate("u"))
                .param("code", code)
                .param(Scope.PARAM, scope.code())
                .query(Units::unit)
                .optional();
    }

    /** All units in {@code scope}, top down (by kind, then code). */
    public List<Unit> list(Scope scope) {
        return jdbc.sql(SELECT + "WHERE " + scope.predicate("u") + " ORDER BY " + KIND_ORDER + ", u.code")
                .param(Scope.PARAM, scope.code())
                .query(Units::unit)
                .list();
    }

    /** Units of one kind in {@code scope}, by code. */
    public List<Unit> list(UnitKind kind, Scope scope) {
        return jdbc.sql(SELECT + "WHERE u.kind = :kind AND " + scope.predicate("u") + " ORDER BY u.code")
                .param("kind", kind.name())
                .param(Scope.PARAM, scope.code())
                .query(Units::unit)
                .list();
    }

    /**
     * The units in {@code scope} as a forest: a unit whose parent (in the given shape) is outside the
     * scope becomes a root, so a station officer's tree starts at the station.
     */
    public List<UnitNode> tree(Scope scope, TreeShape shape) {
        var units = list(scope);
        Map<String, Integer> staff = staffCounts(scope);
        Map<String, List<Unit>> children = new LinkedHashMap<>();
        Map<String, Unit> byCode = new LinkedHashMap<>();
        units.forEach(u -> byCode.put(u.code(), u));
        var roots = new ArrayList<Unit>();
        for (var unit : units) {
            var parent = parentIn(unit, shape);
            if (parent != null && byCode.containsKey(parent)) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(unit);
            } else {
                roots.add(unit);
            }
        }
        return roots.stream().map(r -> node(r, children, staff)).toList();
    }

    private static UnitNode node(Unit unit, Map<String, List<Unit>> children, Map<String, Integer> staff) {
        var kids = children.getOrDefault(unit.code(), List.of()).stream()
                .map(c -> node(c, children, staff))
                .toList();
        return new UnitNode(unit, staff.getOrDefault(unit.code(), 0), kids);
    }

    private static String parentIn(Unit unit, TreeShape shape) {
        if (unit.kind() == UnitKind.COMMUNITY && shape == TreeShape.POLICE) {
            return unit.placement().station();
        }
        return unit.parentCode();
    }

    private Map<String, Integer> staffCounts(Scope scope) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT s.unit_code, count(*) FROM jurisdiction.staff s WHERE " + scope.predicate("s")
                        + " GROUP BY s.unit_code")
                .param(Scope.PARAM, scope.code())
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    /**
     * The placement of a unit whatever the caller's scope: a placement is a set of codes, not data about
     * people, and modules that register people need it.
     */
    public Optional<Placement> placementOf(String code) {
        return jdbc.sql(SELECT + "WHERE u.code = :code")
                .param("code", code)
                .query(Units::unit)
                .optional()
                .map(Unit::placement);
    }

    /** Names of the given units (any scope: names label codes the caller already holds). */
    public Map<String, String> names(java.util.Collection<String> codes) {
        Map<String, String> names = new LinkedHashMap<>();
        if (codes.isEmpty()) {
            return names;
        }
        jdbc.sql("SELECT code, name FROM jurisdiction.unit WHERE code IN (:codes)")
                .param("codes", codes)
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    static final String KIND_ORDER =
            "array_position(ARRAY['CITY','DISTRICT','STATION','TOWNSHIP','COMMUNITY','GRID'], u.kind)";

    static Unit unit(ResultSet rs, int row) throws SQLException {
        return new Unit(
                rs.getString("code"),
                rs.getString("parent_code"),
                UnitKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getInt("population"),
                Placement.read(rs));
    }
}
