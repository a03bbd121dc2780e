package io.purseguard.warning;

/** A lifecycle step that the warning's state or the caller's role does not allow (e.g. signing twice). */
public class WarningTransitionRefused extends RuntimeException {

    public WarningTransitionRefused(String message) {
        super(message);
    }
}
