package io.purseguard.jurisdiction;

import io.purseguard.scope.Placement;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds staff, always within the caller's scope (staff are people too). */
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
