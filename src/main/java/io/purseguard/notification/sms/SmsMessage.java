package io.purseguard.notification.sms;

import java.util.Objects;

/**
 * One text message, exactly the JSON body the HTTP gateway receives (see {@code docs/adapters/sms.md}).
 *
 * @param to the mobile number, digits as stored (e.g. {@code 13812345678})
 * @param text the message, signed {@code 【钱袋子守护】}
 * @param ref the idempotency key: the notice id; a gateway that sees a {@code ref} again must not
 *     text it twice
 */
public record SmsMessage(String to, String text, String ref) {

    public SmsMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(ref, "ref");
    }
}
