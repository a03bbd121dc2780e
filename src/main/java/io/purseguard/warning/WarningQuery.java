package io.purseguard.warning;

import java.time.Instant;

/**
 * A list of warnings; every part optional.
 *
 * @param unitCode only warnings within this unit's area (a city/district code includes its queue)
 * @param queuedOnly only warnings waiting in a district's or the city's queue (no station yet)
 */
public record WarningQuery(
        String clueId,
        WarningStatus status,
        WarningLevel level,
        String unitCode,
        Boolean queuedOnly,
        Instant from,
        Instant to,
        int page,
        int size) {

    public static final int MAX_SIZE = 200;

    public WarningQuery {
        page = Math.max(page, 0);
        size = size <= 0 ? 20 : Math.min(size, MAX_SIZE);
    }
}
