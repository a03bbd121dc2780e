package io.purseguard.warning.web;

import io.purseguard.identity.Caller;
import io.purseguard.jurisdiction.Unit;
import io.purseguard.jurisdiction.Units;
import io.purseguard.platform.Htmx;
import io.purseguard.platform.web.CityTimes;
import io.purseguard.platform.web.Pages;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import io.purseguard.warning.WarningLevel;
import io.purseguard.warning.WarningPage;
import io.purseguard.warning.WarningQuery;
import io.purseguard.warning.WarningStatus;
import io.purseguard.warning.WarningTransitionRefused;
import io.purseguard.warning.WarningView;
import io.purseguard.warning.Warnings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 预警: the warnings within the caller's scope, most urgent and newest first, each with its page
 * (reasons, person masked, clue facts, route, history) and the steps the caller may take: 签收,
 * 退回 (station officers), 移交 (centers). The centers also have a live board: counts by level and
 * status that poll every few seconds (one GROUP BY), the list, and the manual queue of warnings no
 * station holds yet.
 *
 * <p>Lists answer htmx requests with their fragment only. Row actions posted by htmx answer with the
 * row as it now is; the same forms posted without htmx redirect with a notice. When the counts a page
 * shows are out of date, the poll's answer carries {@code HX-Trigger: warnings-changed}, on which the
 * lists reload themselves.
 */
@Controller
@RequestMapping("/warnings")
class WarningPages {

    static final int PAGE_SIZE = 20;
    static final int QUEUE_SIZE = 50;
    static final String CHANGED = "warnings-changed";

    private final Warnings warnings;
    private final Units units;
    private final Times times;
    private volatile String cityCode;

