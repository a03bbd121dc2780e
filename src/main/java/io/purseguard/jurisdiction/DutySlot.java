package io.purseguard.jurisdiction;

import java.util.UUID;

/** One place in a station's duty rotation: officer {@code staffId} takes every n-th day, at {@code slot}. */
public record DutySlot(String stationCode, int slot, UUID staffId) {}
