package io.purseguard.dissuasion;

/** How someone on the team reached out. */
public enum ContactChannel {
    PHONE,
    VISIT,
    SMS
}
