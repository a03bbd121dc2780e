package io.purseguard.protection.web;

import static io.purseguard.protection.web.MeasureScreens.amountOf;
import static io.purseguard.protection.web.MeasureScreens.constant;
import static io.purseguard.protection.web.MeasureScreens.officer;
import static io.purseguard.protection.web.MeasureScreens.pending;
import static io.purseguard.protection.web.MeasureScreens.trim;

import io.purseguard.identity.Caller;
import io.purseguard.platform.Htmx;
import io.purseguard.platform.web.FormFields;
import io.purseguard.platform.web.Pages;
import io.purseguard.protection.MeasureKind;
import io.purseguard.protection.MeasureRefused;
import io.purseguard.protection.MeasureRequest;
import io.purseguard.protection.MeasureView;
import io.purseguard.protection.Measures;
import io.purseguard.protection.web.MeasureScreens.Notice;
import io.purseguard.warning.ClueKind;
import io.purseguard.warning.WarningLevel;
import io.purseguard.warning.WarningView;
import io.purseguard.warning.Warnings;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /measures/fragment/warning/{id}}: a warning's measures, loaded by htmx into the warning's page;
 * the list polls itself every 2 s while a measure waits for the other end (or while a fresh HIGH fund
 * warning's automatic stop-payment is on its way), and stops when all have an answer. Officers and
 * centers request a measure by hand from it; a refused field is named.
 */
@Controller
class WarningMeasurePages {

    /** How long a fresh HIGH fund warning waits, polling, for its automatic stop-payment to appear. */
    static final Duration AWAITING = Duration.ofMinutes(2);
    /** What an officer requests from a warning (a return is requested from the freeze it draws on). */
    static final List<MeasureKind> REQUESTABLE = List.of(
            MeasureKind.STOP_PAYMENT,
            MeasureKind.FREEZE,
            MeasureKind.PHONE_RESTRICTION,
            MeasureKind.URL_BLOCK,
            MeasureKind.APP_BLOCK,
            MeasureKind.CARD_CUT);
    /** The request form's fields, in the order a refusal names them. */
    static final List<String> FIELDS = List.of("kind", "target", "institution", "amount", "reason");

    private final Measures measures;
    private final Warnings warnings;
    private final MeasureScreens screens;
    private final Clock clock;

    WarningMeasurePages(Measures measures, Warnings warnings, MeasureScreens screens, Clock clock) {
        this.measures = measures;
        this.warnings = warnings;
        this.screens = screens;
        this.clock = clock;
    }

    /**
     * The request form as typed, with the problem of each refused field (the service's words; the page
     * shows its own text for the fields it knows) and a refusal by the rules that names no field.
     */
    public record Form(Map<String, String> values, Map<String, String> errors, String problem, String problemKey)
            implements FormFields {

        static Form of(Map<String, String> values) {
            return new Form(values, Map.of(), null, null);
        }

        Form refused(String field, String message) {
            if (field == null) {
                return new Form(values, errors, message, null);
            }
            var more = new LinkedHashMap<>(errors);
            more.put(field, message);
            return new Form(values, more, problem, problemKey);
        }

        Form refusedByRule(String key, String message) {
            return new Form(values, errors, message, key);
        }
    }

    /** A warning's measures and whether the list keeps polling. */
    public record WarningMeasures(UUID warningId, List<MeasureView> items, boolean live, boolean mayRequest) {}

    @GetMapping("/measures/fragment/warning/{warningId}")
    ModelAndView ofWarning(Caller caller, @PathVariable String warningId, HttpServletRequest request) {
        var warning = warningOf(caller, warningId);
        if (warning.isEmpty()) {
            return unseenWarning(caller);
        }
        var view = new ModelAndView(Htmx.wantsFragment(request) ? "measures/fragments :: warning" : "measures/warning");
        addWarning(view, caller, warning.get(), blankForm(warning.get()), null);
        return view;
    }

    /** The list alone: what the poll fetches. Without pending measures it answers without the trigger. */
    @GetMapping("/measures/fragment/warning/{warningId}/list")
    ModelAndView listOfWarning(Caller caller, @PathVariable String warningId) {
        var warning = warningOf(caller, warningId);
        if (warning.isEmpty()) {
            return unseenWarning(caller);
        }
        var view = new ModelAndView("measures/fragments :: list");
        addWarning(view, caller, warning.get(), null, null);
        return view;
    }

    /** A request by hand from the warning; htmx gets the section back, with the new measure or the refusal. */
    @PostMapping("/measures/fragment/warning/{warningId}")
    ModelAndView request(
            Caller caller,
            @PathVariable String warningId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) String institution,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String reason,
            HttpServletRequest request) {
        var warning = warningOf(caller, warningId);
        if (warning.isEmpty()) {
            return unseenWarning(caller);
        }
        if (!officer(caller)) {
            return Pages.forbidden();
        }
        var w = warning.get();
        var values = new LinkedHashMap<String, String>();
        values.put("kind", trim(kind));
        values.put("target", trim(target));
        values.put("institution", trim(institution));
        values.put("amount", trim(amount));
        values.put("reason", trim(reason));
        var form = Form.of(values);
        MeasureKind measureKind = constant(kind);
        if (measureKind == null || !REQUESTABLE.contains(measureKind)) {
            form = form.refused("kind", "is required");
        }
        BigDecimal money = null;
        try {
            money = amountOf(values.get("amount"));
        } catch (MeasureRefused e) {
            form = form.refused(e.field(), e.getMessage());
        }
        boolean htmx = Htmx.wantsFragment(request);
        Notice notice = null;
        if (form.errors().isEmpty()) {
            try {
                var placement = warnings.facts(w.warningId()).orElseThrow().placement();
                var made = measures.request(
                        new MeasureRequest(
                                measureKind,
                                values.get("institution"),
                                values.get("target"),
                                null,
                                money,
                                null,
                                values.get("reason"),
                                null,
                                w.warningId(),
                                null,
                                null,
                                placement),
                        caller.name());
                if (!htmx) {
                    return new ModelAndView("redirect:/measures/" + made.measureId());
                }
                notice = new Notice("measure.notice.requested", made.documentNo(), false);
                form = blankForm(w);
            } catch (MeasureRefused e) {
                form = refusal(form, measureKind, e);
            }
        }
        var view = new ModelAndView(htmx ? "measures/fragments :: warning" : "measures/warning");
        addWarning(view, caller, w, form, notice);
        return view;
    }

    private void addWarning(ModelAndView view, Caller caller, WarningView w, Form form, Notice notice) {
        var items = measures.ofWarning(w.warningId(), caller);
        view.addObject("ms", new WarningMeasures(w.warningId(), items, live(w, items), officer(caller)));
        view.addObject("times", screens.times());
        view.addObject("kinds", REQUESTABLE);
        view.addObject("form", form);
        view.addObject("measureNotice", notice);
    }

    /** Polling: a measure waits for the other end, or a fresh HIGH fund warning's stop-payment is coming. */
    private boolean live(WarningView w, List<MeasureView> items) {
        if (items.stream().anyMatch(m -> pending(m.state()))) {
            return true;
        }
        return items.isEmpty()
                && w.kind() == ClueKind.FUND
                && (w.level() == WarningLevel.HIGH || w.level() == WarningLevel.CRITICAL)
                && w.receivedAt().isAfter(clock.instant().minus(AWAITING));
    }

    /**
     * A stop-payment to start from. The institution is left empty: a phone restriction or a block
     * derives its own (the carrier, the blocking platform), and a bank left in the field would take it.
     */
    private static Form blankForm(WarningView w) {
        var values = new LinkedHashMap<String, String>();
        values.put("kind", MeasureKind.STOP_PAYMENT.name());
        return Form.of(values);
    }

    private static Form refusal(Form form, MeasureKind kind, MeasureRefused e) {
        if (e.field() != null) {
            return form.refused(FIELDS.contains(e.field()) ? e.field() : "kind", e.getMessage());
        }
        if (kind == MeasureKind.STOP_PAYMENT && e.getMessage().startsWith("this account has already been stopped")) {
            return form.refusedByRule("measure.error.stopPaymentLimit", e.getMessage());
        }
        return form.refusedByRule("measure.error.rule", e.getMessage());
    }

    /** A warning the caller cannot see: not there for those who see people, forbidden to the roles that see none. */
    private static ModelAndView unseenWarning(Caller caller) {
        return caller.scope().seesPeople() ? Pages.notFound() : Pages.forbidden();
    }

    private Optional<WarningView> warningOf(Caller caller, String id) {
        if (!caller.scope().seesPeople()) {
            return Optional.empty();
        }
        return Pages.uuid(id).flatMap(uuid -> warnings.find(uuid, caller.scope()));
    }
}
