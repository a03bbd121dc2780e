package io.purseguard.identity;

import io.purseguard.scope.Scope;
import java.time.Instant;
import java.util.UUID;

/**
 * An issued API token as the administration lists it. Never the token or its hash: the token was
 * shown once, when issued.
 *
 * @param revokedAt when it was revoked, or null while it works
 */
public record ApiToken(UUID id, String name, Role role, Scope scope, Instant createdAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
