package io.purseguard.jurisdiction;

import io.purseguard.platform.BulkCopy;
import io.purseguard.scope.Placement;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads a whole jurisdiction (tree, staff, community officers, duty rotation) in bulk. */
@Service
public class JurisdictionLoader {

    private final BulkCopy bulk;
    private final JdbcClient jdbc;

    JurisdictionLoader(BulkCopy bulk, JdbcClient jdbc) {
        this.bulk = bulk;
        this.jdbc = jdbc;
    }

    /** Units must come parents first (the parent key is checked as rows arrive). */
    @Transactional
    public void load(
            List<Unit> units,
            List<StaffMember> staff,
            List<CommunityOfficer> communityOfficers,
            List<DutySlot> rotation) {
        bulk.copy(
                "jurisdiction.unit",
                Placement.columnsAfter("code", "parent_code", "kind", "name", "population"),
                units,
                u -> u.placement().appendTo(u.code(), u.parentCode(), u.kind().name(), u.name(), u.population()));
        bulk.copy(
                "jurisdiction.staff",
                Placement.columnsAfter("id", "resident_id", "name", "role", "unit_code", "phone", "title", "employer"),
                staff,
                s -> s.placement()
                        .appendTo(
                                s.id(),
                                s.residentId(),
                                s.name(),
                                s.role().name(),
                                s.unitCode(),
                                s.phone(),
                                s.title(),
                                s.employer()));
        bulk.copy("jurisdiction.community_officer", List.of("community_code", "staff_id"), communityOfficers, c ->
                new Object[] {c.communityCode(), c.staffId()});
        bulk.copy("jurisdiction.duty_rotation", List.of("station_code", "slot", "staff_id"), rotation, d ->
                new Object[] {d.stationCode(), d.slot(), d.staffId()});
        jdbc.sql("ANALYZE jurisdiction.unit").update();
        jdbc.sql("ANALYZE jurisdiction.staff").update();
    }
}
