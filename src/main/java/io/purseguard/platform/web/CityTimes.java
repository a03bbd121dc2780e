package io.purseguard.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Times as the city reads them, whatever the server's zone ({@code purseguard.time-zone}, Asia/Shanghai
 * by default), in the formats every page shows. What a page hands its templates as {@code times} or
 * {@code clocks} is one of these, with the countdowns of its own.
 */
public interface CityTimes {

    DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    DateTimeFormatter BRIEF = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    /** The city's zone. */
    ZoneId zone();

    /** "2024-03-04 10:00:00", or null for no time. */
    default String full(Instant instant) {
        return instant == null ? null : FULL.format(instant.atZone(zone()));
    }

    /** "03-04 10:00", or null for no time. */
    default String brief(Instant instant) {
        return instant == null ? null : BRIEF.format(instant.atZone(zone()));
    }

    /** ISO-8601 to the second, for {@code data-} attributes and {@code <time datetime>}. */
    default String iso(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
