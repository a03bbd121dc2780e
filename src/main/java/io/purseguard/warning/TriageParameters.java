package io.purseguard.warning;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The admin-tunable numbers behind the named triage rules. Stored as JSON, one version per change;
 * the defaults follow DOMAIN.md and local practice (a fund warning of ¥50,000 or more is 特危).
 *
 * @param kindLevels the starting level of each clue kind
 * @param criticalAmount a fund warning at or above this is CRITICAL
 * @param highAmount a fund warning at or above this is at least HIGH
 * @param freshTransferHours a transfer this recent can still be stopped: one level up
 * @param elderlyAge at or above this age: one level up
 * @param minorAge at or below this age: one level up
 * @param riskyFraudTypes the types with the largest losses per case: one level up
 * @param repeatWindowDays an earlier warning of the same person within this many days: one level up
 */
public record TriageParameters(
        Map<ClueKind, WarningLevel> kindLevels,
        BigDecimal criticalAmount,
        BigDecimal highAmount,
        int freshTransferHours,
        int elderlyAge,
        int minorAge,
        List<FraudType> riskyFraudTypes,
        int repeatWindowDays) {

    public static final TriageParameters DEFAULTS = new TriageParameters(
            Map.of(
                    ClueKind.FUND, WarningLevel.HIGH,
                    ClueKind.CASH_WITHDRAWAL, WarningLevel.HIGH,
                    ClueKind.CALL, WarningLevel.MEDIUM,
                    ClueKind.APP, WarningLevel.MEDIUM,
                    ClueKind.SMS, WarningLevel.LOW,
                    ClueKind.URL, WarningLevel.LOW),
            new BigDecimal("50000"),
            new BigDecimal("10000"),
            24,
            60,
            17,
            List.of(FraudType.FAKE_INVESTMENT, FraudType.IMPERSONATE_AUTHORITY, FraudType.ROMANCE),
            90);

    /** Problems that would make the rules misbehave, by field; empty when usable. */
    public Map<String, String> problems() {
        var problems = new java.util.LinkedHashMap<String, String>();
        if (kindLevels == null || !kindLevels.keySet().containsAll(List.of(ClueKind.values()))) {
            problems.put("kindLevels", "needs a level for every kind");
        }
        if (criticalAmount == null
                || highAmount == null
                || highAmount.signum() < 0
                || criticalAmount.compareTo(highAmount) < 0) {
            problems.put("criticalAmount", "must be at least highAmount, both ≥ 0");
        }
        if (freshTransferHours < 0) {
            problems.put("freshTransferHours", "must be ≥ 0");
        }
        if (elderlyAge < 0 || minorAge < 0 || minorAge >= elderlyAge) {
            problems.put("elderlyAge", "must be above minorAge, both ≥ 0");
        }
        if (repeatWindowDays < 0) {
            problems.put("repeatWindowDays", "must be ≥ 0");
        }
        if (riskyFraudTypes == null) {
            problems.put("riskyFraudTypes", "is required (may be empty)");
        }
        return problems;
    }
}
