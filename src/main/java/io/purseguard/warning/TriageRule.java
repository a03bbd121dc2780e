package io.purseguard.warning;

/**
 * One named rule. It sees the facts and the level so far and may set a new level, saying why. Rules
 * run in a fixed order; a later one sees what the earlier ones decided.
 */
interface TriageRule {

    String name();

    /** The level after this rule, and the reason, or null when it does not fire. */
    Outcome apply(TriageFacts facts, WarningLevel current, TriageParameters parameters);

    record Outcome(WarningLevel level, LevelReason reason) {}
}
