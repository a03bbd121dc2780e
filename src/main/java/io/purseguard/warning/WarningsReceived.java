package io.purseguard.warning;

import java.util.List;
import java.util.UUID;

/**
 * The warnings one intake transaction took in (a batch, or half of a large one), as one event: a
 * listener gets hundreds of warnings in one call (and the event registry one row per listener),
 * instead of a call and a row each. It names them only: the registry stores each event serialized,
 * and a thousand warnings' facts came to a megabyte a batch, written twice, which cost intake a
 * quarter of its time. Listeners read the facts in one query
 * ({@link Warnings#facts(java.util.Collection)}), as they stand when the listener runs.
 */
public record WarningsReceived(List<UUID> warningIds) {}
