package io.purseguard.warning;

import io.purseguard.scope.Placement;
import java.time.Instant;
import java.util.UUID;

/**
 * A warning moved: returned (退回) to a queue or transferred (移交) to another unit. Its task follows
 * it there and the new holder's clock starts again from sign-for.
 *
 * @param placement the new placement (station and district only, or nothing while queued)
 */
public record WarningRerouted(
        UUID warningId, WarningStatus status, String unitCode, Placement placement, String by, Instant at) {}