    WarningPages(Warnings warnings, Units units, @Value("${purseguard.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.warnings = warnings;
        this.units = units;
        this.times = new Times(zone);
    }

    /** The list's filters as typed; values that do not parse are ignored rather than refused. */
    public record Filter(String clue, WarningStatus status, WarningLevel level, String unit, int page) {

        static Filter of(String clue, String status, String level, String unit, String page) {
            return new Filter(
                    blankToNull(clue),
                    constant(WarningStatus.class, status),
                    constant(WarningLevel.class, level),
                    blankToNull(unit),
                    Math.max(0, number(page)));
        }

        WarningQuery query() {
            return new WarningQuery(clue, status, level, unit, null, null, null, page, PAGE_SIZE);
        }

        /** These filters at another page of {@code base} ({@code /warnings} or the board), as a link. */
        public String link(String base, int toPage) {
            var uri = UriComponentsBuilder.fromPath(base);
            if (clue != null) {
                uri.queryParam("clue", clue);
            }
            if (status != null) {
                uri.queryParam("status", status);
            }
            if (level != null) {
                uri.queryParam("level", level);
            }
            if (unit != null) {
                uri.queryParam("unit", unit);
            }
            if (toPage > 0) {
                uri.queryParam("page", toPage);
            }
            return uri.encode().build().toUriString();
        }

        private static <E extends Enum<E>> E constant(Class<E> type, String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static int number(String text) {
            try {
                return text == null ? 0 : Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    /** A warning in a list, with what the caller may do to it there. */
    public record Row(WarningView warning, WarningPageActions actions, String unitName) {}

    /** One page of rows. */
    public record Rows(List<Row> items, int page, long total) {

        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    /** Times as the city reads them (Asia/Shanghai), whatever the server's zone. */
    public record Times(ZoneId zone) implements CityTimes {}

    /** What the last action did, shown once after a redirect: a message key. */
    public record Notice(String key, boolean error) implements Serializable {}

    // ---------------------------------------------------------------- the list

    @GetMapping
    ModelAndView list(
            Caller caller,
            @RequestParam(required = false) String clue,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String page,
            HttpServletRequest request) {
        if (!caller.scope().seesPeople()) {
            return Pages.forbidden();
        }
        var filter = Filter.of(clue, status, level, unit, page);
        boolean fragment = Htmx.wantsFragment(request);
        var view = new ModelAndView(fragment ? "warnings/fragments :: results" : "warnings/list");
        addList(view, caller, filter, "/warnings");
        if (!fragment) {
            view.addObject("unitOptions", unitOptions(caller.scope()));
            view.addObject("pulse", WarningBoardCounts.of(warnings.counts(caller.scope())));
        }
        return view;
    }

    /** The list page's heartbeat: how many wait, and {@code warnings-changed} when anything moved. */
    @GetMapping("/pulse")
    ModelAndView pulse(Caller caller, @RequestParam(required = false) String seen, HttpServletResponse response) {
        if (!caller.scope().seesPeople()) {
            return Pages.forbidden();
        }
        return new ModelAndView("warnings/fragments :: pulse", Map.of("pulse", heartbeat(caller, seen, response)));
    }

    // ---------------------------------------------------------------- the centers' board

    @GetMapping("/board")
    ModelAndView board(
            Caller caller,
            @RequestParam(required = false) String clue,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String page,
            HttpServletRequest request) {
        if (!WarningPageActions.runsABoard(caller)) {
            return Pages.forbidden();
        }
        var filter = Filter.of(clue, status, level, unit, page);
        boolean fragment = Htmx.wantsFragment(request);
        var view = new ModelAndView(fragment ? "warnings/fragments :: results" : "warnings/board");
        addList(view, caller, filter, "/warnings/board");
        if (!fragment) {
            view.addObject("board", WarningBoardCounts.of(warnings.counts(caller.scope())));
            view.addObject("unitOptions", unitOptions(caller.scope()));
            addQueue(view, caller);
        }
        return view;
    }

    /** The board's counts, polled; cheap: one GROUP BY over the scope's warnings. */
    @GetMapping("/board/counts")
    ModelAndView counts(Caller caller, @RequestParam(required = false) String seen, HttpServletResponse response) {
        if (!WarningPageActions.runsABoard(caller)) {
            return Pages.forbidden();
        }
        return new ModelAndView("warnings/fragments :: counts", Map.of("board", heartbeat(caller, seen, response)));
    }

    /** The counts in scope, and {@code warnings-changed} for the lists when they differ from {@code seen}. */
    private WarningBoardCounts heartbeat(Caller caller, String seen, HttpServletResponse response) {
        var counts = WarningBoardCounts.of(warnings.counts(caller.scope()));
        if (counts.changedSince(seen)) {
            response.setHeader("HX-Trigger", CHANGED);
        }
        return counts;
    }

    /** The manual queue: warnings in scope that no station holds yet, each with a transfer form. */
    @GetMapping("/board/queue")
    ModelAndView queue(Caller caller) {
        if (!WarningPageActions.runsABoard(caller)) {
            return Pages.forbidden();
        }
        var view = new ModelAndView("warnings/fragments :: queue");
        addQueue(view, caller);
        view.addObject("times", times);
        return view;
    }

    // ---------------------------------------------------------------- one warning

    @GetMapping("/{id}")
    ModelAndView detail(Caller caller, @PathVariable String id) {
        if (!caller.scope().seesPeople()) {
            return Pages.forbidden();
        }
        var found = Pages.uuid(id).flatMap(uuid -> warnings.find(uuid, caller.scope()));
        if (found.isEmpty()) {
            return Pages.notFound();
        }
        var warning = found.get();
        var view = new ModelAndView("warnings/detail");
        view.addObject("w", warning);
        var actions = WarningPageActions.of(caller, warning, cityCode());
        view.addObject("actions", actions);
        view.addObject("times", times);
        view.addObject("unitNames", units.names(historyUnits(warning)));
        view.addObject("mayReveal", caller.mayReveal());
        if (actions.transfer()) {
            view.addObject("targets", transferTargets(caller));
        }
        return view;
    }

    /** 签收. From a list (htmx) the answer is the row as it now is; from the page, back to the page. */
    @PostMapping("/{id}/sign-for")
    ModelAndView signFor(
            Caller caller,
            @PathVariable String id,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            RedirectAttributes redirect) {
        var warning = inScope(caller, id);
        if (warning.isEmpty()) {
            return Pages.notFound();
        }
        if (!WarningPageActions.of(caller, warning.get(), cityCode()).signFor()) {
            // someone moved it meanwhile, or this role does not sign: show it as it is now
            return htmx != null
                    ? row(caller, warning.get())
                    : back(warning.get(), new Notice("warning.detail.notice.notWaiting", true), redirect);
        }
        try {
            var signed = warnings.signFor(warning.get().warningId(), caller);
            return htmx != null
                    ? row(caller, signed)
                    : back(signed, new Notice("warning.detail.notice.signed", false), redirect);
        } catch (WarningTransitionRefused e) {
            var now = warnings.find(warning.get().warningId(), caller.scope());
            if (htmx != null && now.isPresent()) {
                return row(caller, now.get());
            }
            return back(warning.get(), new Notice("warning.detail.notice.notWaiting", true), redirect);
        }
    }

    /** 退回: a station says the warning is not theirs; it leaves their list, so back to the list. */
    @PostMapping("/{id}/return")
    ModelAndView returnToQueue(
            Caller caller,
            @PathVariable String id,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        var warning = inScope(caller, id);
        if (warning.isEmpty()) {
            return Pages.notFound();
        }
        if (!WarningPageActions.of(caller, warning.get(), cityCode()).returnToQueue()) {
            return Pages.forbidden();
        }
        if (reason == null || reason.isBlank()) {
            return back(warning.get(), new Notice("warning.detail.notice.reasonRequired", true), redirect);
        }
        try {
            warnings.returnToQueue(warning.get().warningId(), caller, reason.strip());
        } catch (WarningTransitionRefused e) {
            return back(warning.get(), new Notice("warning.detail.notice.changed", true), redirect);
        }
        redirect.addFlashAttribute("notice", new Notice("warning.detail.notice.returned", false));
        return new ModelAndView("redirect:/warnings");
    }

    /**
     * 移交 by a center, to a station (or a district) in its scope. From the board's queue (htmx) the
     * answer is the queue row as it now is; from the warning's page, back to the page.
     */
    @PostMapping("/{id}/transfer")
    ModelAndView transfer(
            Caller caller,
            @PathVariable String id,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String reason,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            RedirectAttributes redirect) {
        var warning = inScope(caller, id);
        if (warning.isEmpty()) {
            return Pages.notFound();
        }
        if (!WarningPageActions.of(caller, warning.get(), cityCode()).transfer()) {
            return Pages.forbidden();
        }
        try {
            var moved = warnings.transfer(warning.get().warningId(), caller, unit, reason);
            if (htmx != null) {
                var view = new ModelAndView("warnings/fragments :: queueRow");
                view.addObject(
                        "row",
                        rowOf(caller, moved, units.names(List.of(moved.unit().code()))));
                view.addObject("times", times);
                return view;
            }
            return back(moved, new Notice("warning.detail.notice.transferred", false), redirect);
        } catch (IllegalArgumentException e) {
            if (htmx != null) {
                return new ModelAndView("warnings/fragments :: nothing", HttpStatus.BAD_REQUEST);
            }
            return back(warning.get(), new Notice("warning.detail.notice.pickUnit", true), redirect);
        } catch (WarningTransitionRefused e) {
            if (htmx != null) {
                return new ModelAndView("warnings/fragments :: nothing", HttpStatus.CONFLICT);
            }
            return back(warning.get(), new Notice("warning.detail.notice.changed", true), redirect);
        }
    }

    // ---------------------------------------------------------------- helpers

    private void addList(ModelAndView view, Caller caller, Filter filter, String base) {
        WarningPage page = warnings.list(filter.query(), caller.scope());
        var names = units.names(
                page.items().stream().map(w -> w.unit().code()).distinct().toList());
        view.addObject("filter", filter);
        view.addObject("base", base);
        view.addObject("levels", WarningLevel.values());
        view.addObject("statuses", WarningStatus.values());
        view.addObject("times", times);
        view.addObject(
                "result",
                new Rows(page.items().stream().map(w -> rowOf(caller, w, names)).toList(), page.page(), page.total()));
    }

    private void addQueue(ModelAndView view, Caller caller) {
        var queued = warnings.list(
                new WarningQuery(null, null, null, null, true, null, null, 0, QUEUE_SIZE), caller.scope());
        var names = units.names(
                queued.items().stream().map(w -> w.unit().code()).distinct().toList());
        view.addObject(
                "queue",
                new Rows(
                        queued.items().stream()
                                .map(w -> rowOf(caller, w, names))
                                .toList(),
                        0,
                        queued.total()));
        view.addObject("targets", transferTargets(caller));
    }

    private Row rowOf(Caller caller, WarningView warning, Map<String, String> names) {
        return new Row(
                warning,
                WarningPageActions.of(caller, warning, cityCode()),
                names.get(warning.unit().code()));
    }

    private ModelAndView row(Caller caller, WarningView warning) {
        var view = new ModelAndView("warnings/fragments :: row");
        view.addObject(
                "row", rowOf(caller, warning, units.names(List.of(warning.unit().code()))));
        view.addObject("times", times);
        return view;
    }

    private Optional<WarningView> inScope(Caller caller, String id) {
        if (!caller.scope().seesPeople()) {
            return Optional.empty();
        }
        return Pages.uuid(id).flatMap(uuid -> warnings.find(uuid, caller.scope()));
    }

    /** Districts and police stations in scope, to narrow the list to, top down. */
    private List<Unit> unitOptions(Scope scope) {
        if (scope.kind() != UnitKind.CITY && scope.kind() != UnitKind.DISTRICT) {
            return List.of();
        }
        return Stream.concat(
                        units.list(UnitKind.DISTRICT, scope).stream(), units.list(UnitKind.STATION, scope).stream())
                .toList();
    }

    /**
     * A group of units a center may transfer to: the police stations of one district, or (for the
     * city center, {@code district} null) the districts themselves, whose centers then assign a station.
     */
    public record Targets(String district, List<Unit> units) {}

    private List<Targets> transferTargets(Caller caller) {
        var scope = caller.scope();
        var districts = units.list(UnitKind.DISTRICT, scope);
        var stations = new LinkedHashMap<String, List<Unit>>();
        for (var station : units.list(UnitKind.STATION, scope)) {
            stations.computeIfAbsent(station.placement().district(), k -> new ArrayList<>())
                    .add(station);
        }
        var targets = new ArrayList<Targets>();
        for (var district : districts) {
            targets.add(new Targets(district.name(), stations.getOrDefault(district.code(), List.of())));
        }
        if (scope.kind() == UnitKind.CITY) {
            targets.add(new Targets(null, districts));
        }
        return targets;
    }

    private static List<String> historyUnits(WarningView warning) {
        return Stream.concat(
                        Stream.of(warning.unit().code(), warning.gridCode()),
                        warning.history().stream().flatMap(h -> Stream.of(h.fromUnit(), h.toUnit())))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    private String cityCode() {
        var code = cityCode;
        if (code == null) {
            code = units.list(UnitKind.CITY, Scope.city()).stream()
                    .findFirst()
                    .map(Unit::code)
                    .orElse("");
            cityCode = code;
        }
        return code;
    }

    private static ModelAndView back(WarningView warning, Notice notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", notice);
        return new ModelAndView("redirect:/warnings/" + warning.warningId());
    }
}
