package io.purseguard.casework;

import io.purseguard.warning.FraudType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The case list's filters (all optional): type, status, a unit within the caller's scope, reported
 * between {@code from} (inclusive) and {@code to} (exclusive), a warning, a loss band
 * {@code [lossMin, lossMax)} and a victim's age band {@code [ageMin, ageMax]}.
 */
public record CaseQuery(
        FraudType type,
        CaseStatus status,
        String unit,
        Instant from,
        Instant to,
        UUID warningId,
        BigDecimal lossMin,
        BigDecimal lossMax,
        Integer ageMin,
        Integer ageMax,
        int page,
        int size) {

    public static final int MAX_SIZE = 200;

    public CaseQuery {
        page = Math.max(0, page);
        size = Math.max(1, Math.min(size, MAX_SIZE));
    }

    public static CaseQuery all(int size) {
        return new CaseQuery(null, null, null, null, null, null, null, null, null, null, 0, size);
    }
}
