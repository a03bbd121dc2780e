package io.purseguard.demo;

import io.purseguard.jurisdiction.CommunityOfficer;
import io.purseguard.jurisdiction.DutySlot;
import io.purseguard.jurisdiction.StaffMember;
import io.purseguard.jurisdiction.StaffRole;
import io.purseguard.jurisdiction.Unit;
import io.purseguard.residents.IdNumber;
import io.purseguard.residents.NewResident;
import io.purseguard.residents.Relation;
import io.purseguard.residents.Tie;
import io.purseguard.scope.Placement;
import io.purseguard.scope.UnitKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link CityDigest} of what the database holds, read back with ORDER BY in the canonical order, so
 * that a test can prove the database holds exactly the generated city. It reads other modules'
 * tables, which is why it lives with the tests and not in the demo module.
 */
class DatabaseDigest {

    private static final String PLACEMENT = "district_code, station_code, township_code, community_code, grid_code";

    private DatabaseDigest() {}

    static String of(JdbcClient jdbc) {
        List<Unit> units = jdbc.sql("SELECT code, parent_code, kind, name, population, " + PLACEMENT
                        + " FROM jurisdiction.unit ORDER BY code COLLATE \"C\"")
                .query((rs, i) -> new Unit(
                        rs.getString("code"),
                        rs.getString("parent_code"),
                        UnitKind.valueOf(rs.getString("kind")),
                        rs.getString("name"),
                        rs.getInt("population"),
                        placement(rs)))
                .list();
        List<StaffMember> staff = jdbc.sql("SELECT id, resident_id, name, role, unit_code, phone, title, employer, "
                        + PLACEMENT + " FROM jurisdiction.staff ORDER BY id")
                .query((rs, i) -> new StaffMember(
                        rs.getObject("id", UUID.class),
                        rs.getObject("resident_id", UUID.class),
                        rs.getString("name"),
                        StaffRole.valueOf(rs.getString("role")),
                        rs.getString("unit_code"),
                        rs.getString("phone"),
                        rs.getString("title"),
                        rs.getString("employer"),
                        placement(rs)))
                .list();
        List<CommunityOfficer> officers = jdbc.sql("SELECT community_code, staff_id FROM jurisdiction.community_officer"
                        + " ORDER BY community_code COLLATE \"C\", staff_id")
                .query((rs, i) -> new CommunityOfficer(rs.getString(1), rs.getObject(2, UUID.class)))
                .list();
        List<DutySlot> rotation = jdbc.sql("SELECT station_code, slot, staff_id FROM jurisdiction.duty_rotation"
                        + " ORDER BY station_code COLLATE \"C\", slot")
                .query((rs, i) -> new DutySlot(rs.getString(1), rs.getInt(2), rs.getObject(3, UUID.class)))
                .list();
        List<NewResident> residents = jdbc.sql(
                        "SELECT id, name, id_number, gender, birth_date, phone, address, home_village, occupation,"
                                + " employer, tags, " + PLACEMENT
                                + " FROM residents.resident ORDER BY id_number COLLATE \"C\"")
                .query((rs, i) -> resident(rs))
                .list();
        List<Tie> ties = jdbc.sql("SELECT resident_id, other_id, relation FROM residents.tie"
                        + " ORDER BY resident_id, other_id, relation COLLATE \"C\"")
                .query((rs, i) -> new Tie(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), Relation.valueOf(rs.getString(3))))
                .list();
        return CityDigest.of(units, staff, officers, rotation, residents, ties);
    }

    private static NewResident resident(ResultSet rs) throws SQLException {
        var idNumber = new IdNumber(rs.getString("id_number"));
        // the canonical text takes gender and birth date from the ID number: check the stored columns agree
        if (!idNumber.gender().name().equals(rs.getString("gender"))
                || !idNumber.birthDate().equals(rs.getObject("birth_date", java.time.LocalDate.class))) {
            throw new IllegalStateException("stored gender or birth date disagrees with ID number " + idNumber);
        }
        return new NewResident(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                idNumber,
                rs.getString("phone"),
                rs.getString("address"),
                rs.getString("home_village"),
                rs.getString("occupation"),
                rs.getString("employer"),
                Arrays.asList((String[]) rs.getArray("tags").getArray()),
                placement(rs));
    }

    private static Placement placement(ResultSet rs) throws SQLException {
        return new Placement(
                rs.getString("district_code"),
                rs.getString("station_code"),
                rs.getString("township_code"),
                rs.getString("community_code"),
                rs.getString("grid_code"));
    }
}
