package io.purseguard.protection.web;

import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.platform.Htmx;
import io.purseguard.platform.web.CityTimes;
import io.purseguard.platform.web.FormFields;
import io.purseguard.platform.web.Pages;
import io.purseguard.protection.MeasureKind;
import io.purseguard.protection.MeasureNotices;
import io.purseguard.protection.MeasureRefused;
import io.purseguard.protection.MeasureRequest;
import io.purseguard.protection.MeasureState;
import io.purseguard.protection.MeasureView;
import io.purseguard.protection.Measures;
import io.purseguard.scope.Placement;
import io.purseguard.warning.ClueKind;
import io.purseguard.warning.WarningLevel;
import io.purseguard.warning.WarningView;
import io.purseguard.warning.Warnings;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * 五快 on screen.
 *
 * <ul>
 *   <li>{@code /measures/fragment/warning/{id}}: a warning's measures, loaded by htmx into the warning's
 *       page; the list polls itself every 2 s while a measure waits for the other end (or while a
 *       fresh HIGH fund warning's automatic stop-payment is on its way), and stops when all have an
 *       answer. Officers and centers request a measure by hand from it; a refused field is named.
 *   <li>{@code /measures/money}: money protected today, this month and this year, for the centers'
 *       board.
 *   <li>{@code /measures/{id}}: one measure with its legal basis, the appeal route (phone restriction
 *       and card cut, as 反电信网络诈骗法 Art. 32 requires), history and the caller's actions; its
 *       printable notice ({@code notice.pdf}) for roles that may reveal the full target, audited.
 *   <li>{@code /bank}: the bank liaison's portal, their bank's requests only, by state, newest first;
 *       acknowledge, execute (with the amount actually held) or reject with a reason, audited.
 * </ul>
 *
 * <p>What a caller sees goes through {@link Measures}, which limits it in SQL: a measure outside it is a
 * 404 like one that does not exist.
 */
@Controller
class MeasurePages {

    static final int BANK_LIMIT = 200;
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
    private final MeasureNotices notices;
    private final NoticePdf pdf;
    private final Warnings warnings;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    MeasurePages(
            Measures measures,
            MeasureNotices notices,
            NoticePdf pdf,
            Warnings warnings,
            MessageSource messages,
            Clock clock,
            @Value("${purseguard.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.measures = measures;
        this.notices = notices;
        this.pdf = pdf;
        this.warnings = warnings;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    // ---------------------------------------------------------------- what the templates get

    /**
     * Times as the city reads them, and the time left to an expiry as of {@code now} in the reader's
     * language; measures.js keeps the countdown running in the browser.
     */
    public record Times(Instant now, ZoneId zone, MessageSource messages, Locale locale) implements CityTimes {

        /** From three days left the countdown reads in days (as measures.js does). */
        static final long DAYS_FROM = 72 * 3_600;

        public boolean past(Instant instant) {
            return instant != null && !instant.isAfter(now);
        }

        /** "剩余 47:59:59" (a stop-payment's 48 hours read in hours), "剩余 180 天 3:04", or "已到期". */
        public String left(Instant expires) {
            if (expires == null) {
                return "";
            }
            if (past(expires)) {
                return messages.getMessage("measure.clock.expired", null, locale);
            }
            long seconds = Duration.between(now, expires).getSeconds();
            long days = seconds / 86_400;
            long hours = seconds % 86_400 / 3_600;
            long minutes = seconds % 3_600 / 60;
            String span = seconds >= DAYS_FROM
                    ? messages.getMessage("measure.clock.days", new Object[] {Long.toString(days)}, locale) + " "
                            + hours + ":" + two(minutes)
                    : seconds / 3_600 + ":" + two(minutes) + ":" + two(seconds % 60);
            return messages.getMessage("measure.clock.left", new Object[] {span}, locale);
        }

        private static String two(long value) {
            return value < 10 ? "0" + value : Long.toString(value);
        }
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
                    caller.mayReveal());
        }

        public boolean officerAny() {
            return renew || release || appeal || returnMoney;
        }

        public boolean liaisonAny() {
            return acknowledge || execute || reject;
        }
    }

    /** The measures of one state on the liaison's page, newest first. */
    public record Group(MeasureState state, List<MeasureView> items) {}

    /** What the last action did, shown once: a message key, and the service's words when refused. */
    public record Notice(String key, String detail, boolean error) implements Serializable {}

    // ---------------------------------------------------------------- a warning's measures

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
        view.addObject("times", times());
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

    static boolean pending(MeasureState state) {
        return state == MeasureState.REQUESTED || state == MeasureState.SENT || state == MeasureState.ACKNOWLEDGED;
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
        var found = find(caller, id);
        if (found.isEmpty()) {
            return Pages.notFound();
        }
        var m = found.get();
        var view = new ModelAndView("measures/detail");
        view.addObject("m", m);
        view.addObject("actions", Actions.of(caller, m));
        view.addObject("times", times());
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
        var found = find(caller, id);
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
        if (!caller.mayReveal()) {
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

    // ---------------------------------------------------------------- the bank liaison's portal

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
        var found = find(caller, id);
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
        view.addObject("times", times());
    }

    // ---------------------------------------------------------------- helpers

    private interface Step {
        String apply(MeasureView m);
    }

    /** One of an officer's actions on the measure's page: done, or refused with the reason; back to the page. */
    private ModelAndView act(
            Caller caller, String id, RedirectAttributes redirect, Predicate<Actions> allowed, Step step) {
        var found = find(caller, id);
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

    private static Notice refusedNotice(MeasureRefused e) {
        if ("reason".equals(e.field())) {
            return new Notice("measure.error.reason", null, true);
        }
        if ("amount".equals(e.field())) {
            return new Notice("measure.error.amount", e.getMessage(), true);
        }
        if ("upheld".equals(e.field())) {
            return new Notice("measure.error.upheld", null, true);
        }
        return new Notice("measure.error.rule", e.getMessage(), true);
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

    private Optional<MeasureView> find(Caller caller, String id) {
        return Pages.uuid(id).flatMap(uuid -> measures.find(uuid, caller));
    }

    private Times times() {
        return new Times(clock.instant(), zone, messages, LocaleContextHolder.getLocale());
    }

    static boolean officer(Caller caller) {
        return caller.role() == Role.CITY_CENTER
                || caller.role() == Role.DISTRICT_CENTER
                || caller.role() == Role.STATION_OFFICER;
    }

    private static MeasureKind constant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return MeasureKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String trim(String text) {
        return text == null ? "" : text.strip();
    }

    /** What was typed, or null when nothing was. */
    private static String given(String text) {
        return trim(text).isEmpty() ? null : trim(text);
    }

    /** An amount as typed (thousands separators allowed), or null when none was. */
    private static BigDecimal amountOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new MeasureRefused("amount", "is not a number");
        }
    }
}
