package io.purseguard.identity;

import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The caller of the current request, for code that cannot take a {@link Caller} parameter (view
 * interceptors, for one). Controllers should prefer the parameter.
 */
public final class CurrentCaller {

    /** What a signed-in principal implements to say whom it stands for. */
    public interface Holder {
        Caller caller();
    }

    private CurrentCaller() {}

    /** Empty for visitors who have not signed in. */
    public static Optional<Caller> get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof Holder holder) {
            return Optional.of(holder.caller());
        }
        if (authentication.getPrincipal() instanceof Caller caller) {
            return Optional.of(caller);
        }
        return Optional.empty();
    }
}
