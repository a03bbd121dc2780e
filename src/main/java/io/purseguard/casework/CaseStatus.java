package io.purseguard.casework;

import java.util.Set;

/**
 * 接报 → 受理 → 立案 or 不予立案 (with a reason) → 破案 / 结案. Each step is guarded here and again by
 * the current state in the UPDATE itself, so two people acting at once cannot both move a case.
 */
public enum CaseStatus {
    /** 接报: reported at the counter, by phone or online, or drafted from a dissuasion outcome. */
    REPORTED("接报"),
    /** 受理: the station takes it on. */
    ACCEPTED("受理"),
    /** 立案: filed as a criminal case; revisits are scheduled. */
    FILED("立案"),
    /** 不予立案: not filed, with the reason. */
    NOT_FILED("不予立案"),
    /** 破案: solved. */
    SOLVED("破案"),
    /** 结案/撤案: closed. */
    CLOSED("结案");

    private final String zh;

    CaseStatus(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /** The states this one may move to. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case REPORTED -> Set.of(ACCEPTED);
            case ACCEPTED -> Set.of(FILED, NOT_FILED);
            case FILED -> Set.of(SOLVED, CLOSED);
            case NOT_FILED, SOLVED -> Set.of(CLOSED);
            case CLOSED -> Set.of();
        };
    }

    public boolean mayBecome(CaseStatus target) {
        return next().contains(target);
    }

    /** Whether the step needs a reason: not filing a case must say why. */
    public boolean needsReason() {
        return this == NOT_FILED;
    }
}
