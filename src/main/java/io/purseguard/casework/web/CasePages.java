package io.purseguard.casework.web;

import io.purseguard.casework.CaseDirectory;
import io.purseguard.casework.CaseInput;
import io.purseguard.casework.CaseOrigin;
import io.purseguard.casework.CaseRefused;
import io.purseguard.casework.CaseScope;
import io.purseguard.casework.CaseStatus;
import io.purseguard.casework.Cases;
import io.purseguard.casework.IdentifierKind;
import io.purseguard.casework.NarrativeAnalyzer;
import io.purseguard.identity.Caller;
import io.purseguard.jurisdiction.Units;
import io.purseguard.platform.Text;
import io.purseguard.platform.web.Pages;
import io.purseguard.scope.UnitKind;
import io.purseguard.warning.FraudType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * 案件 screens for the stations and centers: the list with its filters (a results fragment for htmx),
 * and the phone-first new-case form whose narrative box is read as the officer types (htmx, debounced):
 * the identifiers marked in the text, each one a tick the officer may clear, and the suggested type
 * with its reasons, preselected and correctable.
 */
@Controller
class CasePages {

    static final int PAGE_SIZE = 20;

    private final Cases cases;
    private final CaseDirectory directory;
    private final NarrativeAnalyzer analyzer;
    private final Units units;

    CasePages(Cases cases, CaseDirectory directory, NarrativeAnalyzer analyzer, Units units) {
        this.cases = cases;
        this.directory = directory;
        this.analyzer = analyzer;
        this.units = units;
    }

    @GetMapping("/cases")
    ModelAndView list(
            Caller caller, CaseForms filter, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        if (!CaseScope.worksCases(caller)) {
            return Pages.forbidden();
        }
        var view = new ModelAndView(htmx != null ? "cases/list :: results" : "cases/list");
        view.addObject("filter", filter);
        view.addObject("result", directory.list(filter.query(PAGE_SIZE), caller));
        view.addObject("types", FraudType.values());
        view.addObject("statuses", CaseStatus.values());
        view.addObject("lossBands", CaseForms.LOSS_BANDS.keySet());
        view.addObject("ageBands", CaseForms.AGE_BANDS.keySet());
        view.addObject("unitOptions", units.list(UnitKind.STATION, caller.scope()));
        view.addObject("exportLink", filter.link("/cases/export.xlsx", 0));
        return view;
    }

    @GetMapping("/cases/new")
    ModelAndView form(Caller caller) {
        if (!CaseScope.worksCases(caller)) {
            return Pages.forbidden();
        }
        return form(
                caller,
                new NewCaseForm(null, null, null, null, null, null, null, null, List.of()),
                null,
                HttpStatus.OK);
    }

    /** The narrative box's live reading: marked text, identifiers to keep, the suggested type. */
    @PostMapping("/cases/analyze")
    ModelAndView analyze(Caller caller, @RequestParam(defaultValue = "") String narrative) {
        if (!CaseScope.worksCases(caller)) {
            return Pages.forbidden();
        }
        var text = narrative.length() > Text.NARRATIVE ? narrative.substring(0, Text.NARRATIVE) : narrative;
        var view = new ModelAndView("cases/new :: analysis");
        view.addObject("analysis", text.isBlank() ? null : analyzer.analyze(text));
        view.addObject("parts", text.isBlank() ? List.of() : Highlight.of(text, analyzer.identifiers(text)));
        view.addObject("types", FraudType.values());
        return view;
    }

    /** What the form posts: the victim, the narrative, the type kept or corrected, the identifiers kept. */
    record NewCaseForm(
            String narrative,
            String victimName,
            String idNumber,
            String phone,
            String occupation,
            String fraudType,
            String lossAmount,
            String origin,
            List<String> identifier) {}

    @PostMapping("/cases")
    ModelAndView create(Caller caller, NewCaseForm form) {
        if (!CaseScope.worksCases(caller)) {
            return Pages.forbidden();
        }
        try {
            var identifiers = new ArrayList<CaseInput.IdentifierInput>();
            for (var kept : form.identifier() == null ? List.<String>of() : form.identifier()) {
                int bar = kept.indexOf('|');
                if (bar > 0) {
                    identifiers.add(new CaseInput.IdentifierInput(
                            IdentifierKind.valueOf(kept.substring(0, bar)), kept.substring(bar + 1)));
                }
            }
            var opened = cases.open(
                    new CaseInput(
                            form.narrative(),
                            List.of(new CaseInput.VictimInput(
                                    null, form.victimName(), form.idNumber(), form.phone(), form.occupation(), null)),
                            blank(form.fraudType()) ? null : FraudType.valueOf(form.fraudType()),
                            null,
                            blank(form.lossAmount()) ? null : money(form.lossAmount()),
                            identifiers,
                            null,
                            blank(form.origin()) ? CaseOrigin.COUNTER : CaseOrigin.valueOf(form.origin()),
                            null,
                            null,
                            null,
                            null),
                    caller);
            return new ModelAndView("redirect:/cases/" + opened.id());
        } catch (CaseRefused e) {
            return form(caller, form, e, HttpStatus.BAD_REQUEST);
        } catch (IllegalArgumentException e) {
            return form(caller, form, new CaseRefused("form", e.getMessage()), HttpStatus.BAD_REQUEST);
        }
    }

    private ModelAndView form(Caller caller, NewCaseForm form, CaseRefused error, HttpStatus status) {
        var view = new ModelAndView("cases/new", status);
        view.addObject("form", form);
        view.addObject("error", error);
        view.addObject("types", FraudType.values());
        view.addObject("origins", List.of(CaseOrigin.COUNTER, CaseOrigin.PHONE, CaseOrigin.ONLINE));
        var narrative = form.narrative() == null ? "" : form.narrative();
        view.addObject("analysis", narrative.isBlank() ? null : analyzer.analyze(narrative));
        view.addObject(
                "parts", narrative.isBlank() ? List.of() : Highlight.of(narrative, analyzer.identifiers(narrative)));
        return view;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static BigDecimal money(String value) {
        try {
            return new BigDecimal(value.replace(",", "").strip());
        } catch (NumberFormatException e) {
            throw new CaseRefused("lossAmount", "is not a number");
        }
    }
}
