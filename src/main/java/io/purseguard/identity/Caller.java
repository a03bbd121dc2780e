package io.purseguard.identity;

import io.purseguard.scope.Scope;

/**
 * Who is asking: a signed-in person or an API client, with the role and the jurisdiction scope
 * that every query applies in SQL.
 */
public record Caller(String name, String displayName, Role role, Scope scope) {

    public boolean mayReveal() {
        return role.mayReveal();
    }
}
