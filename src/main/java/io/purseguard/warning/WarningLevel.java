package io.purseguard.warning;

/** 特危 / 高危 / 中危 / 低危, most urgent first. */
public enum WarningLevel {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW;

    /** One level more urgent, CRITICAL staying CRITICAL. */
    public WarningLevel raised() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() - 1];
    }

    public boolean moreUrgentThan(WarningLevel other) {
        return ordinal() < other.ordinal();
    }
}
