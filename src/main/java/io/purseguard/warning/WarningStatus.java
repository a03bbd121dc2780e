package io.purseguard.warning;

/** The lifecycle so far; dissuasion adds its states later. */
public enum WarningStatus {
    RECEIVED,
    /** 签收: the holding unit has acknowledged it; its clock runs. */
    SIGNED_FOR,
    /** 退回: the station says it is not theirs; back to the queue that routed it. */
    RETURNED,
    /** 移交: the center handed it to another unit, which must sign for it. */
    TRANSFERRED
}
