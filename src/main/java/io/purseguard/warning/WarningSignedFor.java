package io.purseguard.warning;

import java.time.Instant;
import java.util.UUID;

/** 签收: the holding unit acknowledged the warning; the sign-for clock stops. */
public record WarningSignedFor(UUID warningId, String by, Instant at) {}
