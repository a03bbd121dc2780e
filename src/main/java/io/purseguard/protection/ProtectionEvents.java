package io.purseguard.protection;

import io.purseguard.dissuasion.ProtectionRequested;
import io.purseguard.warning.ClueKind;
import io.purseguard.warning.WarningFacts;
import io.purseguard.warning.WarningLevel;
import io.purseguard.warning.Warnings;
import io.purseguard.warning.WarningsReceived;
import java.util.ArrayList;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The automatic requests. "以快制快": a routed FUND warning of level HIGH or above stops the suspect's
 * account at once, before anyone has called; the uncooperative's escalation stops every account in the
 * warning and restricts the person's phone. Each request and its outbox message are written in the
 * listener's one transaction.
 */
@Component
class ProtectionEvents {

    static final String SYSTEM = "system";

    private final Measures measures;
    private final Warnings warnings;

    ProtectionEvents(Measures measures, Warnings warnings) {
        this.measures = measures;
        this.warnings = warnings;
    }

    @ApplicationModuleListener
    void on(WarningsReceived event) {
        for (var w : warnings.facts(event.warningIds())) {
            if (needsStopPayment(w)) {
                var e = w.evidence();
                request(new MeasureRequest(
                        MeasureKind.STOP_PAYMENT,
                        e.suspectBank(),
                        e.suspectAccount(),
                        e.suspectHolder(),
                        e.amount(),
                        e.transactedAt(),
                        "资金预警（" + w.level() + "），以快制快，先行止付涉案账户",
                        null,
                        w.warningId(),
                        null,
                        null,
                        w.placement()));
            }
        }
    }

    /** A FUND warning of HIGH or above with a suspect account the bank can act on. */
    static boolean needsStopPayment(WarningFacts w) {
        var e = w.evidence();
        return w.kind() == ClueKind.FUND
                && (w.level() == WarningLevel.CRITICAL || w.level() == WarningLevel.HIGH)
                && e != null
                && e.suspectAccount() != null
                && e.suspectAccount().matches("\\d{8,30}")
                && e.suspectBank() != null;
    }

    @ApplicationModuleListener
    void on(ProtectionRequested event) {
        var facts = warnings.facts(event.warningId()).orElse(null);
        if (facts == null) {
            return;
        }
        var e = facts.evidence();
        var requests = new ArrayList<MeasureRequest>();
        if (event.measures().contains(ProtectionRequested.Measure.STOP_PAYMENT_ALL_ACCOUNTS)) {
            for (var account : List.of(
                    new String[] {e.suspectBank(), e.suspectAccount(), e.suspectHolder()},
                    new String[] {e.personBank(), e.personAccount(), facts.personName()})) {
                if (account[0] != null && account[1] != null && account[1].matches("\\d{8,30}")) {
                    requests.add(new MeasureRequest(
                            MeasureKind.STOP_PAYMENT,
                            account[0],
                            account[1],
                            account[2],
                            e.amount(),
                            e.transactedAt(),
                            "劝阻对象拒不配合，止付预警涉及的全部账户",
                            null,
                            facts.warningId(),
                            null,
                            null,
                            facts.placement()));
                }
            }
        }
        if (event.measures().contains(ProtectionRequested.Measure.PHONE_RESTRICTION)
                && facts.personPhone() != null
                && facts.personPhone().matches("1[3-9]\\d{9}")) {
            requests.add(new MeasureRequest(
                    MeasureKind.PHONE_RESTRICTION,
                    null,
                    facts.personPhone(),
                    facts.personName(),
                    null,
                    null,
                    "劝阻对象拒不配合，为防止继续被骗，依法限制其手机号码功能",
                    null,
                    facts.warningId(),
                    null,
                    null,
                    facts.placement()));
        }
        requests.forEach(this::request);
    }

    private void request(MeasureRequest request) {
        try {
            measures.request(request, SYSTEM);
        } catch (MeasureRefused refused) {
            // the law's limit (a third stop-payment) or a clue the bank cannot act on is not an error
            // here: what was already requested stands, and the warning's page shows it
        }
    }
}
