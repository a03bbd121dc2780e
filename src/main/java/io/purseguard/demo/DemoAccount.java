package io.purseguard.demo;

import io.purseguard.identity.Role;
import io.purseguard.scope.Scope;

/**
 * A sign-in created with the demo city.
 *
 * @param scope the unit the account sees; the codes are fixed by the city's map, not by the seed
 * @param description what the account shows in a demo, for the startup banner and README
 */
public record DemoAccount(
        String username, String password, String displayName, Role role, Scope scope, String description) {}
