package io.purseguard.warning;

import java.time.Instant;
import java.util.UUID;

/**
 * A new warning was taken in, graded and routed. Dissuasion opens a task from it; protection opens
 * the measures its level demands.
 *
 * @param unitCode the holding unit (a station, or a district/city queue)
 * @param stationCode null while the warning waits in a queue
 */
public record WarningReceived(
        UUID warningId,
        String clueId,
        ClueKind kind,
        WarningLevel level,
        String unitCode,
        String stationCode,
        UUID residentId,
        Instant receivedAt) {}
