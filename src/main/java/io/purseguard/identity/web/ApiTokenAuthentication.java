package io.purseguard.identity.web;

import io.purseguard.identity.Caller;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An API client authenticated by its bearer token. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    ApiTokenAuthentication(Caller caller) {
        super(CallerPrincipal.authorities(caller));
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }
}
