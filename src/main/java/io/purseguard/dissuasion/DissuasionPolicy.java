package io.purseguard.dissuasion;

import io.purseguard.warning.WarningLevel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin-tunable clocks and follow-ups of dissuasion, stored as one versioned setting. Defaults
 * follow the table and local practice ("5分钟电话劝阻、1小时上门拦截").
 *
 * @param windows per level: minutes to sign for, to the first call, to face-to-face (null: none,
 *     a call or SMS suffices)
 * @param revisitDays days after the conclusion on which the person is revisited (回访)
 * @param watchMonths how long a warned person is watched for 预后被骗
 * @param secondVisitHours how soon the second visit after a refusal must happen
 */
public record DissuasionPolicy(
        Map<WarningLevel, Windows> windows, List<Integer> revisitDays, int watchMonths, int secondVisitHours) {

    /** Minutes allowed for each clock; {@code faceToFaceMinutes} null means no visit is required. */
    public record Windows(int signForMinutes, int firstContactMinutes, Integer faceToFaceMinutes) {

        Duration signFor() {
            return Duration.ofMinutes(signForMinutes);
        }

        Duration firstContact() {
            return Duration.ofMinutes(firstContactMinutes);
        }

        Duration faceToFace() {
            return faceToFaceMinutes == null ? null : Duration.ofMinutes(faceToFaceMinutes);
        }
    }

    public static final DissuasionPolicy DEFAULTS = new DissuasionPolicy(
            Map.of(
                    WarningLevel.CRITICAL, new Windows(2, 5, 60),
                    WarningLevel.HIGH, new Windows(5, 15, 240),
                    WarningLevel.MEDIUM, new Windows(30, 120, 1440),
                    WarningLevel.LOW, new Windows(120, 1440, null)),
            List.of(3, 30),
            12,
            24);

    public Windows windowsFor(WarningLevel level) {
        return windows.get(level);
    }

    /** Problems by field; empty when usable. */
    public Map<String, String> problems() {
        var problems = new LinkedHashMap<String, String>();
        if (windows == null || !windows.keySet().containsAll(List.of(WarningLevel.values()))) {
            problems.put("windows", "needs the windows of every level");
        } else {
            for (var entry : windows.entrySet()) {
                var w = entry.getValue();
                var field = "windows." + entry.getKey();
                if (w.signForMinutes() < 1 || w.firstContactMinutes() < 1) {
                    problems.put(field, "every window is at least 1 minute");
                } else if (w.firstContactMinutes() < w.signForMinutes()) {
                    problems.put(field, "the first call cannot be due before the sign-for");
                } else if (w.faceToFaceMinutes() != null && w.faceToFaceMinutes() < w.firstContactMinutes()) {
                    problems.put(field, "face-to-face cannot be due before the first call");
                }
            }
        }
        if (revisitDays == null || revisitDays.stream().anyMatch(d -> d == null || d < 1 || d > 365)) {
            problems.put("revisitDays", "days between 1 and 365");
        }
        if (watchMonths < 1 || watchMonths > 60) {
            problems.put("watchMonths", "between 1 and 60 months");
        }
        if (secondVisitHours < 1 || secondVisitHours > 24 * 14) {
            problems.put("secondVisitHours", "between 1 hour and 14 days");
        }
        return problems;
    }
}
