package io.purseguard.protection.web;

import static io.purseguard.protection.web.MeasureScreens.amountOf;
import static io.purseguard.protection.web.MeasureScreens.given;
import static io.purseguard.protection.web.MeasureScreens.pending;
import static io.purseguard.protection.web.MeasureScreens.refusedNotice;

import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.platform.Htmx;
import io.purseguard.platform.web.Pages;
import io.purseguard.protection.MeasureRefused;
import io.purseguard.protection.MeasureState;
import io.purseguard.protection.MeasureView;
import io.purseguard.protection.Measures;
import io.purseguard.protection.web.MeasureScreens.Notice;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /bank}: the bank liaison's portal, their bank's requests only, by state, newest first;
 * acknowledge, execute (with the amount actually held) or reject with a reason, audited.
 */
@Controller
class BankPortalPages {

    static final int BANK_LIMIT = 200;

    private final Measures measures;
    private final MeasureScreens screens;

    BankPortalPages(Measures measures, MeasureScreens screens) {
        this.measures = measures;
        this.screens = screens;
    }

    /** The measures of one state on the liaison's page, newest first. */
    public record Group(MeasureState state, List<MeasureView> items) {}

    @GetMapping("/bank")
    ModelAndView bank(Caller caller, HttpServletRequest request) {
        if (caller.role() != Role.BANK_LIAISON) {
            return Pages.forbidden();
        }
        var view = new ModelAndView(Htmx.wantsFragment(request) ? "measures/bank :: queue" : "measures/bank");
        addQueue(view, caller);
        return view;
    }

    /** 受理, 执行 (with the amount held), 拒绝 (with the reason): htmx gets the queue back as it now is. */
    @PostMapping("/bank/{id}/{answer:acknowledge|execute|reject}")
    ModelAndView answer(
            Caller caller,
            @PathVariable String id,
            @PathVariable String answer,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String amount,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        if (caller.role() != Role.BANK_LIAISON) {
            return Pages.forbidden();
        }
        var found = screens.find(caller, id);
        if (found.isEmpty()) {
            return Pages.notFound();
        }
        var m = found.get();
        var kind =
                switch (answer) {
                    case "acknowledge" -> Measures.Answer.ACKNOWLEDGED;
                    case "execute" -> Measures.Answer.EXECUTED;
                    default -> Measures.Answer.REJECTED;
                };
        Notice notice;
        try {
            var held = kind == Measures.Answer.EXECUTED ? amountOf(amount) : null;
            if (held != null && (held.signum() < 0 || held.stripTrailingZeros().scale() > 2)) {
                throw new MeasureRefused("amount", "must be ≥ 0 with at most 2 decimals");
            }
            measures.liaisonAnswer(m.measureId(), caller, kind, given(reason), held);
            var done =
                    switch (kind) {
                        case ACKNOWLEDGED -> "measure.notice.acknowledge";
                        case EXECUTED -> "measure.notice.execute";
                        case REJECTED -> "measure.notice.reject";
                    };
            notice = new Notice(done, m.documentNo(), false);
        } catch (MeasureRefused e) {
            notice = refusedNotice(e);
        } catch (Measures.MeasureNotFound e) {
            return Pages.notFound();
        }
        if (!Htmx.wantsFragment(request)) {
            redirect.addFlashAttribute("notice", notice);
            return new ModelAndView("redirect:/bank#m-" + m.measureId());
        }
        var view = new ModelAndView("measures/bank :: queue");
        view.addObject("notice", notice);
        view.addObject("focus", m.measureId());
        addQueue(view, caller);
        return view;
    }

    private void addQueue(ModelAndView view, Caller caller) {
        var all = measures.list(caller, null, BANK_LIMIT);
        var groups = new ArrayList<Group>();
        for (var state : MeasureState.values()) {
            var items = all.stream().filter(m -> m.state() == state).toList();
            if (!items.isEmpty()) {
                groups.add(new Group(state, items));
            }
        }
        view.addObject("groups", groups);
        view.addObject("total", all.size());
        view.addObject("waiting", all.stream().filter(m -> pending(m.state())).count());
        view.addObject("bankName", caller.scope().code());
        view.addObject("times", screens.times());
    }
}
