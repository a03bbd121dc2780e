package io.purseguard.warning;

import java.time.Duration;
import java.util.List;

/**
 * The triage rules, in the order they run. The first sets the starting level from the kind; the
 * amount rule sets a floor; each later rule raises one level, so an elderly person warned again after
 * a fresh transfer climbs several.
 */
final class TriageRules {

    private TriageRules() {}

    static final TriageRule KIND_BASE = rule("kindBase", (f, level, p) -> {
        var base = p.kindLevels().get(f.clue().kind());
        return new TriageRule.Outcome(
                base,
                new LevelReason(
                        "kindBase",
                        kindZh(f.clue().kind()) + "预警，起始等级" + levelZh(base),
                        f.clue().kind() + " warning starts at " + base));
    });

    static final TriageRule LARGE_AMOUNT = rule("largeAmount", (f, level, p) -> {
        var amount = f.clue().amount();
        if (amount == null) {
            return null;
        }
        var floor = amount.compareTo(p.criticalAmount()) >= 0
                ? WarningLevel.CRITICAL
                : amount.compareTo(p.highAmount()) >= 0 ? WarningLevel.HIGH : null;
        if (floor == null || !floor.moreUrgentThan(level)) {
            return null;
        }
        var threshold = floor == WarningLevel.CRITICAL ? p.criticalAmount() : p.highAmount();
        return new TriageRule.Outcome(
                floor,
                new LevelReason(
                        "largeAmount",
                        "涉及金额 ¥" + amount.toPlainString() + "，达到 ¥" + threshold.toPlainString() + "，定为"
                                + levelZh(floor),
                        "amount ¥" + amount.toPlainString() + " reaches ¥" + threshold.toPlainString() + ": " + floor));
    });

    static final TriageRule FRESH_TRANSFER = rule("freshTransfer", (f, level, p) -> {
        var at = f.clue().transactedAt();
        if (at == null || !f.clue().kind().involvesMoney()) {
            return null;
        }
        var since = Duration.between(at, f.now());
        if (since.isNegative() || since.compareTo(Duration.ofHours(p.freshTransferHours())) > 0) {
            return null;
        }
        return raise(
                level,
                "freshTransfer",
                "转账发生在 " + since.toHours() + " 小时内，仍可止付，提升一级",
                "transfer " + since.toHours() + " h ago can still be stopped: one level up");
    });

    static final TriageRule VULNERABLE_AGE = rule("vulnerableAge", (f, level, p) -> {
        var age = f.age();
        if (age == null) {
            return null;
        }
        if (age >= p.elderlyAge()) {
            return raise(
                    level,
                    "vulnerableAge",
                    "当事人 " + age + " 岁，属老年人，提升一级",
                    "person is " + age + ", elderly: one level up");
        }
        if (age <= p.minorAge()) {
            return raise(
                    level,
                    "vulnerableAge",
                    "当事人 " + age + " 岁，属未成年人，提升一级",
                    "person is " + age + ", a minor: one level up");
        }
        return null;
    });

    static final TriageRule RISKY_FRAUD_TYPE = rule("riskyFraudType", (f, level, p) -> {
        var type = f.clue().fraudType();
        if (type == null || !p.riskyFraudTypes().contains(type)) {
            return null;
        }
        return raise(
                level,
                "riskyFraudType",
                "诈骗类型 " + type + " 单案损失大，提升一级",
                "fraud type " + type + " loses most per case: one level up");
    });

    static final TriageRule REPEAT_WARNING = rule("repeatWarning", (f, level, p) -> {
        if (f.earlierWarnings() == 0) {
            return null;
        }
        return raise(
                level,
                "repeatWarning",
                p.repeatWindowDays() + " 天内已被预警 " + f.earlierWarnings() + " 次，提升一级",
                "warned " + f.earlierWarnings() + " time(s) within " + p.repeatWindowDays() + " days: one level up");
    });

    static final List<TriageRule> ALL =
            List.of(KIND_BASE, LARGE_AMOUNT, FRESH_TRANSFER, VULNERABLE_AGE, RISKY_FRAUD_TYPE, REPEAT_WARNING);

    private static TriageRule.Outcome raise(WarningLevel level, String rule, String zh, String en) {
        var raised = level.raised();
        var already = raised == level ? "（已是最高等级）" : "";
        var alreadyEn = raised == level ? " (already the highest)" : "";
        return new TriageRule.Outcome(raised, new LevelReason(rule, zh + already, en + alreadyEn));
    }

    private interface Body {
        TriageRule.Outcome apply(TriageFacts facts, WarningLevel current, TriageParameters parameters);
    }

    private static TriageRule rule(String name, Body body) {
        return new TriageRule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Outcome apply(TriageFacts facts, WarningLevel current, TriageParameters parameters) {
                return body.apply(facts, current, parameters);
            }
        };
    }

    static String levelZh(WarningLevel level) {
        return switch (level) {
            case CRITICAL -> "特危";
            case HIGH -> "高危";
            case MEDIUM -> "中危";
            case LOW -> "低危";
        };
    }

    private static String kindZh(ClueKind kind) {
        return switch (kind) {
            case FUND -> "资金";
            case CALL -> "涉诈电话";
            case SMS -> "涉诈短信";
            case URL -> "涉诈网址";
            case APP -> "涉诈APP";
            case CASH_WITHDRAWAL -> "取现";
        };
    }
}
