package io.purseguard.dissuasion;

import io.purseguard.warning.WarningStatus;

/** How a dissuasion ended (DOMAIN.md step 6). */
public enum Outcome {
    /** 劝阻成功: no money lost. */
    DISSUADED(WarningStatus.DISSUADED),
    /** 部分损失后劝阻: stopped after a partial loss, with the amount. */
    DISSUADED_AFTER_LOSS(WarningStatus.DISSUADED),
    /** 已被骗: the money is gone; a case follows ({@link DissuasionConcluded}). */
    DEFRAUDED(WarningStatus.DEFRAUDED),
    /** 联系不上: nobody could reach the person; escalates when the face-to-face deadline has passed. */
    UNREACHABLE(WarningStatus.UNREACHABLE),
    /** 拒不配合: the person would not listen; escalates at once. */
    REFUSED(WarningStatus.ESCALATED);

    private final WarningStatus warningStatus;

    Outcome(WarningStatus warningStatus) {
        this.warningStatus = warningStatus;
    }

    WarningStatus warningStatus() {
        return warningStatus;
    }

    /** Whether the person was reached and talked to, so the checklist must have been worked through. */
    public boolean needsChecklist() {
        return this == DISSUADED || this == DISSUADED_AFTER_LOSS || this == DEFRAUDED;
    }

    public boolean needsLossAmount() {
        return this == DISSUADED_AFTER_LOSS || this == DEFRAUDED;
    }
}
