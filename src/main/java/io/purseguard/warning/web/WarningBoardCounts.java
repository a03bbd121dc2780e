package io.purseguard.warning.web;

import io.purseguard.warning.WarningLevel;
import io.purseguard.warning.WarningStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The board's table of warnings by level and status, with its totals, from the one GROUP BY of
 * {@link io.purseguard.warning.Warnings#counts}.
 *
 * @param counts level → status → count, every level and status present
 * @param fingerprint the counts as one short text: a page sends back the one it shows, and a
 *     different answer means something arrived or moved, so the lists reload
 */
record WarningBoardCounts(Map<WarningLevel, Map<WarningStatus, Long>> counts, String fingerprint) {

    static WarningBoardCounts of(Map<WarningLevel, Map<WarningStatus, Long>> counts) {
        var full = new java.util.EnumMap<WarningLevel, Map<WarningStatus, Long>>(WarningLevel.class);
        for (var level : WarningLevel.values()) {
            var byStatus = new java.util.EnumMap<WarningStatus, Long>(WarningStatus.class);
            for (var status : WarningStatus.values()) {
                byStatus.put(status, counts.getOrDefault(level, Map.of()).getOrDefault(status, 0L));
            }
            full.put(level, byStatus);
        }
        var fingerprint = full.values().stream()
                .map(byStatus -> byStatus.values().stream().map(String::valueOf).collect(Collectors.joining(".")))
                .collect(Collectors.joining("-"));
        return new WarningBoardCounts(full, fingerprint);
    }

    public List<WarningLevel> levels() {
        return Arrays.asList(WarningLevel.values());
    }

    public List<WarningStatus> statuses() {
        return Arrays.asList(WarningStatus.values());
    }

    public long count(WarningLevel level, WarningStatus status) {
        return counts.get(level).get(status);
    }

    public long ofLevel(WarningLevel level) {
        return counts.get(level).values().stream().mapToLong(Long::longValue).sum();
    }

    public long ofStatus(WarningStatus status) {
        return counts.values().stream().mapToLong(m -> m.get(status)).sum();
    }

    public long total() {
        return counts.values().stream()
                .flatMap(m -> m.values().stream())
                .mapToLong(Long::longValue)
                .sum();
    }

    /** Waiting to be signed for: received, or transferred to a new unit. */
    public long waiting() {
        return ofStatus(WarningStatus.RECEIVED) + ofStatus(WarningStatus.TRANSFERRED);
    }

    public long waiting(WarningLevel level) {
        return count(level, WarningStatus.RECEIVED) + count(level, WarningStatus.TRANSFERRED);
    }

    public long criticalWaiting() {
        return waiting(WarningLevel.CRITICAL);
    }

    /** Whether the page's copy (its fingerprint) is out of date. */
    boolean changedSince(String seen) {
        return seen != null && !seen.isBlank() && !seen.equals(fingerprint);
    }
}
