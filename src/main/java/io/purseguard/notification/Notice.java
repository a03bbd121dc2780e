package io.purseguard.notification;

import java.util.Objects;

/**
 * Something a person must know now: a new task, a missed deadline, an escalation. Written in both
 * languages by the sender, since the sender knows the facts and the recipient's screen picks the
 * language.
 *
 * @param audience who receives it: a unit's accounts, one staff member, or one user account
 * @param audienceId the unit code, the staff id (as text) or the username
 * @param link a path in Purseguard where the recipient acts on it (e.g. {@code /tasks/…}), or null
 */
public record Notice(
        Audience audience,
        String audienceId,
        Urgency urgency,
        String titleZh,
        String titleEn,
        String bodyZh,
        String bodyEn,
        String link) {

    public Notice {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(audienceId, "audienceId");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(titleZh, "titleZh");
        Objects.requireNonNull(titleEn, "titleEn");
    }

    /** Who a notice is for. */
    public enum Audience {
        /** Every account whose scope is this unit (a station, a district center, the city center). */
        UNIT,
        /** The staff member (and the account linked to them), by staff id. */
        STAFF,
        /** One account, by username. */
        USER
    }

    /** How loudly: an urgent notice to a staff member also goes out by SMS. */
    public enum Urgency {
        ROUTINE,
        URGENT
    }
}
