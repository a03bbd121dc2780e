package io.purseguard.residents;

import io.purseguard.scope.Placement;
import java.time.LocalDate;
import java.util.UUID;

/** Where a registered person lives, for routing a warning about them. */
public record LocatedResident(UUID residentId, String name, LocalDate birthDate, Placement placement) {}
