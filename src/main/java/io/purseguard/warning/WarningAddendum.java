package io.purseguard.warning;

import io.purseguard.identity.Caller;
import java.util.UUID;

/**
 * What a later module adds to a warning's API answer (e.g. dissuasion's {@code task}), without the
 * warning module knowing that module: the dependency points from the later module to this one.
 */
public interface WarningAddendum {

    /** The property name in the warning's JSON, e.g. {@code task}. */
    String property();

    /** The value for this warning as {@code caller} may see it, or null to leave the property out. */
    Object of(UUID warningId, Caller caller);
}
