package io.purseguard.identity;

import io.purseguard.scope.Scope;
import java.time.Instant;

/**
 * A user as the administration lists them: who, in which role and scope, and whether they may sign
 * in. Never the password hash.
 */
public record UserAccount(
        String username, String displayName, Role role, Scope scope, boolean enabled, Instant createdAt) {}
