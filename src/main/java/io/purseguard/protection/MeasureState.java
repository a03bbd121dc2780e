package io.purseguard.protection;

/** REQUESTED → SENT → ACKNOWLEDGED → EXECUTED, or REJECTED with a reason; then EXPIRED or RELEASED. */
public enum MeasureState {
    REQUESTED,
    SENT,
    ACKNOWLEDGED,
    EXECUTED,
    REJECTED,
    EXPIRED,
    RELEASED;

    /** Still holding or about to hold: what a repeat, a renewal or a release acts on. */
    public boolean active() {
        return this == REQUESTED || this == SENT || this == ACKNOWLEDGED || this == EXECUTED;
    }
}
