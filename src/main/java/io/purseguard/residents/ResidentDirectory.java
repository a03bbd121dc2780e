package io.purseguard.residents;

import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Masking;
import io.purseguard.identity.RevealReason;
import io.purseguard.jurisdiction.Unit;
import io.purseguard.jurisdiction.Units;
import io.purseguard.scope.Placement;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the registry for a caller. Every query carries the caller's scope in its WHERE clause; what
 * is outside the scope is absent from lists and not found by id. Personal data leaves masked; the
 * full values only through {@link #reveal}, which is audited.
 */
@Service
@Transactional(readOnly = true)
public class ResidentDirectory {

    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final String COLUMNS = "r.id, r.name, r.id_number, r.gender, r.birth_date, r.phone, r.address, "
            + "r.home_village, r.occupation, r.employer, r.tags, r.district_code, r.station_code, r.township_code, "
            + "r.community_code, r.grid_code";

    private final JdbcClient jdbc;
    private final Units units;
    private final AuditTrail audit;
    private final Clock clock;

    ResidentDirectory(JdbcClient jdbc, Units units, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    public ResidentPage search(ResidentQuery query, Scope scope) {
        var where = new StringBuilder(scope.predicate("r"));
        var today = LocalDate.now(clock.withZone(LOCAL));
        String text = query.text() == null ? "" : query.text().strip();
        if (!text.isEmpty()) {
            // an exact identifier hits its index; anything else is a name prefix
            where.append(" AND (r.name LIKE :namePrefix OR r.id_number = :exact OR r.phone = :exact)");
        }
        Optional<Unit> unit = Optional.empty();
        if (query.unitCode() != null && !query.unitCode().isBlank()) {
            unit = units.find(query.unitCode().strip(), scope);
            if (unit.isEmpty()) {
                return new ResidentPage(List.of(), query.page(), query.size(), 0);
            }
            if (unit.get().kind() != UnitKind.CITY) {
                where.append(" AND r.").append(unit.get().kind().column()).append(" = :unit");
            }
        }
        if (query.ageMin() != null) {
            where.append(" AND r.birth_date <= :bornBy");
        }
        if (query.ageMax() != null) {
            where.append(" AND r.birth_date > :bornAfter");
        }
        var params = new java.util.HashMap<String, Object>();
        params.put(Scope.PARAM, scope.code());
        params.put("namePrefix", escapeLike(text) + "%");
        params.put("exact", text.toUpperCase(java.util.Locale.ROOT));
        params.put("unit", unit.map(Unit::code).orElse(null));
        params.put("bornBy", query.ageMin() == null ? null : Date.valueOf(today.minusYears(query.ageMin())));
        params.put("bornAfter", query.ageMax() == null ? null : Date.valueOf(today.minusYears(query.ageMax() + 1L)));
        long total = jdbc.sql("SELECT count(*) FROM residents.resident r WHERE " + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", query.size());
        params.put("offset", (long) query.page() * query.size());
        var items = jdbc.sql("SELECT " + COLUMNS + " FROM residents.resident r WHERE " + where
                        + " ORDER BY r.name, r.id LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, i) -> summary(rs, today))
                .list();
        return new ResidentPage(items, query.page(), query.size(), total);
    }

    public Optional<ResidentDetail> find(UUID id, Scope scope) {
        var today = LocalDate.now(clock.withZone(LOCAL));
        return jdbc.sql("SELECT " + COLUMNS + " FROM residents.resident r WHERE r.id = :id AND " + scope.predicate("r"))
                .param("id", id)
                .param(Scope.PARAM, scope.code())
                .query((rs, i) -> detail(rs, today, ties(id, scope)))
                .optional();
    }

    /**
     * The unmasked ID number and phone of a resident in the caller's scope. Writes an audit entry;
     * a role that may not reveal is refused, and the refusal is audited too.
     *
     * @throws AccessDeniedException when the caller's role may not reveal
     */
    @Transactional(noRollbackFor = AccessDeniedException.class) // the refusal's audit entry must stay
    public Optional<RevealedContact> reveal(UUID id, Caller caller, RevealReason reason) {
        var found = jdbc.sql("SELECT r.id, r.name, r.id_number, r.phone FROM residents.resident r WHERE r.id = :id AND "
                        + caller.scope().predicate("r"))
                .param("id", id)
                .param(Scope.PARAM, caller.scope().code())
                .query((rs, i) -> new RevealedContact(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("id_number"),
                        rs.getString("phone")))
                .optional();
        if (found.isEmpty()) {
            return found;
        }
        if (!caller.mayReveal()) {
            audit.record(caller.name(), "REVEAL_DENIED", "resident", id.toString(), reason.audited());
            throw new AccessDeniedException("role " + caller.role() + " may not reveal personal data");
        }
        audit.record(caller.name(), "REVEAL", "resident", id.toString(), reason.audited());
        return found;
    }

    private List<ResidentDetail.TieView> ties(UUID id, Scope scope) {
        // the rows "o is <relation> of :id", so each tie reads as what the other person is to this one
        return jdbc.sql("SELECT t.resident_id AS other_id, t.relation, o.name, (" + scope.predicate("o")
                        + ") AS in_scope FROM residents.tie t JOIN residents.resident o ON o.id = t.resident_id "
                        + "WHERE t.other_id = :id ORDER BY array_position(ARRAY['SPOUSE','PARENT','CHILD','SIBLING',"
                        + "'COLLEAGUE','CLASSMATE','HOME_VILLAGE'], t.relation), o.name")
                .param("id", id)
                .param(Scope.PARAM, scope.code())
                .query((rs, i) -> {
                    boolean inScope = rs.getBoolean("in_scope");
                    return new ResidentDetail.TieView(
                            rs.getObject("other_id", UUID.class),
                            Relation.valueOf(rs.getString("relation")),
                            inScope ? rs.getString("name") : null,
                            inScope);
                })
                .list();
    }

    private static ResidentSummary summary(ResultSet rs, LocalDate today) throws SQLException {
        var birth = rs.getDate("birth_date").toLocalDate();
        return new ResidentSummary(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                Gender.valueOf(rs.getString("gender")),
                Period.between(birth, today).getYears(),
                Masking.idNumber(rs.getString("id_number")),
                Masking.phone(rs.getString("phone")),
                rs.getString("address"),
                rs.getString("occupation"),
                rs.getString("grid_code"),
                tags(rs.getArray("tags")));
    }

    private static ResidentDetail detail(ResultSet rs, LocalDate today, List<ResidentDetail.TieView> ties)
            throws SQLException {
        var birth = rs.getDate("birth_date").toLocalDate();
        return new ResidentDetail(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                Gender.valueOf(rs.getString("gender")),
                birth,
                Period.between(birth, today).getYears(),
                Masking.idNumber(rs.getString("id_number")),
                Masking.phone(rs.getString("phone")),
                rs.getString("address"),
                rs.getString("home_village"),
                rs.getString("occupation"),
                rs.getString("employer"),
                tags(rs.getArray("tags")),
                Placement.read(rs),
                ties);
    }

    private static List<String> tags(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
