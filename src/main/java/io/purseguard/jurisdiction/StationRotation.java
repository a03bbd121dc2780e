package io.purseguard.jurisdiction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A station's duty rotation: its officers in slot order under a duty policy, so the officer on duty at
 * any instant can be told without asking the database again (a batch of warnings spanning a shift
 * change needs no second query).
 */
public record StationRotation(String stationCode, DutyRotation policy, List<StaffMember> officers) {

    public StationRotation {
        officers = List.copyOf(officers);
    }

    /** The officer holding the shift that covers {@code at}; empty for a station with no rotation. */
    public Optional<StaffMember> onDutyAt(Instant at) {
        if (officers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(officers.get(policy.slot(policy.shiftDate(at), officers.size())));
    }
}
