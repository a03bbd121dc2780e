package io.purseguard.protection.web;

import static io.purseguard.protection.web.MeasureScreens.amountOf;
import static io.purseguard.protection.web.MeasureScreens.given;
import static io.purseguard.protection.web.MeasureScreens.officer;
import static io.purseguard.protection.web.MeasureScreens.refusedNotice;

import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.platform.web.Pages;
import io.purseguard.protection.MeasureKind;
import io.purseguard.protection.MeasureNotices;
import io.purseguard.protection.MeasureRefused;
import io.purseguard.protection.MeasureRequest;
import io.purseguard.protection.MeasureState;
import io.purseguard.protection.MeasureView;
import io.purseguard.protection.Measures;
import io.purseguard.protection.web.MeasureScreens.Notice;
import io.purseguard.scope.Placement;
import io.purseguard.warning.Warnings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One measure on screen, {@code /measures/{id}}: its legal basis, the appeal route (phone restriction
 * and card cut, as 反电信网络诈骗法 Art. 32 requires), history and the caller's actions; its printable
 * notice ({@code notice.pdf}) for roles that may reveal the full target, audited. And {@code
 * /measures/money}: money protected today, this month and this year, for the centers' board. A
 * warning's measures are {@link WarningMeasurePages}, the bank's portal {@link BankPortalPages}.
 *
 * <p>What a caller sees goes through {@link Measures}, which limits it in SQL: a measure outside it is a
 * 404 like one that does not exist.
 */
@Controller
class MeasurePages {

    private final Measures measures;
    private final MeasureNotices notices;
    private final NoticePdf pdf;
    private final Warnings warnings;
    private final MeasureScreens screens;

    MeasurePages(Measures measures, MeasureNotices notices, NoticePdf pdf, Warnings warnings, MeasureScreens screens) {
        this.measures = measures;
        this.notices = notices;
        this.pdf = pdf;
        this.warnings = warnings;
        this.screens = screens;
    }

    /** What the caller may do to one measure. */
    public record Actions(
            boolean renew,
            boolean release,
            boolean appeal,
            boolean returnMoney,
            boolean acknowledge,
            boolean execute,
            boolean reject,
            boolean notice) {

        static Actions of(Caller caller, MeasureView m) {
            boolean officer = officer(caller);
            boolean liaison = caller.role() == Role.BANK_LIAISON;
            boolean unanswered = m.state() == MeasureState.REQUESTED || m.state() == MeasureState.SENT;
            boolean open = unanswered || m.state() == MeasureState.ACKNOWLEDGED;
            return new Actions(
                    officer && m.kind() == MeasureKind.FREEZE && m.state() == MeasureState.EXECUTED,
                    officer && m.state().active(),
                    officer && m.kind().appealable() && m.state() != MeasureState.REJECTED,
                    officer && m.kind() == MeasureKind.FREEZE && m.state() == MeasureState.EXECUTED,
                    liaison && unanswered,
                    liaison && open,
                    liaison && open,
                    MeasureNotices.mayPrint(caller));
        }

        public boolean officerAny() {
            return renew || release || appeal || returnMoney;
        }

        public boolean liaisonAny() {
            return acknowledge || execute || reject;
        }
    }

    // ---------------------------------------------------------------- money protected

    @GetMapping("/measures/money")
    ModelAndView money(Caller caller) {
        var view = new ModelAndView("measures/fragments :: money");
        var money = measures.moneyProtected(caller);
        view.addObject("money", money);
        view.addObject("bars", List.of(money.today(), money.month(), money.year()));
        return view;
    }

    // ---------------------------------------------------------------- one measure

    @GetMapping("/measures/{id}")
    ModelAndView detail(Caller caller, @PathVariable String id) {
        var found = screens.find(caller, id);
        if (found.isEmpty()) {
            return Pages.notFound();
        }
        var m = found.get();
        var view = new ModelAndView("measures/detail");
        view.addObject("m", m);
        view.addObject("actions", Actions.of(caller, m));
        view.addObject("times", screens.times());
        view.addObject("warningLink", m.warningId() != null && caller.scope().seesPeople());
        return view;
    }

