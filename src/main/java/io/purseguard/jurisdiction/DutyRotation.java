package io.purseguard.jurisdiction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The duty policy: 24-hour shifts that change at 08:30 local time (交接班), officers taking them in
 * slot order. A shift is identified by its local start date; which slot holds it is that date's epoch
 * day modulo the number of officers in the rotation, so the roster needs no regeneration and two
 * nodes agree on who is on duty without talking.
 */
public record DutyRotation(ZoneId zone, LocalTime handover) {

    public static final DutyRotation DEFAULT = new DutyRotation(ZoneId.of("Asia/Shanghai"), LocalTime.of(8, 30));

    /** The local date on which the shift covering {@code instant} began. */
    public LocalDate shiftDate(Instant instant) {
        var local = instant.atZone(zone);
        return local.toLocalTime().isBefore(handover) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    }

    public ZonedDateTime shiftStart(LocalDate shiftDate) {
        return shiftDate.atTime(handover).atZone(zone);
    }

    /** The slot on duty for the shift of {@code shiftDate} in a rotation of {@code size} officers. */
    public int slot(LocalDate shiftDate, int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("an empty rotation has no one on duty");
        }
        return (int) Math.floorMod(shiftDate.toEpochDay(), (long) size);
    }
}
