package io.purseguard.jurisdiction.web;

import io.purseguard.identity.Caller;
import io.purseguard.identity.Masking;
import io.purseguard.jurisdiction.StaffDirectory;
import io.purseguard.jurisdiction.StaffMember;
import io.purseguard.jurisdiction.TreeShape;
import io.purseguard.jurisdiction.Unit;
import io.purseguard.jurisdiction.Units;
import io.purseguard.scope.UnitKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** 辖区: the unit tree within the caller's scope, and one unit with its staff. */
@Controller
class UnitPages {

    /** More staff than this on one page is a list nobody reads; the page says how many were left out. */
    static final int STAFF_SHOWN = 200;

    private final Units units;
    private final StaffDirectory staff;

    UnitPages(Units units, StaffDirectory staff) {
        this.units = units;
        this.staff = staff;
    }

    /** A staff member as listed: phone masked, unit named. */
    public record StaffRow(StaffMember member, String phone, String unitName) {}

    /** Another unit as a link (when in scope) or a plain label. */
    public record UnitRef(String code, String name, UnitKind kind, boolean inScope) {}

    @GetMapping("/units")
    ModelAndView tree(Caller caller, @RequestParam(required = false) String shape) {
        if (!caller.scope().seesPeople()) {
            return new ModelAndView("error/403", HttpStatus.FORBIDDEN);
        }
        var treeShape = "ADMINISTRATIVE".equalsIgnoreCase(shape) ? TreeShape.ADMINISTRATIVE : TreeShape.POLICE;
        var page = new ModelAndView("units/tree");
        page.addObject("shape", treeShape);
        page.addObject("roots", units.tree(caller.scope(), treeShape));
        return page;
    }

    @GetMapping("/units/{code}")
    ModelAndView unit(Caller caller, @PathVariable String code) {
        var scope = caller.scope();
        if (!scope.seesPeople()) {
            return new ModelAndView("error/403", HttpStatus.FORBIDDEN);
        }
        var found = units.find(code, scope);
        if (found.isEmpty()) {
            return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
        }
        var unit = found.get();
        var page = new ModelAndView("units/unit");
        page.addObject("unit", unit);
        page.addObject("parents", parents(unit, caller));
        page.addObject("children", children(unit, caller));

        var members = staff.find(null, unit.code(), scope);
        page.addObject("staffTotal", members.size());
        page.addObject("staff", rows(members.stream().limit(STAFF_SHOWN).toList()));
        page.addObject("staffShown", Math.min(members.size(), STAFF_SHOWN));
        if (unit.kind() == UnitKind.COMMUNITY) {
            page.addObject("communityOfficers", rows(staff.communityOfficers(unit.code(), scope)));
        }
        return page;
    }

    /**
     * The units above: the parent on the primary tree, and for a community also its police station
     * (the police tree hangs communities under stations, the administrative tree under townships).
     * Names label codes the caller already holds; only units in scope become links.
     */
    private List<UnitRef> parents(Unit unit, Caller caller) {
        var refs = new ArrayList<UnitRef>();
        var parentKind = parentKind(unit.kind());
        if (unit.parentCode() != null && parentKind != null) {
            refs.add(ref(unit.parentCode(), parentKind, caller));
        }
        if (unit.kind() == UnitKind.COMMUNITY && unit.placement().station() != null) {
            refs.add(ref(unit.placement().station(), UnitKind.STATION, caller));
        }
        return refs;
    }

    private UnitRef ref(String code, UnitKind kind, Caller caller) {
        return new UnitRef(
                code,
                units.names(List.of(code)).get(code),
                kind,
                units.find(code, caller.scope()).isPresent());
    }

    static UnitKind parentKind(UnitKind kind) {
        return switch (kind) {
            case CITY -> null;
            case DISTRICT -> UnitKind.CITY;
            case STATION, TOWNSHIP -> UnitKind.DISTRICT;
            case COMMUNITY -> UnitKind.TOWNSHIP;
            case GRID -> UnitKind.COMMUNITY;
        };
    }

    /** The units one level down, in the caller's scope. */
    private List<Unit> children(Unit unit, Caller caller) {
        var kinds =
                switch (unit.kind()) {
                    case CITY -> List.of(UnitKind.DISTRICT);
                    case DISTRICT -> List.of(UnitKind.STATION, UnitKind.TOWNSHIP);
                    case STATION, TOWNSHIP -> List.of(UnitKind.COMMUNITY);
                    case COMMUNITY -> List.of(UnitKind.GRID);
                    case GRID -> List.<UnitKind>of();
                };
        var below = new ArrayList<Unit>();
        for (var kind : kinds) {
            units.list(kind, caller.scope()).stream()
                    .filter(u -> unit.kind() == UnitKind.CITY
                            || unit.code().equals(u.placement().codeAt(unit.kind())))
                    .forEach(below::add);
        }
        return below;
    }

    private List<StaffRow> rows(List<StaffMember> members) {
        Map<String, String> names = units.names(
                members.stream().map(StaffMember::unitCode).distinct().toList());
        return members.stream()
                .map(m -> new StaffRow(m, Masking.phone(m.phone()), names.get(m.unitCode())))
                .toList();
    }
}
