package io.purseguard.dissuasion;

import java.time.Instant;
import java.util.UUID;

/**
 * 预后被骗: a person warned earlier was defrauded within the watch. Analytics ranks units by the rate
 * of these; the station and the center are told.
 */
public record DefraudedAfterWarning(
        UUID taskId,
        UUID warningId,
        String stationCode,
        String districtCode,
        Instant warnedAt,
        Instant at,
        String reference) {}
