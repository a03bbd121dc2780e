package io.purseguard.dissuasion.web;

import io.purseguard.dissuasion.Checklist;
import io.purseguard.dissuasion.ContactChannel;
import io.purseguard.dissuasion.ContactResult;
import io.purseguard.dissuasion.DissuasionSettings;
import io.purseguard.dissuasion.EscalationStep;
import io.purseguard.dissuasion.Outcome;
import io.purseguard.dissuasion.TaskStatus;
import io.purseguard.dissuasion.TaskView;
import io.purseguard.dissuasion.Tasks;
import io.purseguard.dissuasion.TeamRole;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Masking;
import io.purseguard.identity.Role;
import io.purseguard.jurisdiction.StaffDirectory;
import io.purseguard.jurisdiction.StaffRole;
import io.purseguard.jurisdiction.Units;
import io.purseguard.platform.Htmx;
import io.purseguard.platform.web.CityTimes;
import io.purseguard.platform.web.FormFields;
import io.purseguard.platform.web.Pages;
import io.purseguard.residents.ResidentDirectory;
import io.purseguard.scope.Placement;
import io.purseguard.scope.Scope;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 劝阻任务 on a screen. {@code /tasks}: the inbox of the caller's role (a grid worker's or township
 * head's own tasks, a station's board of open tasks, the centers' escalation queue and overdue tasks)
 * with a live countdown to each task's next deadline, refreshed by htmx every 15 s. {@code /tasks/{id}}:
 * the task as worked on a doorstep, phone first: the person's masked card and an audited reveal, the
 * team, the clocks, and plain forms (log a call, check in a visit with an optional photo, the
 * 三必问两告知 checklist with the outcome, swap a team member) that post and redirect; a form the
 * service refuses is shown again with the message next to the wrong field and what was typed kept.
 *
 * <p>Everything a caller sees goes through {@link Tasks}, which limits it in SQL to their
 * jurisdiction or the teams they are on: a task outside that is a 404 like a task that does not exist.
 */
@Controller
class TaskPages {

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

    /**
     * Times as the city reads them (Asia/Shanghai), and the countdowns to deadlines as of {@code now},
     * in the reader's language; countdown.js keeps the same text running in the browser.
     */
    public record Clocks(Instant now, ZoneId zone, MessageSource messages, Locale locale) implements CityTimes {

        private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
        private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

        public String day(Instant instant) {
            return instant == null ? null : DAY.format(instant.atZone(zone));
        }

        /** Now, as a {@code datetime-local} input's value. */
        public String inputNow() {
            return INPUT.format(now.atZone(zone));
        }

        public boolean past(Instant due) {
            return due != null && !due.isAfter(now);
        }

        /** "剩余 0:04:59" or "超时 0:01:02". */
        public String countdown(Instant due) {
            if (due == null) {
                return "";
            }
            var left = Duration.between(now, due);
            boolean late = left.isNegative() || left.isZero();
            return messages.getMessage(
                    late ? "task.clock.late" : "task.clock.left", new Object[] {span(left.abs())}, locale);
        }

        private String span(Duration duration) {
            long seconds = duration.getSeconds();
            long days = seconds / 86_400;
            long hours = seconds % 86_400 / 3_600;
            long minutes = seconds % 3_600 / 60;
            if (days > 0) {
                return messages.getMessage("task.clock.days", new Object[] {Long.toString(days)}, locale) + " " + hours
                        + ":" + two(minutes);
            }
            return hours + ":" + two(minutes) + ":" + two(seconds % 60);
        }

        private static String two(long value) {
            return value < 10 ? "0" + value : Long.toString(value);
        }
    }

    /** What the last action did, shown once after the redirect: a message key. */
    public record Notice(String key, boolean error) implements Serializable {}

