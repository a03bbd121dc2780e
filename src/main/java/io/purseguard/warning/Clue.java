package io.purseguard.warning;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A clue that passed validation: typed and normalised (ID number upper-case, phone as 11 digits,
 * account numbers as digits). Optional parts are null.
 */
public record Clue(
        String clueId,
        ClueSource source,
        ClueKind kind,
        Instant pushedAt,
        Person person,
        Suspect suspect,
        BigDecimal amount,
        Instant transactedAt,
        FraudType fraudType,
        String upstreamLevel) {

    public record Person(String name, String idNumber, String phone, String address, Account account) {}

    public record Suspect(Account account, String phone, String url, String app) {

        static final Suspect NONE = new Suspect(null, null, null, null);
    }

    public record Account(String bank, String number, String holder) {}
}
