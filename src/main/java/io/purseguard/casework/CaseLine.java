package io.purseguard.casework;

import io.purseguard.warning.FraudType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One case in a list: the victim named by surname only, age and gender from the ID number. */
public record CaseLine(
        UUID id,
        String caseNo,
        CaseStatus status,
        FraudType fraudType,
        BigDecimal lossAmount,
        Instant reportedAt,
        String unitCode,
        String victimName,
        Integer victimAge,
        String victimGender,
        UUID warningId) {}
