package io.purseguard.jurisdiction;

import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 值班表: who is on duty at each station in scope, now or over the coming days. */
@Service
@Transactional(readOnly = true)
public class DutyRoster {

    private final JdbcClient jdbc;
    private final Units units;
    private final Clock clock;
    private final DutyRotation rotation = DutyRotation.DEFAULT;

    DutyRoster(JdbcClient jdbc, Units units, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.clock = clock;
    }

    /** The shift holding each station in scope at this moment. */
    public List<DutyShift> now(Scope scope) {
        return schedule(scope, clock.instant(), 1);
    }

    /**
     * Each station's shifts for {@code days} consecutive shifts starting with the one covering
     * {@code from}, station by station.
     */
    public List<DutyShift> schedule(Scope scope, Instant from, int days) {
        var stations = units.list(UnitKind.STATION, scope);
        Map<String, List<StaffMember>> rotations = rotations(scope);
        var first = rotation.shiftDate(from);
        var shifts = new ArrayList<DutyShift>();
        for (var station : stations) {
            var officers = rotations.getOrDefault(station.code(), List.of());
            if (officers.isEmpty()) {
                continue;
            }
            for (int d = 0; d < days; d++) {
                var date = first.plusDays(d);
                shifts.add(new DutyShift(
                        station,
                        officers.get(rotation.slot(date, officers.size())),
                        rotation.shiftStart(date),
                        rotation.shiftStart(date.plusDays(1))));
            }
        }
        return shifts;
    }

    /**
     * The duty rotation of each of these stations, by station code (stations without one are absent),
     * so that who is on duty at any instant follows from {@link StationRotation#onDutyAt}. For the
     * system's own assembly of dissuasion teams: unscoped and not for user-facing views (which use
     * {@link #schedule}). One query, whatever the number of stations.
     */
    public Map<String, StationRotation> rotationsForAssembly(Collection<String> stationCodes) {
        var codes = stationCodes.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        Map<String, List<StaffMember>> byStation = new LinkedHashMap<>();
        if (codes.length > 0) {
            jdbc.sql(StaffDirectory.SELECT.replace("SELECT ", "SELECT r.station_code AS rotation_station, ")
                            + "JOIN jurisdiction.duty_rotation r ON r.staff_id = s.id "
                            + "WHERE r.station_code = ANY(:stations) ORDER BY r.station_code, r.slot")
                    .param("stations", codes)
                    .query(rs -> {
                        byStation
                                .computeIfAbsent(rs.getString("rotation_station"), k -> new ArrayList<>())
                                .add(StaffDirectory.member(rs, 0));
                    });
        }
        Map<String, StationRotation> rotations = new LinkedHashMap<>();
        byStation.forEach(
                (station, officers) -> rotations.put(station, new StationRotation(station, rotation, officers)));
        return rotations;
    }

    private Map<String, List<StaffMember>> rotations(Scope scope) {
        Map<String, List<StaffMember>> byStation = new LinkedHashMap<>();
        jdbc.sql(StaffDirectory.SELECT.replace("SELECT ", "SELECT r.station_code AS rotation_station, ")
                        + "JOIN jurisdiction.duty_rotation r ON r.staff_id = s.id WHERE " + scope.predicate("s")
                        + " ORDER BY r.station_code, r.slot")
                .param(Scope.PARAM, scope.code())
                .query(rs -> {
                    byStation
                            .computeIfAbsent(rs.getString("rotation_station"), k -> new ArrayList<>())
                            .add(StaffDirectory.member(rs, 0));
                });
        return byStation;
    }
}
