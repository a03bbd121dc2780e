package io.purseguard.jurisdiction.web;

import io.purseguard.identity.Caller;
import io.purseguard.identity.Masking;
import io.purseguard.jurisdiction.DutyRoster;
import io.purseguard.jurisdiction.StaffDirectory;
import io.purseguard.jurisdiction.StaffMember;
import io.purseguard.jurisdiction.StaffRole;
import io.purseguard.jurisdiction.TreeShape;
import io.purseguard.jurisdiction.Unit;
import io.purseguard.jurisdiction.UnitNode;
import io.purseguard.jurisdiction.Units;
import io.purseguard.scope.UnitKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Jurisdiction 辖区", description = "The unit tree, staff and duty roster, limited to the caller's scope")
class JurisdictionApi {

    private final Units units;
    private final StaffDirectory staff;
    private final DutyRoster roster;

    JurisdictionApi(Units units, StaffDirectory staff, DutyRoster roster) {
        this.units = units;
        this.staff = staff;
        this.roster = roster;
    }

    @GetMapping("/units")
    @Operation(summary = "The unit tree within the caller's scope (shape POLICE hangs communities under their station)")
    List<UnitJson> tree(Caller caller, @RequestParam(defaultValue = "POLICE") TreeShape shape) {
        return units.tree(caller.scope(), shape).stream().map(UnitJson::of).toList();
    }

    @GetMapping("/units/{code}")
    @Operation(summary = "One unit; 404 when unknown or outside the caller's scope")
    UnitJson unit(Caller caller, @PathVariable String code) {
        return units.find(code, caller.scope())
                .map(u -> UnitJson.of(u, null))
                .orElseThrow(() -> notFound("unit", code));
    }

    @GetMapping("/staff")
    @Operation(summary = "Staff within the caller's scope, optionally of one role and within one unit's area")
    List<StaffJson> staff(
            Caller caller,
            @RequestParam(required = false) StaffRole role,
            @RequestParam(required = false) String unit) {
        var members = staff.find(role, unit, caller.scope());
        var names = units.names(
                members.stream().map(StaffMember::unitCode).distinct().toList());
        return members.stream().map(m -> StaffJson.of(m, names)).toList();
    }

    @GetMapping("/duty")
    @Operation(summary = "Who is on duty at each station in the caller's scope now")
    List<DutyJson> duty(Caller caller) {
        return roster.now(caller.scope()).stream()
                .map(s -> new DutyJson(
                        new UnitRef(s.station().code(), s.station().name()),
                        StaffJson.of(
                                s.officer(),
                                Map.of(s.station().code(), s.station().name())),
                        s.start(),
                        s.end()))
                .toList();
    }

    static ResponseStatusException notFound(String what, Object id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + what + " " + id + " in your jurisdiction");
    }

    record UnitRef(String code, String name) {}

    record UnitJson(
            String code,
            String name,
            UnitKind kind,
            int population,
            String parentCode,
            String stationCode,
            String townshipCode,
            Integer staff,
            List<UnitJson> children) {

        static UnitJson of(UnitNode node) {
            return of(node.unit(), node.staff())
                    .withChildren(node.children().stream().map(UnitJson::of).toList());
        }

        static UnitJson of(Unit u, Integer staff) {
            return new UnitJson(
                    u.code(),
                    u.name(),
                    u.kind(),
                    u.population(),
                    u.parentCode(),
                    u.placement().station(),
                    u.placement().township(),
                    staff,
                    null);
        }

        UnitJson withChildren(List<UnitJson> kids) {
            return new UnitJson(
                    code,
                    name,
                    kind,
                    population,
                    parentCode,
                    stationCode,
                    townshipCode,
                    staff,
                    kids.isEmpty() ? null : kids);
        }
    }

    record StaffJson(
            UUID id,
            UUID residentId,
            String name,
            StaffRole role,
            String title,
            String phone,
            UnitRef unit,
            String gridCode) {

        static StaffJson of(StaffMember m, Map<String, String> unitNames) {
            return new StaffJson(
                    m.id(),
                    m.residentId(),
                    m.name(),
                    m.role(),
                    m.title(),
                    Masking.phone(m.phone()),
                    new UnitRef(m.unitCode(), unitNames.get(m.unitCode())),
                    m.placement().grid());
        }
    }

    record DutyJson(UnitRef station, StaffJson officer, ZonedDateTime from, ZonedDateTime until) {}
}
