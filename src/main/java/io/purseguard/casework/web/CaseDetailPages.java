package io.purseguard.casework.web;

import io.purseguard.casework.CaseDirectory;
import io.purseguard.casework.CaseInput;
import io.purseguard.casework.CaseLifecycle;
import io.purseguard.casework.CaseNotFound;
import io.purseguard.casework.CaseRecovery;
import io.purseguard.casework.CaseRefused;
import io.purseguard.casework.CaseRevisits;
import io.purseguard.casework.CaseScope;
import io.purseguard.casework.CaseStatus;
import io.purseguard.casework.CaseView;
import io.purseguard.casework.Cases;
import io.purseguard.identity.Caller;
import io.purseguard.platform.web.Pages;
import io.purseguard.protection.MeasureKind;
import io.purseguard.protection.MeasureRefused;
import io.purseguard.warning.FraudType;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * One case's page: the victim masked (revealed with a reason, audited), transfers, identifiers, the
 * measures with their states and clocks and the money recovered, the status history and revisits;
 * and the actions: the next steps, a type correction, a transfer, a stop-payment or freeze of a
 * receiving account, a revisit's checklist. A refused action shows the page again with the reason.
 */
@Controller
class CaseDetailPages {

    private final CaseDirectory directory;
    private final Cases cases;
    private final CaseLifecycle lifecycle;
    private final CaseRecovery recovery;
    private final CaseRevisits revisits;

    CaseDetailPages(
            CaseDirectory directory,
            Cases cases,
            CaseLifecycle lifecycle,
            CaseRecovery recovery,
            CaseRevisits revisits) {
        this.directory = directory;
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.recovery = recovery;
        this.revisits = revisits;
    }

    @GetMapping("/cases/{id}")
    ModelAndView page(Caller caller, @PathVariable String id) {
        var caseId = Pages.uuid(id);
        if (caseId.isEmpty() || !CaseScope.worksCases(caller)) {
            return Pages.notFound();
        }
        return directory
                .find(caseId.get(), caller)
                .map(c -> page(caller, c, null, HttpStatus.OK))
                .orElseGet(Pages::notFound);
    }

    @PostMapping("/cases/{id}/reveal")
    ModelAndView reveal(Caller caller, @PathVariable UUID id, @RequestParam(defaultValue = "") String reason) {
        return act(caller, id, () -> page(caller, directory.reveal(id, caller, reason), null, HttpStatus.OK));
    }

    @PostMapping("/cases/{id}/transition")
    ModelAndView transition(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam CaseStatus to,
            @RequestParam(required = false) String reason) {
        return act(caller, id, () -> {
            lifecycle.move(id, caller, new CaseLifecycle.Step(to, reason, null));
            return redirect(id);
        });
    }

    @PostMapping("/cases/{id}/fraud-type")
    ModelAndView correct(Caller caller, @PathVariable UUID id, @RequestParam FraudType code) {
        return act(caller, id, () -> {
            cases.correctType(id, caller, code, null);
            return redirect(id);
        });
    }

    @PostMapping("/cases/{id}/transfers")
    ModelAndView transfer(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String amount,
            @RequestParam(required = false) String receivingAccount,
            @RequestParam(required = false) String receivingHolder,
            @RequestParam(required = false) String receivingBank) {
        return act(caller, id, () -> {
            cases.addTransfer(
                    id,
                    caller,
                    new CaseInput.TransferInput(
                            null, amount(amount), null, receivingAccount, receivingHolder, receivingBank, null));
            return redirect(id);
        });
    }

    @PostMapping("/cases/{id}/measures")
    ModelAndView measure(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam MeasureKind kind,
            @RequestParam(required = false) Integer transferSeq,
            @RequestParam(required = false) String account,
            @RequestParam(required = false) String bank) {
        return act(caller, id, () -> {
            recovery.request(
                    id, caller, new CaseRecovery.Request(kind, account, transferSeq, bank, null, null, null, null));
            return new ModelAndView("redirect:/cases/" + id + "#measures");
        });
    }

    @PostMapping("/cases/{id}/revisits/{revisitId}/complete")
    ModelAndView revisit(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID revisitId,
            @RequestParam MultiValueMap<String, String> fields) {
        return act(caller, id, () -> {
            var answers = new HashMap<String, Boolean>();
            var ticked = fields.getOrDefault("item", java.util.List.of());
            revisits.checklist().body().ids().forEach(item -> answers.put(item, ticked.contains(item)));
            if (ticked.size() < answers.size()) {
                throw new CaseRefused("checklist", "请逐项完成回访清单");
            }
            revisits.complete(revisitId, caller, answers, fields.getFirst("note"));
            return new ModelAndView("redirect:/cases/" + id + "#revisits");
        });
    }

    private ModelAndView act(Caller caller, UUID id, Supplier<ModelAndView> action) {
        if (!CaseScope.worksCases(caller)) {
            return Pages.notFound();
        }
        try {
            return action.get();
        } catch (CaseNotFound e) {
            return Pages.notFound();
        } catch (CaseRefused e) {
            return refused(
                    caller, id, e.field() == null ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (MeasureRefused e) {
            return refused(
                    caller, id, e.field() == null ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (org.springframework.security.access.AccessDeniedException e) {
            return refused(caller, id, HttpStatus.FORBIDDEN, e.getMessage());
        }
    }

    private ModelAndView refused(Caller caller, UUID id, HttpStatus status, String message) {
        return directory
                .find(id, caller)
                .map(c -> page(caller, c, message, status))
                .orElseGet(Pages::notFound);
    }

    ModelAndView page(Caller caller, CaseView c, String error, HttpStatus status) {
        var view = new ModelAndView("cases/detail", status);
        view.addObject("c", c);
        view.addObject("error", error);
        view.addObject("types", FraudType.values());
        view.addObject("measures", recovery.measures(c.id(), caller));
        view.addObject("recovered", recovery.recovered(c.id(), caller));
        view.addObject("revisits", revisits.ofCase(c.id(), caller));
        view.addObject("checklist", revisits.checklist().body());
        view.addObject("mayReveal", caller.mayReveal());
        view.addObject("times", new CaseTimes());
        return view;
    }

    private static ModelAndView redirect(UUID id) {
        return new ModelAndView("redirect:/cases/" + id);
    }

    private static BigDecimal amount(String text) {
        try {
            return text.isBlank() ? null : new BigDecimal(text.replace(",", "").strip());
        } catch (NumberFormatException e) {
            throw new CaseRefused("amount", "不是数字");
        }
    }
}
