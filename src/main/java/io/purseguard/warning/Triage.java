package io.purseguard.warning;

import java.util.ArrayList;
import java.util.List;

/** Runs the rules over a clue's facts with one rule-set version: a level and every reason. */
final class Triage {

    record Grade(WarningLevel level, List<LevelReason> reasons, int ruleSetVersion) {}

    private Triage() {}

    static Grade grade(TriageFacts facts, TriageParameters parameters, int version) {
        WarningLevel level = WarningLevel.LOW;
        var reasons = new ArrayList<LevelReason>();
        for (var rule : TriageRules.ALL) {
            var outcome = rule.apply(facts, level, parameters);
            if (outcome != null) {
                level = outcome.level();
                reasons.add(outcome.reason());
            }
        }
        return new Grade(level, List.copyOf(reasons), version);
    }
}
