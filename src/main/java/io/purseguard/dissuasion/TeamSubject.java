package io.purseguard.dissuasion;

import io.purseguard.scope.Placement;
import java.time.Instant;
import java.util.UUID;

/**
 * The warned person a team is assembled around.
 *
 * @param key the caller's key for this subject (a warning id), echoed in the answer
 * @param residentId the person in the registry, or null when routing found them only by region
 * @param placement where the warning landed: station, and where known township, community, grid
 * @param at when the team is needed (the on-duty officer depends on the shift)
 */
public record TeamSubject(UUID key, UUID residentId, Placement placement, Instant at) {}
