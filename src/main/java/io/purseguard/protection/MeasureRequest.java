package io.purseguard.protection;

import io.purseguard.scope.Placement;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What to do, to what, and why.
 *
 * @param institution the bank (for accounts), the carrier (for phones) or null to derive it
 * @param target an account number, a mobile number, a URL, an app name, or an ID number (card cut)
 * @param holder the account's holder as the bank checks it, or null
 * @param amount the money concerned (what the bank checks, or what is returned), or null
 * @param transactedAt when the money moved (the bank checks it for a stop-payment), or null
 * @param appealRoute how the person appeals (phone restriction, card cut); a default when null
 * @param followsId the freeze a return draws on, or null
 * @param placement where the person lives, for scope (from the warning)
 */
public record MeasureRequest(
        MeasureKind kind,
        String institution,
        String target,
        String holder,
        BigDecimal amount,
        Instant transactedAt,
        String reason,
        String appealRoute,
        UUID warningId,
        String caseRef,
        UUID followsId,
        Placement placement) {}
