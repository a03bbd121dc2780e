package io.purseguard.protection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A measure as people see it: the target masked, its clocks and its history.
 *
 * @param expiresAt when a stop-payment or freeze lapses (from execution), or null
 * @param dueAt when a return must be done (three working days from the decision), or null
 * @param alarmAt when the freeze's expiry alarm rings (seven days before), or null
 */
public record MeasureView(
        UUID measureId,
        MeasureKind kind,
        MeasureState state,
        String institution,
        String target,
        String holder,
        BigDecimal amount,
        Instant transactedAt,
        String documentNo,
        String legalBasis,
        String reason,
        String appealRoute,
        UUID warningId,
        String caseRef,
        UUID followsId,
        String requestedBy,
        Instant issuedAt,
        Instant sentAt,
        Instant acknowledgedAt,
        Instant executedAt,
        String rejectReason,
        Instant expiresAt,
        Instant dueAt,
        Instant alarmAt,
        int renewals,
        Instant releasedAt,
        String releaseReason,
        BigDecimal amountProtected,
        BigDecimal amountReturned,
        String stationCode,
        List<Event> history) {

    public record Event(int seq, Instant at, String actor, String action, MeasureState state, String note) {}
}
