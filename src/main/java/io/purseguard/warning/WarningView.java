package io.purseguard.warning;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A warning as a caller sees it: the person's ID number, phone and accounts masked. */
public record WarningView(
        UUID warningId,
        String clueId,
        WarningStatus status,
        WarningLevel level,
        List<LevelReason> levelReasons,
        int ruleSetVersion,
        ClueKind kind,
        ClueSource source,
        String door,
        Person person,
        Suspect suspect,
        BigDecimal amount,
        Instant transactedAt,
        FraudType fraudType,
        String upstreamLevel,
        UnitRef unit,
        String stationCode,
        String gridCode,
        RouteMethod routeMethod,
        String routeNote,
        Instant pushedAt,
        Instant receivedAt,
        Instant signedForAt,
        String signedForBy,
        List<HistoryLine> history) {

    public record Person(
            String name, String idNumber, String phone, String address, String bank, String account, UUID residentId) {}

    public record Suspect(String bank, String account, String holder, String phone, String url, String app) {}

    public record UnitRef(String code, String name) {}

    public record HistoryLine(
            int seq, Instant at, String actor, String action, String fromUnit, String toUnit, String note) {}

    /** Whether the person waits in a district's or the city's queue rather than at a station. */
    public boolean queued() {
        return stationCode == null;
    }
}