    @PostMapping("/measures/{id}/renew")
    ModelAndView renew(Caller caller, @PathVariable String id, RedirectAttributes redirect) {
        return act(caller, id, redirect, Actions::renew, m -> {
            measures.renew(m.measureId(), caller);
            return "measure.notice.renewed";
        });
    }

    @PostMapping("/measures/{id}/release")
    ModelAndView release(
            Caller caller,
            @PathVariable String id,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return act(caller, id, redirect, Actions::release, m -> {
            measures.release(m.measureId(), caller, reason);
            return "measure.notice.released";
        });
    }

    @PostMapping("/measures/{id}/appeal")
    ModelAndView appeal(
            Caller caller,
            @PathVariable String id,
            @RequestParam(required = false) String upheld,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return act(caller, id, redirect, Actions::appeal, m -> {
            if (!"true".equals(upheld) && !"false".equals(upheld)) {
                throw new MeasureRefused("upheld", "is required");
            }
            boolean yes = Boolean.parseBoolean(upheld);
            measures.appeal(m.measureId(), caller, yes, given(note));
            return yes ? "measure.notice.appealUpheld" : "measure.notice.appealDismissed";
        });
    }

    /** 解冻返还 from an executed freeze: the money back to the victim, due in three working days. */
    @PostMapping("/measures/{id}/return")
    ModelAndView returnMoney(
            Caller caller,
            @PathVariable String id,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        var found = screens.find(caller, id);
        if (found.isEmpty()) {
            return Pages.notFound();
        }
        var freeze = found.get();
        if (!Actions.of(caller, freeze).returnMoney()) {
            return Pages.forbidden();
        }
        try {
            var money = amountOf(amount);
            var made = measures.request(
                    new MeasureRequest(
                            MeasureKind.UNFREEZE_RETURN,
                            freeze.institution(),
                            fullTargetOf(freeze, caller),
                            freeze.holder(),
                            money,
                            null,
                            reason,
                            null,
                            freeze.warningId(),
                            freeze.caseRef(),
                            freeze.measureId(),
                            placementOf(freeze)),
                    caller.name());
            redirect.addFlashAttribute(
                    "notice", new Notice("measure.notice.returnRequested", made.documentNo(), false));
            return new ModelAndView("redirect:/measures/" + made.measureId());
        } catch (MeasureRefused e) {
            redirect.addFlashAttribute("notice", refusedNotice(e));
            return new ModelAndView("redirect:/measures/" + freeze.measureId());
        }
    }

    @GetMapping("/measures/{id}/notice.pdf")
    ResponseEntity<byte[]> notice(Caller caller, @PathVariable String id) {
        if (!MeasureNotices.mayPrint(caller)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        var uuid = Pages.uuid(id);
        if (uuid.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        var notice = notices.print(uuid.get(), caller);
        if (notice.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        var bytes = pdf.render(notice.get(), caller);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(NoticePdf.fileName(notice.get().measure()), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                // the notice carries the full account: no cache keeps a copy
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(bytes);
    }

    private interface Step {
        String apply(MeasureView m);
    }

    /** One of an officer's actions on the measure's page: done, or refused with the reason; back to the page. */
    private ModelAndView act(
            Caller caller, String id, RedirectAttributes redirect, Predicate<Actions> allowed, Step step) {
        var found = screens.find(caller, id);
        if (found.isEmpty()) {
            return Pages.notFound();
        }
        var m = found.get();
        if (!allowed.test(Actions.of(caller, m))) {
            return Pages.forbidden();
        }
        try {
            redirect.addFlashAttribute("notice", new Notice(step.apply(m), null, false));
        } catch (MeasureRefused e) {
            redirect.addFlashAttribute("notice", refusedNotice(e));
        }
        return new ModelAndView("redirect:/measures/" + m.measureId());
    }

    /** The freeze's account in full, for the return that draws on it (the caller may see the freeze). */
    private String fullTargetOf(MeasureView freeze, Caller caller) {
        return notices.targetOf(freeze.measureId(), caller);
    }

    private Placement placementOf(MeasureView m) {
        if (m.warningId() != null) {
            var facts = warnings.facts(m.warningId());
            if (facts.isPresent()) {
                return facts.get().placement();
            }
        }
        return m.stationCode() == null
                ? Placement.NONE
                : new Placement(m.stationCode().substring(0, 6), m.stationCode(), null, null, null);
    }
}
