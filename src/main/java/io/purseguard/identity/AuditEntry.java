package io.purseguard.identity;

import java.time.Instant;

/** One line of the audit trail, as stored. */
public record AuditEntry(
        long seq,
        Instant at,
        String actor,
        String action,
        String targetType,
        String targetId,
        String remoteAddr,
        String detail,
        String prevHash,
        String hash) {}
