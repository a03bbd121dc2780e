package io.purseguard.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When something happened, as every door takes it: not in the future beyond the drift of another
 * party's clock, and not before the system's records could begin (2000), so "3000-01-01" and
 * "1900-01-01" are refused with the field named.
 */
public final class Moments {

    /** Other parties' clocks drift; a time this far ahead of ours is still believed. */
    public static final Duration SKEW = Duration.ofMinutes(5);

    public static final Instant EARLIEST = Instant.parse("1999-12-31T16:00:00Z"); // 2000-01-01 in Beijing

    private Moments() {}

    /** What is wrong with a past moment, in English, or empty when it is believable at {@code now}. */
    public static Optional<String> problem(Instant moment, Instant now) {
        if (moment == null) {
            return Optional.empty();
        }
        if (moment.isAfter(now.plus(SKEW))) {
            return Optional.of("is in the future");
        }
        if (moment.isBefore(EARLIEST)) {
            return Optional.of("is before 2000-01-01");
        }
        return Optional.empty();
    }
}
