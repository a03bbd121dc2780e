package io.purseguard.warning;

import java.math.BigDecimal;

/**
 * A clue as it arrives at any door (REST, Excel, Kafka), every field still text so that each bad
 * field can be named rather than the whole item failing to parse.
 */
public record ClueDraft(
        String clueId,
        String source,
        String kind,
        String pushedAt,
        Person person,
        Suspect suspect,
        String amount,
        String transactedAt,
        String fraudTypeHint,
        String upstreamLevel) {

    public record Person(String name, String idNumber, String phone, String address, Account account) {}

    public record Suspect(Account account, String phone, String url, String app) {}

    public record Account(String bank, String number, String holder) {}

    /** Amounts may arrive as JSON numbers; keep them exact. */
    public static String amountText(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
