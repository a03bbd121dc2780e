package io.purseguard.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TriageRulesTest {

    static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    static final TriageParameters P = TriageParameters.DEFAULTS;

    static Clue clue(ClueKind kind, String amount, Duration sinceTransfer, FraudType type) {
        return new Clue(
                "T",
                ClueSource.NATIONAL,
                kind,
                NOW,
                new Clue.Person("张三", null, "13812345678", null, null),
                Clue.Suspect.NONE,
                amount == null ? null : new BigDecimal(amount),
                sinceTransfer == null ? null : NOW.minus(sinceTransfer),
                type,
                null);
    }

    static Triage.Grade grade(Clue clue, Integer age, int earlier) {
        return Triage.grade(new TriageFacts(clue, age, earlier, NOW), P, 7);
    }

    static TriageFacts facts(Clue clue) {
        return new TriageFacts(clue, 35, 0, NOW);
    }

    @Test
    void the_kind_sets_the_starting_level() {
        assertThat(TriageRules.KIND_BASE
                        .apply(facts(clue(ClueKind.SMS, null, null, null)), WarningLevel.LOW, P)
                        .level())
                .isEqualTo(WarningLevel.LOW);
        assertThat(TriageRules.KIND_BASE
                        .apply(facts(clue(ClueKind.FUND, "1", null, null)), WarningLevel.LOW, P)
                        .level())
                .isEqualTo(WarningLevel.HIGH);
    }

    @Test
    void fifty_thousand_yuan_or_more_is_critical_and_ten_thousand_at_least_high() {
        var big = TriageRules.LARGE_AMOUNT.apply(
                facts(clue(ClueKind.FUND, "50000.00", null, null)), WarningLevel.HIGH, P);
        assertThat(big.level()).isEqualTo(WarningLevel.CRITICAL);
        assertThat(big.reason().zh()).contains("¥50000.00");
        var mid =
                TriageRules.LARGE_AMOUNT.apply(facts(clue(ClueKind.FUND, "12000", null, null)), WarningLevel.MEDIUM, P);
        assertThat(mid.level()).isEqualTo(WarningLevel.HIGH);
        assertThat(TriageRules.LARGE_AMOUNT.apply(
                        facts(clue(ClueKind.FUND, "9999.99", null, null)), WarningLevel.HIGH, P))
                .isNull();
    }

    @Test
    void a_transfer_within_a_day_raises_one_level_and_an_older_one_does_not() {
        var fresh = clue(ClueKind.FUND, "100", Duration.ofHours(3), null);
        assertThat(TriageRules.FRESH_TRANSFER
                        .apply(facts(fresh), WarningLevel.HIGH, P)
                        .level())
                .isEqualTo(WarningLevel.CRITICAL);
        var old = clue(ClueKind.FUND, "100", Duration.ofHours(30), null);
        assertThat(TriageRules.FRESH_TRANSFER.apply(facts(old), WarningLevel.HIGH, P))
                .isNull();
    }

    @Test
    void the_elderly_and_minors_are_raised_one_level() {
        var sms = clue(ClueKind.SMS, null, null, null);
        assertThat(TriageRules.VULNERABLE_AGE
                        .apply(new TriageFacts(sms, 72, 0, NOW), WarningLevel.LOW, P)
                        .level())
                .isEqualTo(WarningLevel.MEDIUM);
        assertThat(TriageRules.VULNERABLE_AGE
                        .apply(new TriageFacts(sms, 15, 0, NOW), WarningLevel.LOW, P)
                        .level())
                .isEqualTo(WarningLevel.MEDIUM);
        assertThat(TriageRules.VULNERABLE_AGE.apply(new TriageFacts(sms, 40, 0, NOW), WarningLevel.LOW, P))
                .isNull();
        assertThat(TriageRules.VULNERABLE_AGE.apply(new TriageFacts(sms, null, 0, NOW), WarningLevel.LOW, P))
                .isNull();
    }

    @Test
    void the_costliest_fraud_types_are_raised_one_level() {
        var investment = clue(ClueKind.CALL, null, null, FraudType.FAKE_INVESTMENT);
        assertThat(TriageRules.RISKY_FRAUD_TYPE
                        .apply(facts(investment), WarningLevel.MEDIUM, P)
                        .level())
                .isEqualTo(WarningLevel.HIGH);
        var shopping = clue(ClueKind.CALL, null, null, FraudType.FAKE_SHOPPING);
        assertThat(TriageRules.RISKY_FRAUD_TYPE.apply(facts(shopping), WarningLevel.MEDIUM, P))
                .isNull();
    }

    @Test
    void a_repeat_within_ninety_days_raises_one_level() {
        var call = clue(ClueKind.CALL, null, null, null);
        assertThat(TriageRules.REPEAT_WARNING
                        .apply(new TriageFacts(call, 30, 2, NOW), WarningLevel.MEDIUM, P)
                        .level())
                .isEqualTo(WarningLevel.HIGH);
        assertThat(TriageRules.REPEAT_WARNING.apply(new TriageFacts(call, 30, 0, NOW), WarningLevel.MEDIUM, P))
                .isNull();
    }

    @Test
    void rules_stack_stop_at_critical_and_every_firing_rule_leaves_a_reason() {
        var grade = grade(clue(ClueKind.SMS, null, null, FraudType.ROMANCE), 70, 1);
        assertThat(grade.level()).isEqualTo(WarningLevel.CRITICAL); // LOW +elderly +type +repeat
        assertThat(grade.reasons())
                .extracting(LevelReason::rule)
                .containsExactly("kindBase", "vulnerableAge", "riskyFraudType", "repeatWarning");
        assertThat(grade.reasons()).allSatisfy(r -> assertThat(r.zh()).isNotBlank());
        assertThat(grade.ruleSetVersion()).isEqualTo(7);

        var capped = grade(clue(ClueKind.FUND, "80000", Duration.ofHours(1), FraudType.FAKE_INVESTMENT), 80, 3);
        assertThat(capped.level()).isEqualTo(WarningLevel.CRITICAL);
        assertThat(capped.reasons().get(capped.reasons().size() - 1).en()).contains("already the highest");
    }

    @Test
    void parameters_that_would_misbehave_are_refused_by_field() {
        var bad = new TriageParameters(
                P.kindLevels(), new BigDecimal("100"), new BigDecimal("1000"), -1, 60, 70, null, 90);
        assertThat(bad.problems())
                .containsKeys("criticalAmount", "freshTransferHours", "elderlyAge", "riskyFraudTypes");
        assertThat(P.problems()).isEmpty();
    }
}