    /**
     * One form as typed: values by field name, the checked boxes, and the problem of each wrong field
     * (the service's words; the page shows its own text for the fields it knows).
     */
    public record Form(String name, Map<String, String> values, Set<String> checked, Map<String, String> errors)
            implements FormFields {

        static Form blank(String name) {
            return new Form(name, Map.of(), Set.of(), Map.of());
        }

        public boolean checked(String item) {
            return checked.contains(item);
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        Form failing(String field, String problem) {
            var all = new LinkedHashMap<>(errors);
            all.put(field, problem);
            return new Form(name, values, checked, all);
        }
    }

    /** The forms of a task page: blank, except the one that just failed. */
    public record Forms(Form failed) {

        static Forms none() {
            return new Forms(null);
        }

        public Form get(String name) {
            return failed != null && failed.name().equals(name) ? failed : Form.blank(name);
        }

        public boolean failed(String name) {
            return failed != null && failed.name().equals(name);
        }
    }

    /** Someone who can take a team member's place: {@code staff:<id>} or {@code resident:<id>}, and a label. */
    public record Candidate(String value, String label) {}

    private final Tasks tasks;
    private final DissuasionSettings settings;
    private final Units units;
    private final StaffDirectory staff;
    private final ResidentDirectory residents;
    private final TransactionTemplate transactions;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    TaskPages(
            Tasks tasks,
            DissuasionSettings settings,
            Units units,
            StaffDirectory staff,
            ResidentDirectory residents,
            TransactionTemplate transactions,
            MessageSource messages,
            Clock clock,
            @Value("${purseguard.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.tasks = tasks;
        this.settings = settings;
        this.units = units;
        this.staff = staff;
        this.residents = residents;
        this.transactions = transactions;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    // ---------------------------------------------------------------- the inboxes

    /** Roles whose scope holds people, and anyone who is a staff member (their own tasks). */
    static boolean seesTasks(Caller caller) {
        return caller.scope().seesPeople() || caller.staffId() != null;
    }

    static boolean isCenter(Caller caller) {
        return caller.role() == Role.CITY_CENTER || caller.role() == Role.DISTRICT_CENTER;
    }

    static boolean teamsOnly(Caller caller) {
        return caller.role() == Role.GRID_WORKER || caller.role() == Role.TOWNSHIP_HEAD;
    }

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
        view.addObject("clocks", clocks(locale));
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
        view.addObject("clocks", clocks(locale));
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

    // ---------------------------------------------------------------- one task

    @GetMapping("/tasks/{id}")
    ModelAndView task(Caller caller, @PathVariable String id, Locale locale) {
        return withTask(caller, id, task -> page(caller, task, Forms.none(), null, HttpStatus.OK, locale));
    }

    /** The person's full phone and ID number: audited by the service; htmx gets the card's fragment. */
    @PostMapping("/tasks/{id}/reveal")
    ModelAndView reveal(Caller caller, @PathVariable String id, HttpServletRequest request, Locale locale) {
        return withTask(caller, id, task -> {
            Tasks.Revealed revealed;
            try {
                revealed = tasks.reveal(task.id(), caller);
            } catch (Tasks.TaskActionRefused e) {
                if (Htmx.wantsFragment(request)) {
                    return new ModelAndView("tasks/fragments :: revealRefused", HttpStatus.FORBIDDEN);
                }
                var view = page(caller, task, Forms.none(), null, HttpStatus.FORBIDDEN, locale);
                view.addObject("notice", new Notice("task.notice.revealRefused", true));
                return view;
            }
            if (Htmx.wantsFragment(request)) {
                var view = new ModelAndView("tasks/fragments :: revealed");
                view.addObject("revealed", revealed);
                return view;
            }
            return page(caller, task, Forms.none(), revealed, HttpStatus.OK, locale);
        });
    }

    /** 电话 (or a text message): its result. */
    @PostMapping("/tasks/{id}/calls")
    ModelAndView call(
            Caller caller,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> fields,
            Locale locale,
            RedirectAttributes redirect) {
        return withTask(caller, id, task -> {
            var form = form("call", fields);
            var channel = constant(ContactChannel.class, form.value("channel"));
            if (channel == null || channel == ContactChannel.VISIT) {
                channel = ContactChannel.PHONE;
            }
            var result = constant(ContactResult.class, form.value("result"));
            if (result == null) {
                return again(caller, task, form.failing("result", "is required"), locale);
            }
            var input = new Tasks.ContactInput(channel, result, null, null, null, null, form.value("note"));
            try {
                tasks.logContact(task.id(), caller, input);
            } catch (Tasks.InvalidTaskInput e) {
                return again(caller, task, form.failing(e.field(), e.getMessage()), locale);
            }
            return back(task, "task.notice.call", "contacts", redirect);
        });
    }

    /** 上门 check-in: when (default now), where, an optional photo stored with the task. */
    @PostMapping("/tasks/{id}/visits")
    ModelAndView visit(
            Caller caller,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> fields,
            @RequestParam(name = "photo", required = false) MultipartFile photo,
            Locale locale,
            RedirectAttributes redirect)
            throws IOException {
        byte[] bytes = photo == null || photo.isEmpty() ? null : photo.getBytes();
        return withTask(caller, id, task -> {
            var form = form("visit", fields);
            var result = constant(ContactResult.class, form.value("result"));
            if (result == null) {
                return again(caller, task, form.failing("result", "is required"), locale);
            }
            Instant at = null;
            // left as the page filled it in: the visit is now, not when the page was opened
            boolean untouched = form.value("at").equals(form.value("atShown"));
            if (!form.value("at").isBlank() && !untouched) {
                try {
                    at = LocalDateTime.parse(form.value("at").strip())
                            .atZone(zone)
                            .toInstant();
                } catch (DateTimeParseException e) {
                    return again(caller, task, form.failing("at", "is not a date and time"), locale);
                }
            }
            var when = at;
            try {
                // the photo and the visit it belongs to are kept together or not at all
                transactions.executeWithoutResult(tx -> {
                    boolean keepLocation = form.value("keepLocation").equals("true");
                    UUID photoId = bytes == null ? null : tasks.addPhoto(task.id(), caller, bytes, keepLocation);
                    tasks.logContact(
                            task.id(),
                            caller,
                            new Tasks.ContactInput(
                                    ContactChannel.VISIT,
                                    result,
                                    when,
                                    null,
                                    form.value("location"),
                                    photoId,
                                    form.value("note")));
                });
            } catch (Tasks.InvalidTaskInput e) {
                var field = e.field().equals("photoId") ? "photo" : e.field();
                // a refused photo is told in the page's words, by its reason (task.error.photo.<reason>)
                var problem = e instanceof Tasks.PhotoRefused refused
                        ? refused.reason().key()
                        : e.getMessage();
                return again(caller, task, form.failing(field, problem), locale);
            }
            return back(task, "task.notice.visit", "contacts", redirect);
        });
    }

    /** The outcome, with the 三必问两告知 items done (the boxes ticked). */
    @PostMapping("/tasks/{id}/outcome")
    ModelAndView outcome(
            Caller caller,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> fields,
            Locale locale,
            RedirectAttributes redirect) {
        return withTask(caller, id, task -> {
            var form = form("outcome", fields);
            var outcome = constant(Outcome.class, form.value("outcome"));
            Boolean faceToFace =
                    switch (form.value("faceToFace")) {
                        case "yes" -> true;
                        case "no" -> false;
                        default -> null;
                    };
            BigDecimal loss = null;
            var amount = form.value("lossAmount").strip().replace(",", "").replace("，", "");
            if (!amount.isEmpty()) {
                try {
                    loss = new BigDecimal(amount);
                } catch (NumberFormatException e) {
                    return again(caller, task, form.failing("lossAmount", "is not an amount"), locale);
                }
            }
            var answers = new LinkedHashMap<String, Boolean>();
            form.checked().forEach(item -> answers.put(item, true));
            try {
                tasks.conclude(
                        task.id(),
                        caller,
                        new Tasks.OutcomeInput(outcome, faceToFace, loss, answers, form.value("note")));
            } catch (Tasks.InvalidTaskInput e) {
                return again(caller, task, form.failing(e.field(), e.getMessage()), locale);
            } catch (Tasks.TaskActionRefused e) {
                return back(task, "task.notice.alreadyConcluded", true, "outcome", redirect);
            }
            return back(task, "task.notice.outcome", "outcome", redirect);
        });
    }

    /** The station (or a center) puts someone else in a team member's place, with a reason. */
    @PostMapping("/tasks/{id}/team/{seq}/swap")
    ModelAndView swap(
            Caller caller,
            @PathVariable String id,
            @PathVariable int seq,
            @RequestParam MultiValueMap<String, String> fields,
            Locale locale,
            RedirectAttributes redirect) {
        return withTask(caller, id, task -> {
            var form = form("swap-" + seq, fields);
            UUID staffId = null;
            UUID residentId = null;
            var replacement = form.value("replacement");
            if (replacement.startsWith("staff:")) {
                staffId = uuid(replacement.substring(6)).orElse(null);
            } else if (replacement.startsWith("resident:")) {
                residentId = uuid(replacement.substring(9)).orElse(null);
            }
            try {
                tasks.swapMember(
                        task.id(), seq, caller, new Tasks.SwapInput(staffId, residentId, form.value("reason")));
            } catch (Tasks.InvalidTaskInput e) {
                var field = e.field().equals("reason") ? "reason" : "replacement";
                return again(caller, task, form.failing(field, e.getMessage()), locale);
            } catch (Tasks.TaskActionRefused e) {
                return back(task, "task.notice.swapRefused", true, "team", redirect);
            }
            return back(task, "task.notice.swap", "team", redirect);
        });
    }

    // ---------------------------------------------------------------- the page

    private ModelAndView again(Caller caller, TaskView task, Form failed, Locale locale) {
        var view = page(caller, task, new Forms(failed), null, HttpStatus.BAD_REQUEST, locale);
        view.addObject("notice", new Notice("task.notice.fix", true));
        return view;
    }

    ModelAndView page(
            Caller caller, TaskView task, Forms forms, Tasks.Revealed revealed, HttpStatus status, Locale locale) {
        var view = new ModelAndView("tasks/detail", status);
        view.addObject("t", task);
        view.addObject("forms", forms);
        view.addObject("revealed", revealed);
        view.addObject("clocks", clocks(locale));
        view.addObject("en", "en".equals(locale.getLanguage()));
        view.addObject("timeline", tasks.timeline(task.id(), caller));
        boolean open = task.status() == TaskStatus.OPEN || task.status() == TaskStatus.IN_PROGRESS;
        view.addObject("working", open);
        view.addObject("checklist", settings.checklist(Checklist.DISSUASION));
        view.addObject("revisitChecklist", settings.checklist(Checklist.REVISIT));
        if (task.outcome() != null && task.outcome().checklistVersion() != null) {
            view.addObject(
                    "usedChecklist",
                    settings.checklist(Checklist.DISSUASION, task.outcome().checklistVersion())
                            .orElse(null));
        }
        view.addObject("outcomes", Outcome.values());
        view.addObject("steps", EscalationStep.values());
        view.addObject("results", ContactResult.values());
        view.addObject("seenFaceToFace", task.contacts().stream().anyMatch(TaskView.Contact::faceToFace));
        view.addObject(
                "myRoles",
                caller.staffId() == null
                        ? List.of()
                        : task.team().stream()
                                .filter(m -> caller.staffId().equals(m.staffId()))
                                .map(TaskView.Member::role)
                                .distinct()
                                .toList());
        boolean maySwap = caller.role() == Role.STATION_OFFICER || isCenter(caller);
        view.addObject("maySwap", maySwap);
        if (maySwap) {
            view.addObject("candidates", candidates(task, locale));
        }
        view.addObject("unitNames", units.names(unitCodes(task)));
        return view;
    }

    private static List<String> unitCodes(TaskView task) {
        return Stream.of(
                        Stream.of(task.unitCode(), task.stationCode(), task.gridCode()),
                        task.team().stream().map(TaskView.Member::unitCode),
                        task.escalations().stream().map(TaskView.Escalation::targetUnit))
                .flatMap(s -> s)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    /** Who may take each place (by the member's sequence number): staff of the same kind near the person, or kin. */
    private Map<Integer, List<Candidate>> candidates(TaskView task, Locale locale) {
        var placement = task.gridCode() == null
                ? null
                : units.placementOf(task.gridCode()).orElse(null);
        var byRole = new LinkedHashMap<TeamRole, List<Candidate>>();
        var result = new LinkedHashMap<Integer, List<Candidate>>();
        for (var member : task.team()) {
            var pool = byRole.computeIfAbsent(member.role(), role -> pool(role, task, placement, locale));
            result.put(
                    member.seq(),
                    pool.stream()
                            .filter(c -> !c.value().equals("staff:" + member.staffId())
                                    && !c.value().equals("resident:" + member.residentId()))
                            .toList());
        }
        return result;
    }

    private List<Candidate> pool(TeamRole role, TaskView task, Placement placement, Locale locale) {
        if (role == TeamRole.RELATIVE) {
            var person = task.person().residentId();
            if (person == null) {
                return List.of();
            }
            return residents.find(person, Scope.city()).stream()
                    .flatMap(d -> d.ties().stream())
                    .filter(tie -> tie.relation().isKin() && tie.residentId() != null)
                    .map(tie -> new Candidate(
                            "resident:" + tie.residentId(),
                            messages.getMessage(
                                            "relation." + tie.relation(),
                                            null,
                                            tie.relation().name(),
                                            locale)
                                    + " · "
                                    + Masking.name(tie.name())))
                    .toList();
        }
        StaffRole staffRole;
        String unit;
        switch (role) {
            case GRID_WORKER -> {
                staffRole = StaffRole.GRID_WORKER;
                unit = placement == null ? task.stationCode() : placement.community();
            }
            case TOWNSHIP_HEAD -> {
                staffRole = StaffRole.TOWNSHIP_HEAD;
                unit = placement == null ? null : placement.township();
            }
            default -> {
                staffRole = StaffRole.OFFICER;
                unit = task.stationCode();
            }
        }
        if (unit == null) {
            return List.of();
        }
        var found = staff.find(staffRole, unit, Scope.city());
        var names = units.names(found.stream()
                .map(s -> s.unitCode())
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        return found.stream()
                .map(s -> new Candidate(
                        "staff:" + s.id(),
                        Masking.name(s.name())
                                + (s.title() == null ? "" : " · " + s.title())
                                + " · "
                                + names.getOrDefault(s.unitCode(), s.unitCode())))
                .toList();
    }

    // ---------------------------------------------------------------- helpers

    Clocks clocks(Locale locale) {
        return new Clocks(clock.instant(), zone, messages, locale);
    }

    /** The page for the task the caller may see; the 404 page when there is none. */
    private ModelAndView withTask(Caller caller, String id, Function<TaskView, ModelAndView> page) {
        return find(caller, id).map(page).orElseGet(Pages::notFound);
    }

    private Optional<TaskView> find(Caller caller, String id) {
        if (!seesTasks(caller)) {
            return Optional.empty();
        }
        return uuid(id).flatMap(uuid -> tasks.find(uuid, caller));
    }

    /** The form's fields as typed; the ticked checklist items come as {@code item} values. */
    static Form form(String name, MultiValueMap<String, String> fields) {
        var values = new LinkedHashMap<String, String>();
        fields.forEach((field, list) -> {
            if (!field.equals("_csrf") && !field.equals("item") && !list.isEmpty()) {
                values.put(field, list.get(0) == null ? "" : list.get(0));
            }
        });
        var checked = new LinkedHashSet<>(fields.getOrDefault("item", List.of()));
        return new Form(name, values, checked, Map.of());
    }

    private static ModelAndView back(TaskView task, String key, String anchor, RedirectAttributes redirect) {
        return back(task, key, false, anchor, redirect);
    }

    private static ModelAndView back(
            TaskView task, String key, boolean error, String anchor, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", new Notice(key, error));
        return new ModelAndView("redirect:/tasks/" + task.id() + "#" + anchor);
    }

    static <E extends Enum<E>> E constant(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Optional<UUID> uuid(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
