package io.purseguard.warning;

import io.purseguard.scope.Placement;
import java.util.UUID;

/**
 * Where a warning lands.
 *
 * @param unitCode the holding unit: a station, or a district or the city for their queues
 * @param placement the codes that scope the warning (a station and, where known, community and grid)
 * @param residentId the registered person, when found
 * @param note why, in words for the person working the queue
 */
record Route(RouteMethod method, String unitCode, Placement placement, UUID residentId, String note) {}
