package io.purseguard.warning;

/** Which door a clue came in by; all three share one path. */
public enum IntakeDoor {
    REST,
    EXCEL,
    KAFKA,
    DEMO_FEED
}
