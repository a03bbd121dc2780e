package io.purseguard.identity.web;

import io.purseguard.identity.Caller;
import io.purseguard.identity.CurrentCaller;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in person: the {@link Caller} plus what Spring Security needs for the form login. */
record CallerPrincipal(Caller caller, String passwordHash) implements UserDetails, CurrentCaller.Holder {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(caller);
    }

    static List<SimpleGrantedAuthority> authorities(Caller caller) {
        return List.of(new SimpleGrantedAuthority(caller.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return caller.name();
    }
}
