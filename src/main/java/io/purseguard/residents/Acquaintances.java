package io.purseguard.residents;

import io.purseguard.scope.Placement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a person knows, for the system's own assembly of a dissuasion team (4+1 and 熟警): the persons
 * themselves, their kin, and the ties between them and a given set of others (officers' own resident
 * records). One query per call whatever the number of persons.
 *
 * <p><b>Not for user-facing views.</b> These reads apply no caller scope and return unmasked names and
 * phones: they serve system work started by a warning (the team is assembled before anyone looks at
 * it), and whatever shows the team to a person must mask and scope it. Views use {@link
 * ResidentDirectory}.
 */
@Service
@Transactional(readOnly = true)
public class Acquaintances {

    /** "… 12栋", "… 3组", "… 学生公寓2号楼": a building or village group after the community's name. */
    private static final Pattern COMPOUND = Pattern.compile("^(.*?\\s\\S*?\\d+(?:栋|组|号楼))");

    private static final String COLUMNS = "r.id, r.name, r.gender, r.phone, r.birth_date, r.address, r.home_village, "
            + "r.employer, r.district_code, r.station_code, r.township_code, r.community_code, r.grid_code";

    private final JdbcClient jdbc;

    Acquaintances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A registered person as team assembly needs them (unmasked: not for views).
     *
     * @param employer where they work, as registered (matches an employer head's {@code employer})
     * @param placement the person's grid on both trees
     */
    public record Person(
            UUID id,
            String name,
            Gender gender,
            String phone,
            LocalDate birthDate,
            String address,
            String homeVillage,
            String employer,
            Placement placement) {

        /** The residential compound (小区楼栋 or village group) derived from the address, or null. */
        public String compound() {
            return compoundOf(address);
        }
    }

    /**
     * A relative of {@code personId}: {@code relative} is {@code relation} of the person ({@code
     * PARENT}: the relative is the person's parent).
     */
    public record Kin(UUID personId, Relation relation, Person relative) {}

    /**
     * The persons with these ids, for team assembly (unscoped, unmasked: not for views); ids not in the
     * registry are absent. One query.
     */
    public Map<UUID, Person> personsForAssembly(Collection<UUID> ids) {
        var found = new HashMap<UUID, Person>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT " + COLUMNS + " FROM residents.resident r WHERE r.id = ANY(CAST(:ids AS uuid[]))")
                .param("ids", array(ids))
                .query(rs -> {
                    var person = person(rs);
                    found.put(person.id(), person);
                });
        return found;
    }

    /**
     * The kin (spouse, parents, children, siblings) of each of these persons, whatever their age, for team
     * assembly (unscoped, unmasked: not for views). One query; a person without kin is absent.
     */
    public Map<UUID, List<Kin>> kinForAssembly(Collection<UUID> personIds) {
        var found = new HashMap<UUID, List<Kin>>();
        if (personIds.isEmpty()) {
            return found;
        }
        // a row "t.resident_id is <relation> of t.other_id": read from the person's side, the relative
        // is the row's resident_id and the relation is what the relative is to the person
        jdbc.sql("SELECT t.other_id AS person_id, t.relation, " + COLUMNS
                        + " FROM residents.tie t JOIN residents.resident r ON r.id = t.resident_id"
                        + " WHERE t.other_id = ANY(CAST(:ids AS uuid[]))"
                        + " AND t.relation IN ('SPOUSE', 'PARENT', 'CHILD', 'SIBLING')")
                .param("ids", array(personIds))
                .query(rs -> {
                    var personId = rs.getObject("person_id", UUID.class);
                    found.computeIfAbsent(personId, k -> new ArrayList<>())
                            .add(new Kin(personId, Relation.valueOf(rs.getString("relation")), person(rs)));
                });
        return found;
    }

    /**
     * Every tie (kin, colleague, classmate, home village) between one of {@code personIds} and one of
     * {@code otherIds}, read from the person's side: each {@link Tie} says "{@code residentId} (the other)
     * is {@code relation} of {@code otherId} (the person)". For team assembly (unscoped: not for views).
     * One query, driven by the persons' ties.
     */
    public List<Tie> tiesForAssembly(Collection<UUID> personIds, Collection<UUID> otherIds) {
        if (personIds.isEmpty() || otherIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT t.resident_id, t.other_id, t.relation FROM residents.tie t"
                        + " WHERE t.other_id = ANY(CAST(:persons AS uuid[]))"
                        + " AND t.resident_id = ANY(CAST(:others AS uuid[]))")
                .param("persons", array(personIds))
                .param("others", array(otherIds))
                .query((rs, i) -> new Tie(
                        rs.getObject("resident_id", UUID.class),
                        rs.getObject("other_id", UUID.class),
                        Relation.valueOf(rs.getString("relation"))))
                .list();
    }

    /**
     * The residential compound of an address: the text up to and including the building (urban
     * "<community> 12栋3单元502室" → "<community> 12栋"; a dormitory "… 学生公寓2号楼301室" → "… 学生公寓2号楼")
     * or the village group (rural "<village> 3组 15号" → "<village> 3组"). Null when the address has
     * neither, so two unparsed addresses never count as one compound.
     */
    public static String compoundOf(String address) {
        if (address == null) {
            return null;
        }
        var m = COMPOUND.matcher(address.strip());
        return m.find() ? m.group(1) : null;
    }

    private static Person person(ResultSet rs) throws SQLException {
        return new Person(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                Gender.valueOf(rs.getString("gender")),
                rs.getString("phone"),
                rs.getDate("birth_date").toLocalDate(),
                rs.getString("address"),
                rs.getString("home_village"),
                rs.getString("employer"),
                Placement.read(rs));
    }

    private static String[] array(Collection<UUID> ids) {
        return ids.stream().distinct().map(UUID::toString).toArray(String[]::new);
    }
}
