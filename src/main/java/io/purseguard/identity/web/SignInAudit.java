package io.purseguard.identity.web;

import io.purseguard.identity.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Sign-ins and failed sign-ins by form are part of the audit trail (tokens are per request: not logged). */
@Component
class SignInAudit {

    private final AuditTrail trail;

    SignInAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        var name = event.getAuthentication().getName();
        trail.record(name, "SIGN_IN", "user", name, null);
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        var name = String.valueOf(event.getAuthentication().getPrincipal());
        trail.record(
                name,
                "SIGN_IN_FAILED",
                "user",
                name,
                event.getException().getClass().getSimpleName());
    }
}
