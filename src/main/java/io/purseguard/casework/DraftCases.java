package io.purseguard.casework;

import io.purseguard.dissuasion.DissuasionConcluded;
import io.purseguard.dissuasion.Outcome;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.scope.Scope;
import io.purseguard.warning.FraudType;
import io.purseguard.warning.WarningFacts;
import io.purseguard.warning.Warnings;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A dissuasion that ended in a loss ({@link Outcome#DEFRAUDED}, {@link Outcome#DISSUADED_AFTER_LOSS})
 * opens a draft case for the station to complete and accept: the victim, the loss, the warning's
 * suspect identifiers and its fraud type. Runs after dissuasion committed, recorded by the event
 * registry until it succeeds; a redelivered outcome opens nothing twice (one case per task, by a
 * unique key).
 */
@Component
class DraftCases {

    static final Caller SYSTEM = new Caller("system", "系统", Role.CITY_CENTER, Scope.city());

    private static final Logger log = LoggerFactory.getLogger(DraftCases.class);

    private final Cases cases;
    private final CaseStore store;
    private final Warnings warnings;
    private final JdbcClient jdbc;

    DraftCases(Cases cases, CaseStore store, Warnings warnings, JdbcClient jdbc) {
        this.cases = cases;
        this.store = store;
        this.warnings = warnings;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(DissuasionConcluded event) {
        if (event.outcome() != Outcome.DEFRAUDED && event.outcome() != Outcome.DISSUADED_AFTER_LOSS) {
            return;
        }
        boolean exists = jdbc.sql("SELECT count(*) FROM casework.fraud_case WHERE task_id = :task")
                        .param("task", event.taskId())
                        .query(Long.class)
                        .single()
                > 0;
        if (exists) {
            return;
        }
        var facts = warnings.facts(event.warningId()).orElse(null);
        if (facts == null) {
            log.warn(
                    "Task {} concluded {} for an unknown warning {}; no draft case",
                    event.taskId(),
                    event.outcome(),
                    event.warningId());
            return;
        }
        var station = event.stationCode() != null
                ? event.stationCode()
                : facts.placement().station();
        if (station == null) {
            log.warn("Warning {} has no station yet; its draft case waits for none", event.warningId());
            return;
        }
        var evidence = facts.evidence();
        var type = evidence.fraudType() == null ? FraudType.OTHER : evidence.fraudType();
        var narrative = "【案件草稿·由劝阻结果生成】预警线索" + facts.clueId() + "，劝阻结论："
                + (event.outcome() == Outcome.DEFRAUDED ? "已被骗" : "部分损失后劝阻") + "，损失"
                + (event.lossAmount() == null ? "待核实" : event.lossAmount().toPlainString() + "元")
                + "。请派出所补充简要案情、转账明细后受理。";
        var input = new CaseInput(
                narrative,
                List.of(new CaseInput.VictimInput(
                        facts.residentId(),
                        facts.personName(),
                        facts.personIdNumber(),
                        mobileOrNull(facts),
                        null,
                        null)),
                type,
                null,
                event.lossAmount(),
                identifiers(evidence),
                null,
                CaseOrigin.DISSUASION,
                station,
                evidence.transactedAt(),
                event.warningId(),
                null);
        var draft = cases.draft(input, narrative, SYSTEM, event.taskId(), event.by());
        if (store.insert(draft)) {
            cases.announce(draft, "system", event.taskId());
        }
    }

    private static String mobileOrNull(WarningFacts facts) {
        var phone = facts.personPhone();
        return phone != null
                        && Identifiers.normalize(IdentifierKind.PHONE, phone).isPresent()
                ? phone
                : null;
    }

    /** The warning's suspect identifiers that are well formed; a malformed one is left for the station. */
    private static List<CaseInput.IdentifierInput> identifiers(WarningFacts.Evidence e) {
        var out = new ArrayList<CaseInput.IdentifierInput>();
        if (e.suspectAccount() != null) {
            var kind = Identifiers.normalize(IdentifierKind.BANK_CARD, e.suspectAccount())
                            .isPresent()
                    ? IdentifierKind.BANK_CARD
                    : IdentifierKind.ACCOUNT;
            add(out, kind, e.suspectAccount());
        }
        add(out, IdentifierKind.PHONE, e.suspectPhone());
        add(out, IdentifierKind.URL, e.suspectUrl());
        add(out, IdentifierKind.APP, e.suspectApp());
        return out;
    }

    private static void add(List<CaseInput.IdentifierInput> out, IdentifierKind kind, String value) {
        if (value != null && Identifiers.normalize(kind, value).isPresent()) {
            out.add(new CaseInput.IdentifierInput(kind, value));
        }
    }
}
