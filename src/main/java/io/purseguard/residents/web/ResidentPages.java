package io.purseguard.residents.web;

import io.purseguard.identity.Caller;
import io.purseguard.identity.RevealReason;
import io.purseguard.jurisdiction.Unit;
import io.purseguard.jurisdiction.Units;
import io.purseguard.platform.Htmx;
import io.purseguard.platform.web.Pages;
import io.purseguard.residents.ResidentDirectory;
import io.purseguard.residents.ResidentQuery;
import io.purseguard.residents.ResidentSummary;
import io.purseguard.scope.Placement;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 实有人口: search the registry within the caller's scope, one resident's page with ties, and the
 * audited reveal of the full ID number and phone. The search answers htmx requests with the results
 * fragment only.
 */
@Controller
@RequestMapping("/residents")
class ResidentPages {

    static final int PAGE_SIZE = 20;

    /** Above this many units in scope the unit picker leaves out grids (reachable from a unit's page). */
    static final int GRIDS_IN_PICKER_UP_TO = 300;

    private final ResidentDirectory residents;
    private final Units units;

    ResidentPages(ResidentDirectory residents, Units units) {
        this.residents = residents;
        this.units = units;
    }

    /** The search as typed; numbers that do not parse are ignored rather than refused. */
    public record Form(String q, String unit, Integer ageMin, Integer ageMax, int page) {

        static Form of(String q, String unit, String ageMin, String ageMax, String page) {
            return new Form(blankToNull(q), blankToNull(unit), age(ageMin), age(ageMax), Math.max(0, number(page, 0)));
        }

        ResidentQuery query() {
            return new ResidentQuery(q, unit, ageMin, ageMax, page, PAGE_SIZE);
        }

        /** This search at another page, as a link. */
        public String link(int toPage) {
            var uri = UriComponentsBuilder.fromPath("/residents");
            if (q != null) {
                uri.queryParam("q", q);
            }
            if (unit != null) {
                uri.queryParam("unit", unit);
            }
            if (ageMin != null) {
                uri.queryParam("ageMin", ageMin);
            }
            if (ageMax != null) {
                uri.queryParam("ageMax", ageMax);
            }
            if (toPage > 0) {
                uri.queryParam("page", toPage);
            }
            return uri.encode().build().toUriString();
        }

        private static Integer age(String text) {
            var value = number(text, -1);
            return value < 0 ? null : Math.min(value, 150);
        }

        private static int number(String text, int otherwise) {
            if (text == null || text.isBlank()) {
                return otherwise;
            }
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    /** A result row: the resident (already masked) and the name of their grid. */
    public record Row(ResidentSummary resident, String gridName) {}

    /** A unit the resident belongs to, at one level. */
    public record Place(UnitKind kind, String code, String name) {}

    @GetMapping
    ModelAndView search(
            Caller caller,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String ageMin,
            @RequestParam(required = false) String ageMax,
            @RequestParam(required = false) String page,
            HttpServletRequest request) {
        if (!caller.scope().seesPeople()) {
            return Pages.forbidden();
        }
        var form = Form.of(q, unit, ageMin, ageMax, page);
        var result = residents.search(form.query(), caller.scope());
        var gridNames = units.names(result.items().stream()
                .map(ResidentSummary::gridCode)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        boolean fragment = Htmx.wantsFragment(request);
        var view = new ModelAndView(fragment ? "residents/search :: results" : "residents/search");
        view.addObject("form", form);
        view.addObject("result", result);
        view.addObject(
                "rows",
                result.items().stream()
                        .map(r -> new Row(r, gridNames.get(r.gridCode())))
                        .toList());
        if (!fragment) {
            view.addObject("unitOptions", unitOptions(caller.scope(), form.unit()));
        }
        return view;
    }

    @GetMapping("/{id}")
    ModelAndView detail(Caller caller, @PathVariable String id) {
        if (!caller.scope().seesPeople()) {
            return Pages.forbidden();
        }
        var resident = Pages.uuid(id).flatMap(uuid -> residents.find(uuid, caller.scope()));
        if (resident.isEmpty()) {
            return Pages.notFound();
        }
        var view = new ModelAndView("residents/detail");
        view.addObject("resident", resident.get());
        view.addObject("places", places(resident.get().placement()));
        view.addObject("mayReveal", caller.mayReveal());
        return view;
    }

    /**
     * The full ID number and phone, swapped into the page by htmx. Audited by the directory; a role
     * that may not reveal gets 403 (and the refusal is audited too).
     */
    @PostMapping("/{id}/reveal")
    ModelAndView reveal(
            Caller caller,
            @PathVariable String id,
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String reason) {
        var why = RevealReason.of(purpose, reason); // refused as a 400 naming the field
        var contact = Pages.uuid(id).flatMap(uuid -> residents.reveal(uuid, caller, why));
        if (contact.isEmpty()) {
            return Pages.notFound();
        }
        return new ModelAndView("residents/detail :: revealed", Map.of("contact", contact.get()));
    }

    private List<Place> places(Placement placement) {
        var levels = Stream.of(
                        UnitKind.DISTRICT, UnitKind.STATION, UnitKind.TOWNSHIP, UnitKind.COMMUNITY, UnitKind.GRID)
                .filter(k -> placement.codeAt(k) != null)
                .toList();
        var names = units.names(levels.stream().map(placement::codeAt).toList());
        return levels.stream()
                .map(k -> new Place(k, placement.codeAt(k), names.get(placement.codeAt(k))))
                .toList();
    }

    /**
     * Units in scope to narrow a search to, by level, top down; grids only when the list stays short
     * (or when one is already chosen).
     */
    private Map<UnitKind, List<Unit>> unitOptions(Scope scope, String selected) {
        var all = units.list(scope);
        boolean grids = all.size() <= GRIDS_IN_PICKER_UP_TO;
        var options = new LinkedHashMap<UnitKind, List<Unit>>();
        for (var unit : all) {
            if (grids || unit.kind() != UnitKind.GRID || unit.code().equals(selected)) {
                options.computeIfAbsent(unit.kind(), k -> new ArrayList<>()).add(unit);
            }
        }
        return options;
    }
}
