package io.purseguard.dissuasion;

/** What came of a call, visit or message: reached, not reached, or reached and turned away. */
public enum ContactResult {
    ANSWERED,
    NOT_ANSWERED,
    REFUSED;

    /** The person was reached (even if they would not listen): the first-contact clock stops. */
    public boolean reached() {
        return this != NOT_ANSWERED;
    }
}
