package io.purseguard.notification;

/** Where the SMS copy of a notice stands. Only an urgent notice to a staff member has one. */
public enum SmsStatus {
    /** No SMS is due (a routine notice, or one to a unit or a user account). */
    NONE,
    /** Due: it goes out once the sender's transaction has committed. */
    PENDING,
    /** Claimed by a sender, which is waiting for the gateway's answer. */
    SENDING,
    /** The gateway accepted it. */
    SENT,
    /** Refused, unreachable, or no phone number on file; the notice says why. */
    FAILED
}
