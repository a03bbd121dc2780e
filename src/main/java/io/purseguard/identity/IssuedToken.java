package io.purseguard.identity;

import java.util.UUID;

/**
 * A token just issued: its id (to list and revoke it by) and the token itself, which is not stored
 * and cannot be read back.
 */
public record IssuedToken(UUID id, String token) {}
