package io.purseguard.casework;

import java.util.UUID;

/** Not there, or not for the caller: the same answer (404). */
public class CaseNotFound extends RuntimeException {
    public CaseNotFound(UUID id) {
        super("No case " + id + " for you");
    }
}
