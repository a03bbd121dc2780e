package io.purseguard.jurisdiction;

import io.purseguard.scope.Placement;
import java.util.UUID;

/**
 * A member of staff. Every staff member is also a resident ({@code residentId}), so kin and
 * home-village ties reach officers too.
 *
 * @param unitCode the unit worked for: a station, township, grid or (for employer heads) community
 */
public record StaffMember(
        UUID id,
        UUID residentId,
        String name,
        StaffRole role,
        String unitCode,
        String phone,
        String title,
        String employer,
        Placement placement) {}
