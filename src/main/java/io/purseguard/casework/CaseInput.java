package io.purseguard.casework;

import io.purseguard.warning.FraudType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A new case as a station writes it. Only the narrative and a victim are needed: the type, the
 * identifiers and the loss come from the narrative's analysis unless given.
 *
 * @param unit the accepting unit (a police station); a station officer's own station when null
 * @param identifiers the identifiers the officer kept; null means "those the analysis found"
 */
public record CaseInput(
        String narrative,
        List<VictimInput> victims,
        FraudType fraudType,
        String fraudSubtype,
        BigDecimal lossAmount,
        List<IdentifierInput> identifiers,
        List<TransferInput> transfers,
        CaseOrigin origin,
        String unit,
        Instant occurredAt,
        UUID warningId,
        String upstreamRef) {

    /** A victim: a resident of the registry ({@code residentId}) or anyone, named. */
    public record VictimInput(
            UUID residentId, String name, String idNumber, String phone, String occupation, String employer) {}

    public record IdentifierInput(IdentifierKind kind, String value) {}

    public record TransferInput(
            Instant at,
            BigDecimal amount,
            String victimAccount,
            String receivingAccount,
            String receivingHolder,
            String receivingBank,
            TransferChannel channel) {}
}
