package io.purseguard.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DutyRotationTest {

    private final DutyRotation rotation = DutyRotation.DEFAULT;

    @Test
    void before_the_0830_handover_the_previous_days_shift_still_holds() {
        // 2026-11-22 08:29 and 08:30 in Shanghai (UTC+8)
        assertThat(rotation.shiftDate(Instant.parse("2026-11-22T00:29:00Z"))).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(rotation.shiftDate(Instant.parse("2026-11-22T00:30:00Z"))).isEqualTo(LocalDate.of(2026, 11, 22));
    }

    @Test
    void consecutive_shifts_go_to_consecutive_slots_and_wrap() {
        var day = LocalDate.of(2026, 11, 22);
        int first = rotation.slot(day, 5);
        assertThat(rotation.slot(day.plusDays(1), 5)).isEqualTo((first + 1) % 5);
        assertThat(rotation.slot(day.plusDays(5), 5)).isEqualTo(first);
    }

    @Test
    void a_shift_starts_at_the_handover_in_local_time() {
        assertThat(rotation.shiftStart(LocalDate.of(2026, 11, 22)).toInstant())
                .isEqualTo(Instant.parse("2026-11-22T00:30:00Z"));
    }
}
