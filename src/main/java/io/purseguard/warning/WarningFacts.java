package io.purseguard.warning;

import io.purseguard.scope.Placement;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A warning's facts, unmasked, as the modules that act on it read them ({@link Warnings#facts}):
 * dissuasion opens its task from them, protection the measures their level demands.
 *
 * @param unitCode the holding unit (a station, or a district/city queue)
 * @param stationCode null while the warning waits in a queue
 * @param placement where routing put the person: station and, where known, township, community, grid
 * @param personIdNumber the warned person's ID number as given, or null; for the post-warning watch
 * @param personPhone the warned person's mobile number as given, or null
 * @param evidence the accounts, numbers and money of the clue: what protective measures act on
 */
public record WarningFacts(
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
        String personPhone,
        Evidence evidence) {

    /**
     * What the clue says was used and moved: the person's own account, the suspect's account, phone,
     * URL and app, the amount and when it moved (any may be null).
     */
    public record Evidence(
            String personBank,
            String personAccount,
            String suspectBank,
            String suspectAccount,
            String suspectHolder,
            String suspectPhone,
            String suspectUrl,
            String suspectApp,
            BigDecimal amount,
            Instant transactedAt,
            FraudType fraudType) {}
}
