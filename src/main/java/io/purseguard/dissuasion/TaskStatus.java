package io.purseguard.dissuasion;

/** A task's own lifecycle; the warning's status follows it in finer words. */
public enum TaskStatus {
    /** Opened with its team; nobody has reached out yet. */
    OPEN,
    /** Someone has called, visited or texted. */
    IN_PROGRESS,
    /** An outcome is recorded; revisits are due. */
    CONCLUDED,
    /** Every revisit done; the watch goes on. */
    CLOSED
}
