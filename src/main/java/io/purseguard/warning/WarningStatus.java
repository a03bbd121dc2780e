package io.purseguard.warning;

/** A warning's lifecycle: taken in and acknowledged here, then following its dissuasion task. */
public enum WarningStatus {
    RECEIVED,
    /** 签收: the holding unit has acknowledged it; its clock runs. */
    SIGNED_FOR,
    /** 退回: the station says it is not theirs; back to the queue that routed it. */
    RETURNED,
    /** 移交: the center handed it to another unit, which must sign for it. */
    TRANSFERRED,
    /** Dissuasion has begun: someone has reached out to the person. */
    IN_PROGRESS,
    /** 劝阻成功: the person was dissuaded (possibly after a partial loss). */
    DISSUADED,
    /** 已被骗: the money is gone; a case follows. */
    DEFRAUDED,
    /** 联系不上: nobody could reach the person. */
    UNREACHABLE,
    /** The person would not listen: the city center and the station work it together. */
    ESCALATED,
    /** Revisits done; only the post-warning watch remains. */
    CLOSED;

    /** The states a dissuasion task may move a warning to (through {@link Warnings#follow}). */
    public boolean followsTask() {
        return ordinal() >= IN_PROGRESS.ordinal();
    }
}
