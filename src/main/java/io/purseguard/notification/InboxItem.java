package io.purseguard.notification;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A notice as one account sees it in its inbox: both languages as the sender wrote them, and
 * whether this account has read it (a unit's notice is read or unread per account).
 *
 * @param sms whether the notice also went out by SMS, for the urgent ones to a staff member
 */
public record InboxItem(
        UUID id,
        Notice.Audience audience,
        Notice.Urgency urgency,
        String titleZh,
        String titleEn,
        String bodyZh,
        String bodyEn,
        String link,
        Instant createdAt,
        boolean read,
        SmsStatus sms) {

    /** The title in the reader's language (Chinese unless English is asked for). */
    public String title(Locale locale) {
        return english(locale) ? titleEn : titleZh;
    }

    /** The body in the reader's language, falling back to the other one if the sender left it out. */
    public String body(Locale locale) {
        var first = english(locale) ? bodyEn : bodyZh;
        var second = english(locale) ? bodyZh : bodyEn;
        return first != null && !first.isBlank() ? first : second;
    }

    public boolean urgent() {
        return urgency == Notice.Urgency.URGENT;
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
