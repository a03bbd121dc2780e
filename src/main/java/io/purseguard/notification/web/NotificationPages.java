package io.purseguard.notification.web;

import io.purseguard.identity.Caller;
import io.purseguard.notification.Notifications;
import io.purseguard.notification.sms.SmsSimulator;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * 通知: the caller's inbox (newest first, unread ones marked, each opening where it asks the reader to
 * act), "mark all read", and the header's unread badge, which htmx fetches on every page and every
 * 30 seconds so the layout itself needs no database. Opening a notice marks it read.
 */
@Controller
@RequestMapping("/notifications")
class NotificationPages {

    static final int PAGE_SIZE = 20;

    /** The badge shows at most this, then "99+". */
    static final long BADGE_MAX = 99;

    private final Notifications notifications;
    private final SmsSimulator simulator;
    private final Times times;

    NotificationPages(
            Notifications notifications,
            SmsSimulator simulator,
            @Value("${purseguard.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.notifications = notifications;
        this.simulator = simulator;
        this.times = new Times(zone);
    }

    @GetMapping
    String inbox(Caller caller, @RequestParam(required = false) String page, Model model) {
        model.addAttribute("inbox", notifications.inbox(caller, number(page), PAGE_SIZE));
        model.addAttribute("times", times);
        model.addAttribute("simulatorLink", SimulatorPages.mayOpen(caller, simulator));
        return "notifications/inbox";
    }

    @GetMapping("/badge")
    String badge(Caller caller, Model model) {
        long unread = notifications.unread(caller);
        model.addAttribute("unread", unread);
        model.addAttribute("shown", unread > BADGE_MAX ? BADGE_MAX + "+" : Long.toString(unread));
        return "notifications/fragments :: badge";
    }

    /** Opens a notice: marks it read and goes where it points (or back to the inbox). */
    @GetMapping("/{id}")
    ModelAndView open(Caller caller, @PathVariable UUID id) {
        var notice = notifications.find(caller, id);
        if (notice.isEmpty()) {
            return notFound();
        }
        notifications.markRead(caller, id);
        var link = notice.get().link();
        // a path in Purseguard (checked when sent), taken as it is: braces in it are not template variables
        var redirect = new RedirectView(link == null ? "/notifications" : link, true);
        redirect.setExpandUriTemplateVariables(false);
        return new ModelAndView(redirect);
    }

    @PostMapping("/{id}/read")
    ModelAndView read(Caller caller, @PathVariable UUID id, @RequestParam(required = false) String page) {
        if (!notifications.markRead(caller, id)) {
            return notFound();
        }
        int at = number(page);
        return new ModelAndView("redirect:/notifications" + (at > 0 ? "?page=" + at : ""));
    }

    @PostMapping("/read-all")
    ModelAndView readAll(Caller caller, RedirectAttributes redirect) {
        int marked = notifications.markAllRead(caller);
        redirect.addFlashAttribute("marked", marked);
        return new ModelAndView("redirect:/notifications");
    }

    private static int number(String text) {
        try {
            return text == null ? 0 : Math.max(0, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static ModelAndView notFound() {
        return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
    }
}
