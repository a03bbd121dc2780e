package io.purseguard.warning;

import java.util.List;
import java.util.UUID;

/**
 * The warnings one intake batch took in, as one event: a listener gets a thousand warnings in one
 * call (and the event registry one row per listener), instead of a thousand calls and rows. It names
 * them only: the registry stores each event serialized, and a thousand warnings' facts came to a
 * megabyte a batch, written twice, which cost intake a quarter of its time. Listeners read the facts
 * in one query ({@link Warnings#facts(java.util.Collection)}), as they stand when the listener runs.
 */
public record WarningsReceived(List<UUID> warningIds) {}
