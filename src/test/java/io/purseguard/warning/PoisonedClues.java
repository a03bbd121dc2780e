package io.purseguard.warning;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A batch of 1,000 clues of which 50 are poisoned, as a careless or hostile upstream would send them:
 * a NUL in a name, a 100 KB address, an amount of 10^12, a bad ID number, control characters, times in
 * the year 3000 or 1970, … Every door (REST, Excel, Kafka) must store exactly the 950 good ones.
 */
public final class PoisonedClues {

    public static final int SIZE = 1_000;
    public static final int POISONED = 50;

    private PoisonedClues() {}

    /** One clue of the batch; a poisoned one names the field that must be refused. */
    public record Item(ClueDraft draft, String poison, String field) {

        public boolean poisoned() {
            return poison != null;
        }
    }

    private record Poison(String name, String field, UnaryOperator<ClueDraft> apply) {}

    private static final List<Poison> POISONS = List.of(
            new Poison("NUL in the name", "person.name", d -> person(d, "张\u0000三", null)),
            new Poison("100 KB address", "person.address", d -> person(d, null, "长".repeat(100_000))),
            new Poison("amount 10^12", "amount", d -> amount(d, "1000000000000")),
            new Poison("bad ID check character", "person.idNumber", PoisonedClues::badIdNumber),
            new Poison("BEL in the app", "suspect.app", d -> app(d, "某\u0007理财")),
            new Poison("pushed in the year 3000", "pushedAt", d -> times(d, "3000-01-01T00:00:00+08:00", null)),
            new Poison("transacted in 1970", "transactedAt", d -> times(d, null, "1970-01-01T08:00:00+08:00")),
            new Poison("ESC in the holder", "suspect.account.holder", d -> holder(d, "李\u001b[31m四")),
            new Poison("amount 0", "amount", d -> amount(d, "0")),
            new Poison("a name on two lines", "person.name", d -> person(d, "王\n五", null)),
            new Poison("DEL in the upstream level", "upstreamLevel", d -> level(d, "高\u007f")),
            new Poison("a 65-character clue id", "clueId", d -> clueId(d, d.clueId() + "-" + "x".repeat(64))),
            new Poison("a C1 control in the address", "person.address", d -> person(d, null, "某路\u0085 1 号")));

    /**
     * The batch: good fund clues about {@code idNumbers} (people of the city, taken in turn), every
     * twentieth poisoned, the poisons taken in turn. Clue ids are {@code prefix-0000} … {@code prefix-0999}.
     */
    public static List<Item> batch(String prefix, List<String> idNumbers, Instant now) {
        var items = new ArrayList<Item>(SIZE);
        for (int i = 0; i < SIZE; i++) {
            var good = good("%s-%04d".formatted(prefix, i), idNumbers.get(i % idNumbers.size()), i, now);
            if (i % 20 == 7) {
                var poison = POISONS.get((i / 20) % POISONS.size());
                items.add(new Item(poison.apply().apply(good), poison.name(), poison.field()));
            } else {
                items.add(new Item(good, null, null));
            }
        }
        return items;
    }

    private static String at(Instant instant) {
        return instant.atOffset(ZoneOffset.ofHours(8)).toString();
    }

    private static ClueDraft good(String clueId, String idNumber, int i, Instant now) {
        return new ClueDraft(
                clueId,
                "NATIONAL",
                "FUND",
                at(now.minusSeconds(60)),
                new ClueDraft.Person("测试" + i, idNumber, null, "澄川市某路 " + i + " 号", null),
                new ClueDraft.Suspect(
                        new ClueDraft.Account("某银行", "6222020200112233446", "李四"), "+85251234567", null, "某理财"),
                (100 + i) + ".50",
                at(now.minusSeconds(3600)),
                "FAKE_INVESTMENT",
                "高");
    }

    private static ClueDraft copy(
            ClueDraft d,
            String clueId,
            ClueDraft.Person person,
            ClueDraft.Suspect suspect,
            String pushedAt,
            String amount,
            String transactedAt,
            String level) {
        return new ClueDraft(
                clueId,
                d.source(),
                d.kind(),
                pushedAt,
                person,
                suspect,
                amount,
                transactedAt,
                d.fraudTypeHint(),
                level);
    }

    private static ClueDraft person(ClueDraft d, String name, String address) {
        var p = d.person();
        var person = new ClueDraft.Person(
                name != null ? name : p.name(), p.idNumber(), p.phone(), address != null ? address : p.address(), null);
        return copy(d, d.clueId(), person, d.suspect(), d.pushedAt(), d.amount(), d.transactedAt(), d.upstreamLevel());
    }

    private static ClueDraft badIdNumber(ClueDraft d) {
        var p = d.person();
        var id = p.idNumber();
        char check = id.charAt(17) == '0' ? '1' : '0';
        var person = new ClueDraft.Person(p.name(), id.substring(0, 17) + check, p.phone(), p.address(), null);
        return copy(d, d.clueId(), person, d.suspect(), d.pushedAt(), d.amount(), d.transactedAt(), d.upstreamLevel());
    }

    private static ClueDraft amount(ClueDraft d, String amount) {
        return copy(d, d.clueId(), d.person(), d.suspect(), d.pushedAt(), amount, d.transactedAt(), d.upstreamLevel());
    }

    private static ClueDraft app(ClueDraft d, String app) {
        var s = d.suspect();
        var suspect = new ClueDraft.Suspect(s.account(), s.phone(), s.url(), app);
        return copy(d, d.clueId(), d.person(), suspect, d.pushedAt(), d.amount(), d.transactedAt(), d.upstreamLevel());
    }

    private static ClueDraft holder(ClueDraft d, String holder) {
        var s = d.suspect();
        var suspect = new ClueDraft.Suspect(
                new ClueDraft.Account(s.account().bank(), s.account().number(), holder), s.phone(), s.url(), s.app());
        return copy(d, d.clueId(), d.person(), suspect, d.pushedAt(), d.amount(), d.transactedAt(), d.upstreamLevel());
    }

    private static ClueDraft times(ClueDraft d, String pushedAt, String transactedAt) {
        return copy(
                d,
                d.clueId(),
                d.person(),
                d.suspect(),
                pushedAt != null ? pushedAt : d.pushedAt(),
                d.amount(),
                transactedAt != null ? transactedAt : d.transactedAt(),
                d.upstreamLevel());
    }

    private static ClueDraft level(ClueDraft d, String level) {
        return copy(d, d.clueId(), d.person(), d.suspect(), d.pushedAt(), d.amount(), d.transactedAt(), level);
    }

    private static ClueDraft clueId(ClueDraft d, String clueId) {
        return copy(d, clueId, d.person(), d.suspect(), d.pushedAt(), d.amount(), d.transactedAt(), d.upstreamLevel());
    }
}
