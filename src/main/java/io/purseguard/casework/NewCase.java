package io.purseguard.casework;

import io.purseguard.scope.Placement;
import io.purseguard.warning.FraudType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A case resolved and checked, ready to be written: what {@link CaseStore} inserts. */
record NewCase(
        UUID id,
        String caseNo,
        CaseStatus status,
        CaseOrigin origin,
        String upstreamRef,
        UUID warningId,
        UUID taskId,
        FraudType fraudType,
        String fraudSubtype,
        FraudTypeSuggestion suggested,
        String narrative,
        BigDecimal lossStated,
        BigDecimal lossAmount,
        Instant reportedAt,
        Instant occurredAt,
        Instant statusAt,
        String unitCode,
        String unitDistrictCode,
        String officerName,
        LocalDate victimBirthDate,
        String victimGender,
        Instant createdAt,
        String createdBy,
        Placement placement,
        List<Victim> victims,
        List<Identifier> identifiers,
        List<Transfer> transfers,
        List<History> history) {

    record Victim(
            int seq,
            UUID residentId,
            String name,
            String idNumber,
            String phone,
            LocalDate birthDate,
            String gender,
            String occupation,
            String employer) {}

    record Identifier(IdentifierKind kind, String normalized, String value, String detail) {}

    record Transfer(
            int seq,
            Instant at,
            BigDecimal amount,
            String victimAccount,
            String receivingAccount,
            String receivingHolder,
            String receivingBank,
            TransferChannel channel,
            String createdBy) {}

    record History(
            int seq,
            Instant at,
            String actor,
            String action,
            CaseStatus from,
            CaseStatus to,
            String unitCode,
            String note) {}
}
