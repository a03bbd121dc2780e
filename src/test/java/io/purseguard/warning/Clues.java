package io.purseguard.warning;

import java.time.Instant;
import java.time.ZoneOffset;

/** Clue drafts for tests, as an upstream platform would send them. */
final class Clues {

    private Clues() {}

    static String at(Instant instant) {
        return instant.atOffset(ZoneOffset.ofHours(8)).toString();
    }

    static ClueDraft fund(String clueId, String idNumber, String phone, String amount, Instant now) {
        return new ClueDraft(
                clueId,
                "NATIONAL",
                "FUND",
                at(now.minusSeconds(60)),
                new ClueDraft.Person("张三", idNumber, phone, null, null),
                new ClueDraft.Suspect(new ClueDraft.Account("某银行", "6222020200112233446", "李四"), null, null, null),
                amount,
                at(now.minusSeconds(3600)),
                "FAKE_INVESTMENT",
                "高");
    }

    static ClueDraft contact(
            String clueId, String kind, String name, String idNumber, String phone, String address, Instant now) {
        return new ClueDraft(
                clueId,
                "PROVINCIAL",
                kind,
                at(now.minusSeconds(60)),
                new ClueDraft.Person(name, idNumber, phone, address, null),
                new ClueDraft.Suspect(null, "+8613800000000", null, null),
                null,
                null,
                null,
                null);
    }
}
