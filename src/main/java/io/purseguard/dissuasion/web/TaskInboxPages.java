package io.purseguard.dissuasion.web;

import static io.purseguard.dissuasion.web.TaskScreens.isCenter;
import static io.purseguard.dissuasion.web.TaskScreens.seesTasks;
import static io.purseguard.dissuasion.web.TaskScreens.teamsOnly;
import static io.purseguard.dissuasion.web.TaskScreens.uuid;

import io.purseguard.dissuasion.EscalationStep;
import io.purseguard.dissuasion.Tasks;
import io.purseguard.identity.Caller;
import io.purseguard.jurisdiction.Units;
import io.purseguard.platform.web.Pages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /tasks}: the inbox of the caller's role (a grid worker's or township head's own tasks, a
 * station's board of open tasks, the centers' escalation queue and overdue tasks) with a live countdown
 * to each task's next deadline, refreshed by htmx every 15 s. Lists come from {@link Tasks}, limited in
 * SQL to the caller's jurisdiction or teams.
 */
@Controller
class TaskInboxPages {

    private final Tasks tasks;
    private final Units units;
    private final TaskScreens screens;

    TaskInboxPages(Tasks tasks, Units units, TaskScreens screens) {
        this.tasks = tasks;
        this.units = units;
        this.screens = screens;
    }

    static final int LIST_LIMIT = 200;

    /** An inbox tab: one list, or the centers' queue (the escalated, then the overdue). */
    public enum Tab {
        QUEUE,
        MINE,
        OPEN,
        OVERDUE,
        ESCALATED,
        CONCLUDED,
        DEFRAUDED_AFTER;

        List<Tasks.Filter> filters() {
            return this == QUEUE
                    ? List.of(Tasks.Filter.ESCALATED, Tasks.Filter.OVERDUE)
                    : List.of(Tasks.Filter.valueOf(name()));
        }

        /** The tab as it appears in the address: {@code ?tab=overdue}. */
        public String param() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Optional<Tab> parse(String text) {
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
            var name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            return Stream.of(values()).filter(t -> t.name().equals(name)).findFirst();
        }
    }

    /** One task in a list, with its unit's name and how far its clocks have climbed (null: not at all). */
    public record Line(Tasks.TaskLine task, String unitName, EscalationStep step) {}

    /** One list on the inbox page. */
    public record Section(Tasks.Filter filter, List<Line> lines) {}

    static List<Tab> tabs(Caller caller) {
        var tabs = new ArrayList<Tab>();
        if (isCenter(caller)) {
            tabs.add(Tab.QUEUE);
        }
        if (caller.staffId() != null) {
            tabs.add(Tab.MINE);
        }
        if (!teamsOnly(caller)) {
            tabs.add(Tab.OPEN);
        }
        tabs.addAll(List.of(Tab.OVERDUE, Tab.ESCALATED, Tab.CONCLUDED, Tab.DEFRAUDED_AFTER));
        return tabs;
    }

    static Tab defaultTab(Caller caller) {
        if (isCenter(caller)) {
            return Tab.QUEUE;
        }
        if (teamsOnly(caller) || !caller.scope().seesPeople()) {
            return caller.staffId() != null ? Tab.MINE : Tab.OVERDUE;
        }
        return Tab.OPEN;
    }

    @GetMapping("/tasks")
    ModelAndView inbox(Caller caller, @RequestParam(required = false) String tab, Locale locale) {
        if (!seesTasks(caller)) {
            return Pages.forbidden();
        }
        var tabs = tabs(caller);
        var active = Tab.parse(tab).filter(tabs::contains).orElse(defaultTab(caller));
        var view = new ModelAndView("tasks/list");
        view.addObject("tabs", tabs);
        view.addObject("active", active);
        view.addObject(
                "sections",
                active.filters().stream().map(f -> section(caller, f)).toList());
        view.addObject("clocks", screens.clocks(locale));
        return view;
    }

    /** One list on its own, for htmx's refresh every 15 s. */
    @GetMapping("/tasks/section")
    ModelAndView section(Caller caller, @RequestParam(required = false) String filter, Locale locale) {
        if (!seesTasks(caller)) {
            return Pages.forbidden();
        }
        var chosen = Tab.parse(filter).filter(t -> t != Tab.QUEUE);
        if (chosen.isEmpty() || !tabs(caller).contains(chosen.get())) {
            return Pages.notFound();
        }
        var view = new ModelAndView("tasks/fragments :: section");
        view.addObject("s", section(caller, chosen.get().filters().get(0)));
        view.addObject("clocks", screens.clocks(locale));
        return view;
    }

    private Section section(Caller caller, Tasks.Filter filter) {
        var lines = tasks.list(caller, filter, LIST_LIMIT);
        var names = units.names(
                lines.stream().map(Tasks.TaskLine::unitCode).distinct().toList());
        return new Section(
                filter,
                lines.stream()
                        .map(l -> new Line(l, names.get(l.unitCode()), step(l.escalationStep())))
                        .toList());
    }

    /** The step a clock that has climbed {@code n} times stands at; null for none. */
    static EscalationStep step(int n) {
        if (n <= 0) {
            return null;
        }
        var steps = EscalationStep.values();
        return steps[Math.min(n, steps.length) - 1];
    }

    /** The warning's page links here: the task of a warning, without the warning module knowing tasks. */
    @GetMapping("/tasks/by-warning/{warningId}")
    ModelAndView byWarning(Caller caller, @PathVariable String warningId) {
        var task = uuid(warningId).flatMap(id -> tasks.idOfWarning(id, caller));
        if (task.isEmpty()) {
            return Pages.notFound();
        }
        return new ModelAndView("redirect:/tasks/" + task.get());
    }
}
