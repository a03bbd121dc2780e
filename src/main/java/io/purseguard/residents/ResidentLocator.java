package io.purseguard.residents;

import io.purseguard.scope.Placement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds where a person lives, for the system's own routing of a warning (not for people browsing: it
 * applies no caller scope and returns no personal data beyond what routing needs).
 */
@Service
@Transactional(readOnly = true)
public class ResidentLocator {

    private static final String SELECT = "SELECT id, name, birth_date, district_code, station_code, township_code, "
            + "community_code, grid_code FROM residents.resident ";

    private final JdbcClient jdbc;

    ResidentLocator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The registered persons with these ID numbers: one query for a whole intake batch. */
    public java.util.Map<String, LocatedResident> byIdNumbers(java.util.Collection<String> idNumbers) {
        var found = new java.util.HashMap<String, LocatedResident>();
        if (idNumbers.isEmpty()) {
            return found;
        }
        jdbc.sql(SELECT.replace("SELECT ", "SELECT id_number, ") + "WHERE id_number = ANY(:v)")
                .param("v", idNumbers.toArray(String[]::new))
                .query(rs -> {
                    found.put(rs.getString("id_number"), row(rs, 0));
                });
        return found;
    }

    /**
     * The registered holders of these phones; a phone shared by several residents (a family phone)
     * maps to none, so no one is picked at random.
     */
    public java.util.Map<String, LocatedResident> byPhones(java.util.Collection<String> phones) {
        var found = new java.util.HashMap<String, LocatedResident>();
        if (phones.isEmpty()) {
            return found;
        }
        var shared = new java.util.HashSet<String>();
        jdbc.sql(SELECT.replace("SELECT ", "SELECT phone, ") + "WHERE phone = ANY(:v)")
                .param("v", phones.toArray(String[]::new))
                .query(rs -> {
                    if (found.put(rs.getString("phone"), row(rs, 0)) != null) {
                        shared.add(rs.getString("phone"));
                    }
                });
        shared.forEach(found::remove);
        return found;
    }

    private static LocatedResident row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new LocatedResident(
                rs.getObject("id", java.util.UUID.class),
                rs.getString("name"),
                rs.getDate("birth_date").toLocalDate(),
                Placement.read(rs));
    }
}
