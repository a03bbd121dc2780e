package io.purseguard.warning.web;

import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.platform.web.FormFields;
import io.purseguard.warning.ClueKind;
import io.purseguard.warning.FraudType;
import io.purseguard.warning.RuleSets;
import io.purseguard.warning.TriageParameters;
import io.purseguard.warning.WarningLevel;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 分级规则: the triage rules in force (version, who published it and when), each named rule with its
 * parameters and what it does, and every earlier version with what it changed against the one before.
 * Anyone signed in may read it; the administrator also gets a form that publishes the next version
 * (the API's {@code PUT /api/v1/triage/rules} does the same for machines).
 *
 * <p>The form is read as text, so a mistyped number is reported next to its field rather than failing
 * the request; {@link TriageParameters#problems()} then has the last word, and the form is shown again
 * with what was typed. The form carries the version it was filled in against: if someone published in
 * the meantime, nothing is published and the admin is asked to look again. A version and its audit
 * entry (with the per-field change) commit together.
 */
@Controller
@RequestMapping("/triage/rules")
class TriageRulesPages {

    /** Versions shown in the history table, newest first. */
    static final int HISTORY_SHOWN = 50;

    static final String AUDIT_ACTION = "TRIAGE_RULES_PUBLISHED";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,13}(\\.\\d{1,2})?");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");

    /** A named rule as the page explains it: its name (as in the warnings' reasons) and the fields it reads. */
    public record Rule(String name, List<String> fields) {}

    /** The rules in the order triage runs them (TriageRules.ALL). */
    static final List<Rule> RULES = List.of(
            new Rule("kindBase", List.of("kindLevels")),
            new Rule("largeAmount", List.of("criticalAmount", "highAmount")),
            new Rule("freshTransfer", List.of("freshTransferHours")),
            new Rule("vulnerableAge", List.of("elderlyAge", "minorAge")),
            new Rule("riskyFraudType", List.of("riskyFraudTypes")),
            new Rule("repeatWarning", List.of("repeatWindowDays")));

    /** The numeric fields of the form, in the form's order; amounts are the first two. */
    static final List<String> AMOUNTS = List.of("criticalAmount", "highAmount");

    static final List<String> WHOLES = List.of("freshTransferHours", "elderlyAge", "minorAge", "repeatWindowDays");

    /** What the last action did, shown once after the redirect: a message key and its one argument. */
    public record Notice(String key, String argument, boolean error) implements Serializable {}

    /** One version in the history table: local time and its changes against the version before. */
    public record Version(int version, String at, String by, boolean first, List<Change> changes) {}

    /**
     * One parameter that differs between two versions, as codes (the page labels them, the audit
     * entry keeps them as they are); {@code qualifier} names the clue kind of a starting level.
     */
    public record Change(String field, String qualifier, List<String> before, List<String> after) {

        /** The single value before, or null. */
        public String was() {
            return before.isEmpty() ? null : before.get(0);
        }

        /** The single value after, or null. */
        public String is() {
            return after.isEmpty() ? null : after.get(0);
        }

        /** Of a list (the fraud types): what is new. */
        public List<String> added() {
            return after.stream().filter(v -> !before.contains(v)).toList();
        }

        /** Of a list: what was dropped. */
        public List<String> removed() {
            return before.stream().filter(v -> !after.contains(v)).toList();
        }
    }

    /**
     * The form as typed: every value as text (so a wrong one can be shown again), the chosen fraud
     * types, and a message for each field that is wrong (already in the reader's language).
     */
    public record Draft(
            String baseVersion,
            Map<String, String> values,
            Set<String> fraudTypes,
            Map<String, String> errors,
            List<String> otherProblems)
            implements FormFields {

        public boolean chosen(FraudType type) {
            return fraudTypes.contains(type.name());
        }

        /** The first field with a message (the page puts the cursor there), or null. */
        public String firstInvalid() {
            return errors.isEmpty() ? null : errors.keySet().iterator().next();
        }

        public boolean hasErrors() {
            return !errors.isEmpty() || !otherProblems.isEmpty();
        }

        static Draft of(RuleSets.RuleSet set) {
            var p = set.parameters();
            var values = new LinkedHashMap<String, String>();
            for (var kind : ClueKind.values()) {
                var level = p.kindLevels().get(kind);
                values.put(kindField(kind), level == null ? "" : level.name());
            }
            values.put("criticalAmount", p.criticalAmount().toPlainString());
            values.put("highAmount", p.highAmount().toPlainString());
            values.put("freshTransferHours", Integer.toString(p.freshTransferHours()));
            values.put("elderlyAge", Integer.toString(p.elderlyAge()));
            values.put("minorAge", Integer.toString(p.minorAge()));
            values.put("repeatWindowDays", Integer.toString(p.repeatWindowDays()));
            var types =
                    p.riskyFraudTypes().stream().map(Enum::name).collect(Collectors.toCollection(LinkedHashSet::new));
            return new Draft(Integer.toString(set.version()), values, types, Map.of(), List.of());
        }
    }

    private final RuleSets ruleSets;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final MessageSource messages;
    private final ZoneId zone;

    TriageRulesPages(
            RuleSets ruleSets,
            AuditTrail audit,
            TransactionTemplate transactions,
            MessageSource messages,
            @Value("${purseguard.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.ruleSets = ruleSets;
        this.audit = audit;
        this.transactions = transactions;
        this.messages = messages;
        this.zone = zone;
    }

    @GetMapping
    ModelAndView page(Caller caller) {
        var current = ruleSets.current();
        return page(caller, current, Draft.of(current), HttpStatus.OK);
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ModelAndView publish(
            Caller caller,
            @RequestParam MultiValueMap<String, String> form,
            Locale locale,
            RedirectAttributes redirect) {
        var draft = read(form, locale);
        var current = ruleSets.current();
        if (draft.hasErrors()) {
            return page(caller, current, draft, HttpStatus.BAD_REQUEST);
        }
        var parameters = parameters(draft);
        var base = parseVersion(draft.baseVersion());
        if (base != current.version()) {
            return stale(caller, current, draft);
        }
        var changes = changes(current.parameters(), parameters);
        if (changes.isEmpty()) {
            redirect.addFlashAttribute(
                    "notice", new Notice("triage.page.unchanged", Integer.toString(current.version()), true));
            return new ModelAndView("redirect:/triage/rules");
        }
        // the version and its audit entry commit together; someone else's version in between rolls both back
        var published = transactions.execute(tx -> {
            var before = ruleSets.current();
            var next = ruleSets.publish(parameters, caller.name());
            if (before.version() != base || next.version() != base + 1) {
                tx.setRollbackOnly();
                return null;
            }
            audit.record(
                    caller.name(),
                    AUDIT_ACTION,
                    "rule_set",
                    Integer.toString(next.version()),
                    auditDetail(base, changes(before.parameters(), parameters)));
            return next;
        });
        if (published == null) {
            return stale(caller, ruleSets.current(), draft);
        }
        redirect.addFlashAttribute(
                "notice", new Notice("triage.page.published", Integer.toString(published.version()), false));
        return new ModelAndView("redirect:/triage/rules");
    }

    private ModelAndView stale(Caller caller, RuleSets.RuleSet current, Draft draft) {
        var view = page(caller, current, draft, HttpStatus.CONFLICT);
        view.addObject("notice", new Notice("triage.page.stale", Integer.toString(current.version()), true));
        return view;
    }

    private ModelAndView page(Caller caller, RuleSets.RuleSet current, Draft draft, HttpStatus status) {
        var view = new ModelAndView("warnings/triage-rules", status);
        view.addObject("current", current);
        view.addObject("publishedAt", time(current.createdAt()));
        view.addObject("rules", RULES);
        view.addObject("kinds", ClueKind.values());
        view.addObject("levels", WarningLevel.values());
        view.addObject("fraudTypes", FraudType.values());
        view.addObject("inForce", Draft.of(current));
        view.addObject("editable", caller.role() == Role.ADMIN);
        view.addObject("draft", draft);
        var all = ruleSets.history(); // newest first
        view.addObject("history", history(all));
        view.addObject("historyTotal", all.size());
        return view;
    }

    // ---------------------------------------------------------------- reading the form

    static String kindField(ClueKind kind) {
        return "kindLevels." + kind.name();
    }

    private Draft read(MultiValueMap<String, String> form, Locale locale) {
        var values = new LinkedHashMap<String, String>();
        var errors = new LinkedHashMap<String, String>();
        for (var kind : ClueKind.values()) {
            var field = kindField(kind);
            var text = text(form.getFirst(field));
            values.put(field, text);
            if (constant(WarningLevel.class, text) == null) {
                errors.put(field, message("triage.page.error.level", locale));
            }
        }
        for (var field : AMOUNTS) {
            var text = text(form.getFirst(field)).replace(",", "").replace("，", "");
            values.put(field, text);
            if (!AMOUNT.matcher(text).matches()) {
                errors.put(field, message("triage.page.error.amount", locale));
            }
        }
        for (var field : WHOLES) {
            var text = text(form.getFirst(field));
            values.put(field, text);
            if (!WHOLE.matcher(text).matches()) {
                errors.put(field, message("triage.page.error.whole", locale));
            }
        }
        var types = new LinkedHashSet<String>();
        for (var text : form.getOrDefault("riskyFraudTypes", List.of())) {
            types.add(text);
            if (constant(FraudType.class, text) == null) {
                errors.put("riskyFraudTypes", message("triage.page.error.fraudType", locale));
            }
        }
        var draft = new Draft(text(form.getFirst("baseVersion")), values, types, errors, List.of());
        if (!errors.isEmpty()) {
            return draft;
        }
        // the fields parse: now the rules' own checks, which relate fields to each other
        var other = new ArrayList<String>();
        parameters(draft).problems().forEach((field, problem) -> {
            switch (field) {
                case "kindLevels" ->
                    errors.put(kindField(ClueKind.FUND), message("triage.page.problem.kindLevels", locale));
                case "criticalAmount" -> errors.put(field, message("triage.page.problem.criticalAmount", locale));
                case "elderlyAge" -> errors.put(field, message("triage.page.problem.elderlyAge", locale));
                case "freshTransferHours", "repeatWindowDays" ->
                    errors.put(field, message("triage.page.error.whole", locale));
                default -> other.add(field + ": " + problem);
            }
        });
        return new Draft(draft.baseVersion(), values, types, errors, other);
    }

    /** The parameters a draft without field errors stands for. */
    private static TriageParameters parameters(Draft draft) {
        var levels = new EnumMap<ClueKind, WarningLevel>(ClueKind.class);
        for (var kind : ClueKind.values()) {
            levels.put(kind, WarningLevel.valueOf(draft.value(kindField(kind))));
        }
        var types = new ArrayList<FraudType>();
        for (var type : FraudType.values()) {
            if (draft.chosen(type)) {
                types.add(type);
            }
        }
        return new TriageParameters(
                Map.copyOf(levels),
                new BigDecimal(draft.value("criticalAmount")),
                new BigDecimal(draft.value("highAmount")),
                Integer.parseInt(draft.value("freshTransferHours")),
                Integer.parseInt(draft.value("elderlyAge")),
                Integer.parseInt(draft.value("minorAge")),
                List.copyOf(types),
                Integer.parseInt(draft.value("repeatWindowDays")));
    }

    private static String text(String typed) {
        return typed == null ? "" : typed.strip();
    }

    private static int parseVersion(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- what changed

    /** Every parameter that differs, amounts compared by value (50000 = 50000.00). */
    static List<Change> changes(TriageParameters before, TriageParameters after) {
        var changes = new ArrayList<Change>();
        for (var kind : ClueKind.values()) {
            var was = before.kindLevels().get(kind);
            var is = after.kindLevels().get(kind);
            if (!Objects.equals(was, is)) {
                changes.add(new Change("kindLevels", kind.name(), names(was), names(is)));
            }
        }
        amount(changes, "criticalAmount", before.criticalAmount(), after.criticalAmount());
        amount(changes, "highAmount", before.highAmount(), after.highAmount());
        whole(changes, "freshTransferHours", before.freshTransferHours(), after.freshTransferHours());
        whole(changes, "elderlyAge", before.elderlyAge(), after.elderlyAge());
        whole(changes, "minorAge", before.minorAge(), after.minorAge());
        var typesBefore = Set.copyOf(before.riskyFraudTypes());
        var typesAfter = Set.copyOf(after.riskyFraudTypes());
        if (!typesBefore.equals(typesAfter)) {
            changes.add(new Change(
                    "riskyFraudTypes",
                    null,
                    before.riskyFraudTypes().stream().map(Enum::name).toList(),
                    after.riskyFraudTypes().stream().map(Enum::name).toList()));
        }
        whole(changes, "repeatWindowDays", before.repeatWindowDays(), after.repeatWindowDays());
        return changes;
    }

    private static List<String> names(WarningLevel level) {
        return level == null ? List.of() : List.of(level.name());
    }

    private static void amount(List<Change> changes, String field, BigDecimal was, BigDecimal is) {
        if (was == null || is == null ? was != is : was.compareTo(is) != 0) {
            changes.add(new Change(
                    field,
                    null,
                    was == null ? List.of() : List.of(was.toPlainString()),
                    is == null ? List.of() : List.of(is.toPlainString())));
        }
    }

    private static void whole(List<Change> changes, String field, int was, int is) {
        if (was != is) {
            changes.add(new Change(field, null, List.of(Integer.toString(was)), List.of(Integer.toString(is))));
        }
    }

    /** The audit entry's detail: codes, not words, so it reads the same in any language. */
    static String auditDetail(int previousVersion, List<Change> changes) {
        return "from v" + previousVersion + ": "
                + changes.stream()
                        .map(c -> {
                            var field = c.qualifier() == null ? c.field() : c.field() + "." + c.qualifier();
                            if (c.field().equals("riskyFraudTypes")) {
                                return field + " +" + c.added() + " -" + c.removed();
                            }
                            return field + " " + String.join(",", c.before()) + " -> " + String.join(",", c.after());
                        })
                        .collect(Collectors.joining("; "));
    }

    /** The newest versions of {@code all} (newest first), each with its changes against the one before. */
    private List<Version> history(List<RuleSets.RuleSet> all) {
        var shown = new ArrayList<Version>();
        for (int i = 0; i < Math.min(all.size(), HISTORY_SHOWN); i++) {
            var set = all.get(i);
            var previous = i + 1 < all.size() ? all.get(i + 1) : null;
            var changes = previous == null ? List.<Change>of() : changes(previous.parameters(), set.parameters());
            shown.add(new Version(set.version(), time(set.createdAt()), set.createdBy(), previous == null, changes));
        }
        return shown;
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    private String time(Instant instant) {
        return instant == null ? null : TIME.format(instant.atZone(zone));
    }
}
