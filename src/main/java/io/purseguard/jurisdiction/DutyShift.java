package io.purseguard.jurisdiction;

import java.time.ZonedDateTime;

/** Who holds a station's shift from {@code start} to {@code end}. */
public record DutyShift(Unit station, StaffMember officer, ZonedDateTime start, ZonedDateTime end) {}
