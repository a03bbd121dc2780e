package io.purseguard.dissuasion.web;

import io.purseguard.dissuasion.Checklist;
import io.purseguard.dissuasion.DissuasionPolicy;
import io.purseguard.dissuasion.DissuasionSettings;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.platform.web.Pages;
import io.purseguard.warning.WarningLevel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 劝阻设置: the SLA policy (minutes per level for sign-for, first call and face-to-face; revisit days;
 * months of the watch; hours to the second visit) and the two checklists (三必问两告知, 三清) in force,
 * with their recent versions. Everyone who sees tasks may read it; the administrator publishes new
 * versions with plain forms. A form with mistakes is shown again as typed, a message next to each wrong
 * field ({@link DissuasionSettings.InvalidSetting#problems()} has the last word).
 */
@Controller
class DissuasionSettingsPages {

    static final int HISTORY_SHOWN = 10;
    /** Blank rows under a checklist's items, to add new ones without script. */
    static final int BLANK_ROWS = 2;

    private static final Pattern WHOLE = Pattern.compile("\\d{1,6}");
    private static final Pattern ITEM_PROBLEM = Pattern.compile("items\\[(\\d+)]\\.(id|kind|text)");

    /** The two checklists by the name in the address. */
    static final Map<String, String> CHECKLISTS =
            Map.of("dissuasion", Checklist.DISSUASION, "revisit", Checklist.REVISIT);

    private final DissuasionSettings settings;
    private final TaskScreens screens;

    DissuasionSettingsPages(DissuasionSettings settings, TaskScreens screens) {
        this.settings = settings;
        this.screens = screens;
    }

    static boolean mayRead(Caller caller) {
        return TaskScreens.seesTasks(caller) || caller.role() == Role.ADMIN;
    }

    @GetMapping("/dissuasion/settings")
    ModelAndView page(Caller caller, Locale locale) {
        if (!mayRead(caller)) {
            return Pages.forbidden();
        }
        return page(caller, null, HttpStatus.OK, locale);
    }

    @PostMapping("/dissuasion/settings/policy")
    @PreAuthorize("hasRole('ADMIN')")
    ModelAndView publishPolicy(
            Caller caller,
            @RequestParam MultiValueMap<String, String> fields,
            Locale locale,
            RedirectAttributes redirect) {
        var form = TaskScreens.form("policy", fields);
        var errors = new LinkedHashMap<String, String>();
        var windows = new EnumMap<WarningLevel, DissuasionPolicy.Windows>(WarningLevel.class);
        for (var level : WarningLevel.values()) {
            var signFor = whole(form, level + ".signFor", errors, false);
            var firstContact = whole(form, level + ".firstContact", errors, false);
            var faceToFace = whole(form, level + ".faceToFace", errors, true);
            if (signFor != null && firstContact != null) {
                windows.put(level, new DissuasionPolicy.Windows(signFor, firstContact, faceToFace));
            }
        }
        var days = new ArrayList<Integer>();
        for (var part : form.value("revisitDays").strip().split("[,，、\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (WHOLE.matcher(part).matches()) {
                days.add(Integer.parseInt(part));
            } else {
                errors.put("revisitDays", "revisitDays");
            }
        }
        var watchMonths = whole(form, "watchMonths", errors, false);
        var secondVisitHours = whole(form, "secondVisitHours", errors, false);
        if (errors.isEmpty()) {
            var policy = new DissuasionPolicy(Map.copyOf(windows), List.copyOf(days), watchMonths, secondVisitHours);
            try {
                settings.publishPolicy(policy, caller.name());
                redirect.addFlashAttribute("notice", new TaskScreens.Notice("task.settings.published", false));
                return new ModelAndView("redirect:/dissuasion/settings#policy");
            } catch (DissuasionSettings.InvalidSetting e) {
                e.problems().forEach((field, problem) -> errors.put(policyField(field), policyProblem(field)));
            }
        }
        return again(caller, new TaskScreens.Form("policy", form.values(), Set.of(), errors), locale);
    }

    @PostMapping("/dissuasion/settings/checklists/{name}")
    @PreAuthorize("hasRole('ADMIN')")
    ModelAndView publishChecklist(
            Caller caller,
            @PathVariable String name,
            @RequestParam MultiValueMap<String, String> fields,
            Locale locale,
            RedirectAttributes redirect) {
        var setting = CHECKLISTS.get(name);
        if (setting == null) {
            return Pages.notFound();
        }
        var form = TaskScreens.form("checklist-" + name, fields);
        int rows = rows(form);
        var items = new ArrayList<Checklist.Item>();
        var rowOf = new HashMap<Integer, Integer>();
        for (int i = 0; i < rows; i++) {
            var id = form.value("item" + i + ".id").strip();
            var zh = form.value("item" + i + ".zh").strip();
            var en = form.value("item" + i + ".en").strip();
            var removed = form.value("item" + i + ".remove").equals("yes");
            if (removed || id.isEmpty() && zh.isEmpty() && en.isEmpty()) {
                continue;
            }
            rowOf.put(items.size(), i);
            items.add(new Checklist.Item(id, form.value("item" + i + ".kind"), zh, en));
        }
        var errors = new LinkedHashMap<String, String>();
        try {
            settings.publishChecklist(setting, new Checklist(List.copyOf(items)), caller.name());
            redirect.addFlashAttribute("notice", new TaskScreens.Notice("task.settings.published", false));
            return new ModelAndView("redirect:/dissuasion/settings#checklist-" + name);
        } catch (DissuasionSettings.InvalidSetting e) {
            e.problems().forEach((field, problem) -> {
                Matcher m = ITEM_PROBLEM.matcher(field);
                if (m.matches()) {
                    int row = rowOf.getOrDefault(Integer.parseInt(m.group(1)), 0);
                    errors.put("item" + row + "." + m.group(2), "item" + capital(m.group(2)));
                } else {
                    errors.put("items", items.isEmpty() ? "itemsEmpty" : "itemsDistinct");
                }
            });
        }
        return again(caller, new TaskScreens.Form(form.name(), form.values(), Set.of(), errors), locale);
    }

    private ModelAndView again(Caller caller, TaskScreens.Form failed, Locale locale) {
        var view = page(caller, failed, HttpStatus.BAD_REQUEST, locale);
        view.addObject("notice", new TaskScreens.Notice("task.settings.notPublished", true));
        return view;
    }

    private ModelAndView page(Caller caller, TaskScreens.Form failed, HttpStatus status, Locale locale) {
        var view = new ModelAndView("tasks/settings", status);
        var policy = settings.policy();
        var dissuasion = settings.checklist(Checklist.DISSUASION);
        var revisit = settings.checklist(Checklist.REVISIT);
        view.addObject("policy", policy);
        view.addObject("levels", WarningLevel.values());
        view.addObject("dissuasion", dissuasion);
        view.addObject("revisit", revisit);
        view.addObject("editable", caller.role() == Role.ADMIN);
        view.addObject("seesTasks", TaskScreens.seesTasks(caller));
        view.addObject("clocks", screens.clocks(locale));
        view.addObject("en", "en".equals(locale.getLanguage()));
        view.addObject(
                "policyForm", failed != null && failed.name().equals("policy") ? failed : policyForm(policy.body()));
        view.addObject(
                "dissuasionForm",
                failed != null && failed.name().equals("checklist-dissuasion")
                        ? failed
                        : checklistForm("checklist-dissuasion", dissuasion.body()));
        view.addObject(
                "revisitForm",
                failed != null && failed.name().equals("checklist-revisit")
                        ? failed
                        : checklistForm("checklist-revisit", revisit.body()));
        view.addObject(
                "rowIndexes",
                Map.of(
                        "dissuasion",
                        indexes((TaskScreens.Form) view.getModel().get("dissuasionForm")),
                        "revisit",
                        indexes((TaskScreens.Form) view.getModel().get("revisitForm"))));
        view.addObject(
                "policyHistory",
                settings.history(DissuasionSettings.POLICY, DissuasionPolicy.class).stream()
                        .limit(HISTORY_SHOWN)
                        .toList());
        view.addObject(
                "dissuasionHistory",
                settings.history(Checklist.DISSUASION, Checklist.class).stream()
                        .limit(HISTORY_SHOWN)
                        .toList());
        view.addObject(
                "revisitHistory",
                settings.history(Checklist.REVISIT, Checklist.class).stream()
                        .limit(HISTORY_SHOWN)
                        .toList());
        return view;
    }

    static TaskScreens.Form policyForm(DissuasionPolicy policy) {
        var values = new LinkedHashMap<String, String>();
        for (var level : WarningLevel.values()) {
            var w = policy.windowsFor(level);
            values.put(level + ".signFor", w == null ? "" : Integer.toString(w.signForMinutes()));
            values.put(level + ".firstContact", w == null ? "" : Integer.toString(w.firstContactMinutes()));
            values.put(
                    level + ".faceToFace",
                    w == null || w.faceToFaceMinutes() == null ? "" : Integer.toString(w.faceToFaceMinutes()));
        }
        values.put(
                "revisitDays",
                String.join(
                        ", ", policy.revisitDays().stream().map(String::valueOf).toList()));
        values.put("watchMonths", Integer.toString(policy.watchMonths()));
        values.put("secondVisitHours", Integer.toString(policy.secondVisitHours()));
        return new TaskScreens.Form("policy", values, Set.of(), Map.of());
    }

    static TaskScreens.Form checklistForm(String name, Checklist checklist) {
        var values = new LinkedHashMap<String, String>();
        var items = checklist.items();
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            values.put("item" + i + ".id", item.id());
            values.put("item" + i + ".kind", item.kind());
            values.put("item" + i + ".zh", item.zh());
            values.put("item" + i + ".en", item.en());
        }
        values.put("rows", Integer.toString(items.size() + BLANK_ROWS));
        return new TaskScreens.Form(name, values, Set.of(), Map.of());
    }

    private static List<Integer> indexes(TaskScreens.Form form) {
        return java.util.stream.IntStream.range(0, rows(form)).boxed().toList();
    }

    /** How many item rows the form had (at most 100). */
    static int rows(TaskScreens.Form form) {
        var text = form.value("rows");
        return WHOLE.matcher(text).matches() ? Math.min(100, Integer.parseInt(text)) : 0;
    }

    private static Integer whole(TaskScreens.Form form, String field, Map<String, String> errors, boolean blankIsNone) {
        var text = form.value(field).strip();
        if (text.isEmpty() && blankIsNone) {
            return null;
        }
        if (!WHOLE.matcher(text).matches()) {
            errors.put(field, "whole");
            return null;
        }
        return Integer.parseInt(text);
    }

    /** A policy problem's field as the form names it: {@code windows.HIGH} is the HIGH row. */
    private static String policyField(String field) {
        return field.startsWith("windows.") ? field.substring("windows.".length()) : field;
    }

    private static String policyProblem(String field) {
        return switch (field) {
            case "revisitDays", "watchMonths", "secondVisitHours" -> field;
            default -> "windows";
        };
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
