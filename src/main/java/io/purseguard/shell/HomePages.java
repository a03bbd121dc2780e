package io.purseguard.shell;

import io.purseguard.identity.Caller;
import io.purseguard.jurisdiction.DutyRoster;
import io.purseguard.jurisdiction.StaffDirectory;
import io.purseguard.jurisdiction.Unit;
import io.purseguard.jurisdiction.Units;
import io.purseguard.residents.ResidentDirectory;
import io.purseguard.residents.ResidentQuery;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 首页: what the caller's scope holds (units, residents, staff) and the population one level down
 * as a bar chart drawn from data embedded in the page.
 */
@Controller
class HomePages {

    private final Units units;
    private final StaffDirectory staff;
    private final ResidentDirectory residents;
    private final DutyRoster roster;

    HomePages(Units units, StaffDirectory staff, ResidentDirectory residents, DutyRoster roster) {
        this.units = units;
        this.staff = staff;
        this.residents = residents;
        this.roster = roster;
    }

    /** One bar: a unit below the caller's and its resident population. */
    public record Bar(String code, String name, int population) {}

    @GetMapping("/")
    String home(Caller caller, Model model) {
        var scope = caller.scope();
        if (!scope.seesPeople()) {
            return "home";
        }
        root(scope).ifPresent(unit -> model.addAttribute("root", unit));
        model.addAttribute("unitCount", units.list(scope).size());
        model.addAttribute(
                "residentCount",
                residents
                        .search(new ResidentQuery(null, null, null, null, 0, 1), scope)
                        .total());
        model.addAttribute("staffCount", staff.find(null, null, scope).size());
        model.addAttribute("onDuty", roster.now(scope).size());
        below(scope.kind()).ifPresent(kind -> {
            model.addAttribute("chartKind", kind);
            model.addAttribute(
                    "bars",
                    units.list(kind, scope).stream()
                            .map(u -> new Bar(u.code(), u.name(), u.population()))
                            .toList());
        });
        return "home";
    }

    private Optional<Unit> root(Scope scope) {
        return scope.kind() == UnitKind.CITY
                ? units.list(UnitKind.CITY, scope).stream().findFirst()
                : units.find(scope.code(), scope);
    }

    /**
     * The level the chart breaks the scope into: districts of a city, stations of a district (the
     * police view; its townships would count the same people twice), communities of a station or
     * township, grids of a community. A grid is not broken down.
     */
    static Optional<UnitKind> below(UnitKind kind) {
        return Optional.ofNullable(
                switch (kind) {
                    case CITY -> UnitKind.DISTRICT;
                    case DISTRICT -> UnitKind.STATION;
                    case STATION, TOWNSHIP -> UnitKind.COMMUNITY;
                    case COMMUNITY -> UnitKind.GRID;
                    case GRID -> null;
                });
    }
}
