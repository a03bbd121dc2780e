package io.purseguard.casework;

import io.purseguard.warning.FraudType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A case as people see it: victims' ID numbers and phones, accounts and every personal identifier
 * masked (also inside the narrative), unless the view was revealed to a role that may.
 */
public record CaseView(
        UUID id,
        String caseNo,
        CaseStatus status,
        CaseOrigin origin,
        UUID warningId,
        UUID taskId,
        FraudType fraudType,
        String fraudSubtype,
        Suggested suggested,
        String narrative,
        BigDecimal lossAmount,
        BigDecimal lossStated,
        Instant reportedAt,
        Instant occurredAt,
        Instant statusAt,
        String notFiledReason,
        String unitCode,
        String unitName,
        String officerName,
        String stationCode,
        boolean revealed,
        List<Victim> victims,
        List<Transfer> transfers,
        List<Identifier> identifiers,
        List<HistoryLine> history) {

    /** What the classifier suggested when the case was written, kept beside the type the officer chose. */
    public record Suggested(FraudType code, BigDecimal confidence, List<String> reasons) {}

    public record Victim(
            int seq,
            UUID residentId,
            String name,
            String idNumber,
            String phone,
            LocalDate birthDate,
            Integer age,
            String gender,
            String occupation,
            String employer) {}

    public record Transfer(
            int seq,
            Instant at,
            BigDecimal amount,
            String victimAccount,
            String receivingAccount,
            String receivingHolder,
            String receivingBank,
            TransferChannel channel) {}

    public record Identifier(IdentifierKind kind, String normalized, String value, String detail) {}

    public record HistoryLine(
            int seq,
            Instant at,
            String actor,
            String action,
            CaseStatus from,
            CaseStatus to,
            String unitCode,
            String note) {}
}
