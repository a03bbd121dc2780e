package io.purseguard.identity;

import io.purseguard.scope.Scope;
import java.util.UUID;

/**
 * Who is asking: a signed-in person or an API client, with the role and the jurisdiction scope
 * that every query applies in SQL, and the staff member a person is (null for API clients): a grid
 * worker's tasks are the ones they are on.
 */
public record Caller(String name, String displayName, Role role, Scope scope, UUID staffId) {

    /** A caller who is not a staff member (an API client, an administrator, a center account). */
    public Caller(String name, String displayName, Role role, Scope scope) {
        this(name, displayName, role, scope, null);
    }

    public boolean mayReveal() {
        return role.mayReveal();
    }
}
