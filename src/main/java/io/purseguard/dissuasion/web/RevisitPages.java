package io.purseguard.dissuasion.web;

import io.purseguard.dissuasion.Checklist;
import io.purseguard.dissuasion.DissuasionSettings;
import io.purseguard.dissuasion.Tasks;
import io.purseguard.identity.Caller;
import io.purseguard.platform.web.Pages;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 回访: the revisits not yet done within the caller's jurisdiction or teams, soonest first, overdue
 * ones marked; each is completed with the "三清" checklist, here or on its task's page (the last one
 * closes the task). A checklist not worked through is shown again with the message and the ticks kept.
 */
@Controller
class RevisitPages {

    static final int LIMIT = 200;

    private final Tasks tasks;
    private final DissuasionSettings settings;
    private final TaskPages taskPages;
    private final TaskScreens screens;

    RevisitPages(Tasks tasks, DissuasionSettings settings, TaskPages taskPages, TaskScreens screens) {
        this.tasks = tasks;
        this.settings = settings;
        this.taskPages = taskPages;
        this.screens = screens;
    }

    @GetMapping("/revisits")
    ModelAndView list(Caller caller, Locale locale) {
        if (!TaskScreens.seesTasks(caller)) {
            return Pages.forbidden();
        }
        return page(caller, TaskScreens.Forms.none(), HttpStatus.OK, locale);
    }

    /** Completes a revisit; {@code from=task} returns to the task's page, otherwise to the list. */
    @PostMapping("/revisits/{id}/complete")
    ModelAndView complete(
            Caller caller,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> fields,
            Locale locale,
            RedirectAttributes redirect) {
        var revisitId = TaskScreens.uuid(id);
        if (revisitId.isEmpty() || !TaskScreens.seesTasks(caller)) {
            return Pages.notFound();
        }
        var form = TaskScreens.form("revisit-" + revisitId.get(), fields);
        boolean fromTask = form.value("from").equals("task");
        var answers = new LinkedHashMap<String, Boolean>();
        form.checked().forEach(item -> answers.put(item, true));
        try {
            var task =
                    tasks.completeRevisit(revisitId.get(), caller, new Tasks.RevisitInput(answers, form.value("note")));
            redirect.addFlashAttribute("notice", new TaskScreens.Notice("task.notice.revisit", false));
            return new ModelAndView(fromTask ? "redirect:/tasks/" + task.id() + "#revisits" : "redirect:/revisits");
        } catch (Tasks.TaskNotFound e) {
            return Pages.notFound();
        } catch (Tasks.TaskActionRefused e) {
            redirect.addFlashAttribute("notice", new TaskScreens.Notice("task.notice.revisitDone", true));
            return new ModelAndView("redirect:/revisits");
        } catch (Tasks.InvalidTaskInput e) {
            var forms = new TaskScreens.Forms(form.failing(e.field(), e.getMessage()));
            var task = TaskScreens.uuid(form.value("task")).flatMap(t -> tasks.find(t, caller));
            // a form from before someone else completed the revisit: say so rather than what is missing
            boolean alreadyDone = task.map(t ->
                            t.revisits().stream().anyMatch(r -> r.id().equals(revisitId.get()) && r.doneAt() != null))
                    .orElse(false);
            var status = alreadyDone ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
            var view = fromTask && task.isPresent()
                    ? taskPages.page(caller, task.get(), forms, null, status, locale)
                    : page(caller, forms, status, locale);
            view.addObject(
                    "notice",
                    new TaskScreens.Notice(alreadyDone ? "task.notice.revisitDone" : "task.notice.fix", true));
            return view;
        }
    }

    private ModelAndView page(Caller caller, TaskScreens.Forms forms, HttpStatus status, Locale locale) {
        var view = new ModelAndView("tasks/revisits", status);
        view.addObject("revisits", tasks.revisitsDue(caller, LIMIT));
        view.addObject("revisitChecklist", settings.checklist(Checklist.REVISIT));
        view.addObject("forms", forms);
        view.addObject("clocks", screens.clocks(locale));
        view.addObject("en", "en".equals(locale.getLanguage()));
        return view;
    }
}
