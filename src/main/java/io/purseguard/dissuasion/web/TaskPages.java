package io.purseguard.dissuasion.web;

import static io.purseguard.dissuasion.web.TaskScreens.constant;
import static io.purseguard.dissuasion.web.TaskScreens.form;
import static io.purseguard.dissuasion.web.TaskScreens.isCenter;
import static io.purseguard.dissuasion.web.TaskScreens.seesTasks;
import static io.purseguard.dissuasion.web.TaskScreens.uuid;

import io.purseguard.dissuasion.Checklist;
import io.purseguard.dissuasion.ContactChannel;
import io.purseguard.dissuasion.ContactResult;
import io.purseguard.dissuasion.DissuasionSettings;
import io.purseguard.dissuasion.EscalationStep;
import io.purseguard.dissuasion.Outcome;
import io.purseguard.dissuasion.TaskStatus;
import io.purseguard.dissuasion.TaskView;
import io.purseguard.dissuasion.Tasks;
import io.purseguard.dissuasion.web.TaskScreens.Form;
import io.purseguard.dissuasion.web.TaskScreens.Forms;
import io.purseguard.dissuasion.web.TaskScreens.Notice;
import io.purseguard.identity.Caller;
import io.purseguard.identity.RevealReason;
import io.purseguard.identity.Role;
import io.purseguard.jurisdiction.Units;
import io.purseguard.platform.Htmx;
import io.purseguard.platform.web.Pages;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
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
 * One 劝阻任务 on a screen, {@code /tasks/{id}}: the task as worked on a doorstep, phone first: the
 * person's masked card and an audited reveal, the team, the clocks, and plain forms (log a call, check
 * in a visit with an optional photo, the 三必问两告知 checklist with the outcome, swap a team member)
 * that post and redirect; a form the service refuses is shown again with the message next to the wrong
 * field and what was typed kept. The inbox is {@link TaskInboxPages}.
 *
 * <p>Everything a caller sees goes through {@link Tasks}, which limits it in SQL to their
 * jurisdiction or the teams they are on: a task outside that is a 404 like a task that does not exist.
 */
@Controller
class TaskPages {

    private final Tasks tasks;
    private final DissuasionSettings settings;
    private final Units units;
    private final TaskScreens screens;
    private final SwapCandidates swaps;
    private final TransactionTemplate transactions;
    private final ZoneId zone;

    TaskPages(
            Tasks tasks,
            DissuasionSettings settings,
            Units units,
            TaskScreens screens,
            SwapCandidates swaps,
            TransactionTemplate transactions,
            @Value("${purseguard.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.tasks = tasks;
        this.settings = settings;
        this.units = units;
        this.screens = screens;
        this.swaps = swaps;
        this.transactions = transactions;
        this.zone = zone;
    }

    // ---------------------------------------------------------------- one task

    @GetMapping("/tasks/{id}")
    ModelAndView task(Caller caller, @PathVariable String id, Locale locale) {
        return withTask(caller, id, task -> page(caller, task, Forms.none(), null, HttpStatus.OK, locale));
    }

    /** The person's full phone and ID number: audited by the service; htmx gets the card's fragment. */
    @PostMapping("/tasks/{id}/reveal")
    ModelAndView reveal(
            Caller caller,
            @PathVariable String id,
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String reason,
            HttpServletRequest request,
            Locale locale) {
        var why = RevealReason.of(purpose, reason); // refused as a 400 naming the field
        return withTask(caller, id, task -> {
            Tasks.Revealed revealed;
            try {
                revealed = tasks.reveal(task.id(), caller, why);
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
        view.addObject("clocks", screens.clocks(locale));
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
            view.addObject("candidates", swaps.candidates(task, locale));
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

    private static ModelAndView back(TaskView task, String key, String anchor, RedirectAttributes redirect) {
        return back(task, key, false, anchor, redirect);
    }

    private static ModelAndView back(
            TaskView task, String key, boolean error, String anchor, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", new Notice(key, error));
        return new ModelAndView("redirect:/tasks/" + task.id() + "#" + anchor);
    }
}
