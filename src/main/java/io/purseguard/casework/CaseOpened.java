package io.purseguard.casework;

import io.purseguard.warning.FraudType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A case was opened: analytics counts 发案数 from it; linkage will index its identifiers. */
public record CaseOpened(
        UUID caseId,
        String caseNo,
        FraudType fraudType,
        BigDecimal lossAmount,
        CaseOrigin origin,
        UUID warningId,
        String stationCode,
        String districtCode,
        Instant at) {}
