package io.purseguard.warning;

import io.purseguard.scope.Placement;
import java.time.Instant;
import java.util.UUID;

/**
 * A new warning was taken in, graded and routed. Published in batches ({@link WarningsReceived}).
 *
 * @param unitCode the holding unit (a station, or a district/city queue)
 * @param stationCode null while the warning waits in a queue
 * @param placement where routing put the person: station and, where known, township, community, grid
 * @param personIdNumber the warned person's ID number as given, or null; for the post-warning watch
 * @param personPhone the warned person's mobile number as given, or null
 */
public record WarningReceived(
        UUID warningId,
        String clueId,
        ClueKind kind,
        WarningLevel level,
        String unitCode,
        String stationCode,
        UUID residentId,
        Instant receivedAt,
        Placement placement,
        String personName,
        String personIdNumber,
        String personPhone) {}
