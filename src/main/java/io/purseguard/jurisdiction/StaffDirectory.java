package io.purseguard.jurisdiction;

import io.purseguard.scope.Placement;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds staff within the caller's scope (staff are people too). The {@code …ForAssembly} methods are
 * the exception: unscoped batch reads for the system's own assembly of dissuasion teams, not for views.
 */
@Service
@Transactional(readOnly = true)
public class StaffDirectory {

    static final String SELECT =
            "SELECT s.id, s.resident_id, s.name, s.role, s.unit_code, s.phone, s.title, s.employer, "
                    + "s.district_code, s.station_code, s.township_code, s.community_code, s.grid_code FROM jurisdiction.staff s ";

    private final JdbcClient jdbc;
    private final Units units;

    StaffDirectory(JdbcClient jdbc, Units units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /**
     * Staff in {@code scope}, optionally of one role and within one unit's area (the unit itself and
     * everything under it). An unknown or out-of-scope unit gives an empty list.
     */
    public List<StaffMember> find(StaffRole role, String unitCode, Scope scope) {
        var sql = new StringBuilder(SELECT + "WHERE " + scope.predicate("s"));
        Optional<Unit> unit = Optional.empty();
        if (unitCode != null && !unitCode.isBlank()) {
            unit = units.find(unitCode, scope);
            if (unit.isEmpty()) {
                return List.of();
            }
            sql.append(
                    unit.get().kind() == UnitKind.CITY
                            ? ""
                            : " AND s." + unit.get().kind().column() + " = :unit");
        }
        if (role != null) {
            sql.append(" AND s.role = :role");
        }
        sql.append(" ORDER BY s.unit_code, s.role, s.name");
        return jdbc.sql(sql.toString())
                .param(Scope.PARAM, scope.code())
                .param("unit", unit.map(Unit::code).orElse(null))
                .param("role", role == null ? null : role.name())
                .query(StaffDirectory::member)
                .list();
    }

    public Optional<StaffMember> find(UUID id, Scope scope) {
        return jdbc.sql(SELECT + "WHERE s.id = :id AND " + scope.predicate("s"))
                .param("id", id)
                .param(Scope.PARAM, scope.code())
                .query(StaffDirectory::member)
                .optional();
    }

    /** The community officers answering for a community. */
    public List<StaffMember> communityOfficers(String communityCode, Scope scope) {
        return jdbc.sql(SELECT + "JOIN jurisdiction.community_officer c ON c.staff_id = s.id "
                        + "WHERE c.community_code = :community AND " + scope.predicate("s") + " ORDER BY s.name")
                .param("community", communityCode)
                .param(Scope.PARAM, scope.code())
                .query(StaffDirectory::member)
                .list();
    }

    // ---------------------------------------------------------------- system work: team assembly
    // The methods below apply no caller scope: they serve the system's own assembly of a dissuasion
    // team for a batch of warnings (one query per call, whatever the batch). Not for user-facing views,
    // which use the scoped methods above.

    /**
     * The community officers answering for each of these communities, by community code, each list
     * ordered by name then id. For team assembly (unscoped: not for views). One query.
     */
    public Map<String, List<StaffMember>> communityOfficersForAssembly(Collection<String> communityCodes) {
        var found = new HashMap<String, List<StaffMember>>();
        if (communityCodes.isEmpty()) {
            return found;
        }
        jdbc.sql(SELECT.replace("SELECT ", "SELECT c.community_code AS served_community, ")
                        + "JOIN jurisdiction.community_officer c ON c.staff_id = s.id "
                        + "WHERE c.community_code = ANY(:communities) ORDER BY s.name, s.id")
                .param("communities", distinct(communityCodes))
                .query(rs -> {
                    found.computeIfAbsent(rs.getString("served_community"), k -> new ArrayList<>())
                            .add(member(rs, 0));
                });
        return found;
    }

    /**
     * Staff of one role working for each of these units (by {@code unit_code}: a township's heads, a
     * grid's workers), by unit code, each list ordered by name then id. For team assembly (unscoped:
     * not for views). One query.
     */
    public Map<String, List<StaffMember>> staffOfUnitsForAssembly(StaffRole role, Collection<String> unitCodes) {
        var found = new HashMap<String, List<StaffMember>>();
        if (unitCodes.isEmpty()) {
            return found;
        }
        jdbc.sql(SELECT + "WHERE s.role = :role AND s.unit_code = ANY(:units) ORDER BY s.name, s.id")
                .param("role", role.name())
                .param("units", distinct(unitCodes))
                .query(rs -> {
                    var member = member(rs, 0);
                    found.computeIfAbsent(member.unitCode(), k -> new ArrayList<>())
                            .add(member);
                });
        return found;
    }

    /**
     * The heads of these employers (role {@code EMPLOYER_HEAD}, matched on the exact employer name), by
     * employer name, each list ordered by name then id. For team assembly (unscoped: not for views). One
     * query.
     */
    public Map<String, List<StaffMember>> employerHeadsForAssembly(Collection<String> employers) {
        var found = new HashMap<String, List<StaffMember>>();
        if (employers.isEmpty()) {
            return found;
        }
        jdbc.sql(SELECT + "WHERE s.role = 'EMPLOYER_HEAD' AND s.employer = ANY(:employers) ORDER BY s.name, s.id")
                .param("employers", distinct(employers))
                .query(rs -> {
                    var member = member(rs, 0);
                    found.computeIfAbsent(member.employer(), k -> new ArrayList<>())
                            .add(member);
                });
        return found;
    }

    /**
     * Every police officer in the city (a city has hundreds, ~900 in the demo), ordered by name then
     * id: familiar-officer matching looks for anyone the warned person knows, whatever station they
     * serve. For team assembly (unscoped: not for views). One query.
     */
    public List<StaffMember> officersForAssembly() {
        return jdbc.sql(SELECT + "WHERE s.role = 'OFFICER' ORDER BY s.name, s.id")
                .query(StaffDirectory::member)
                .list();
    }

    /**
     * The phone numbers on file for these staff members, by staff id (those without one are absent):
     * for texting urgent notices to them. System work (unscoped: not for views, which mask phones).
     * One query.
     */
    public Map<UUID, String> phones(Collection<UUID> staffIds) {
        var found = new HashMap<UUID, String>();
        if (staffIds.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT s.id, s.phone FROM jurisdiction.staff s WHERE s.id IN (:ids) AND s.phone IS NOT NULL")
                .param("ids", staffIds.stream().distinct().toList())
                .query(rs -> {
                    found.put(rs.getObject("id", UUID.class), rs.getString("phone"));
                });
        return found;
    }

    private static String[] distinct(Collection<String> codes) {
        return codes.stream().filter(java.util.Objects::nonNull).distinct().toArray(String[]::new);
    }

    static StaffMember member(ResultSet rs, int row) throws SQLException {
        return new StaffMember(
                rs.getObject("id", UUID.class),
                rs.getObject("resident_id", UUID.class),
                rs.getString("name"),
                StaffRole.valueOf(rs.getString("role")),
                rs.getString("unit_code"),
                rs.getString("phone"),
                rs.getString("title"),
                rs.getString("employer"),
                Placement.read(rs));
    }
}
