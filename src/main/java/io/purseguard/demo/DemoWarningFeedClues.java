package io.purseguard.demo;

import io.purseguard.jurisdiction.Unit;
import io.purseguard.residents.IdNumber;
import io.purseguard.residents.NewResident;
import io.purseguard.scope.UnitKind;
import io.purseguard.warning.ClueDraft;
import io.purseguard.warning.ClueKind;
import io.purseguard.warning.ClueSource;
import io.purseguard.warning.FraudType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Makes the demo feed's clues: realistic drafts as the national platform, a bank, a carrier or 96110
 * would push them, drawn from a sample of the demo city's residents and DOMAIN.md's distributions.
 * The same seed gives the same clues in the same order (apart from the times, which follow the
 * given clock).
 *
 * <ul>
 *   <li>Kinds: contact warnings far outnumber fund warnings (FUND 15%, CALL 35%, SMS 25%, URL 10%,
 *       APP 10%, CASH_WITHDRAWAL 5%).
 *   <li>Fraud types: the Ministry's list, 刷单返利 most, then 虚假投资理财, 虚假购物, 冒充客服, 虚假贷款,
 *       冒充公检法, 杀猪盘…
 *   <li>Amounts: the Nanhe loss bands, under ¥10k 74%, ¥10k–50k 19%, over ¥50k 7%.
 *   <li>Victims: mostly 18–40 (62%) and 41–65 (33%) nationally; the old are over-represented here
 *       because they are the ones centers worry about.
 *   <li>Sources: mostly the national and provincial platforms; banks for money, carriers for calls and
 *       texts, some 96110 calls.
 *   <li>About one in ten persons is not in the registry: someone from another province (the manual
 *       queue), a local ID number without a registry entry (the district's queue), or a phone and an
 *       address naming a community (placed by address).
 * </ul>
 */
final class DemoWarningFeedClues {

    /** How many residents the feed keeps to draw victims from. */
    static final int SAMPLE = 2_000;

    static final Map<ClueKind, Integer> KIND_WEIGHTS = weights(
            ClueKind.class,
            Map.of(
                    ClueKind.FUND, 15,
                    ClueKind.CALL, 35,
                    ClueKind.SMS, 25,
                    ClueKind.URL, 10,
                    ClueKind.APP, 10,
                    ClueKind.CASH_WITHDRAWAL, 5));

    static final Map<FraudType, Integer> FRAUD_WEIGHTS = weights(
            FraudType.class,
            Map.ofEntries(
                    Map.entry(FraudType.REBATE_ORDERS, 28),
                    Map.entry(FraudType.FAKE_INVESTMENT, 18),
                    Map.entry(FraudType.FAKE_SHOPPING, 11),
                    Map.entry(FraudType.FAKE_CUSTOMER_SERVICE, 10),
                    Map.entry(FraudType.FAKE_LOAN, 8),
                    Map.entry(FraudType.IMPERSONATE_AUTHORITY, 7),
                    Map.entry(FraudType.ROMANCE, 6),
                    Map.entry(FraudType.FAKE_CREDIT_REPAIR, 4),
                    Map.entry(FraudType.IMPERSONATE_ACQUAINTANCE, 4),
                    Map.entry(FraudType.GAME_TRADE, 2),
                    Map.entry(FraudType.OTHER, 2)));

    /** Nanhe (seed 004): the share of cases by loss band, in per mille. */
    static final int UNDER_10K = 741;

    static final int UNDER_50K = UNDER_10K + 192;

    /** Persons not in the registry, in per cent. */
    static final int STRANGERS = 10;

    /** Suspect accounts at the city's own bank (澄川农商银行, the demo bank liaison's), in per cent. */
    static final int LOCAL_BANK_SHARE = 40;

    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);

    /** Age bands of victims (under 18, 18–40, 41–65, over 65) and their weights. */
    private static final int[] AGE_BAND_TOPS = {17, 40, 65, 200};

    private static final int[] AGE_BAND_WEIGHTS = {3, 55, 30, 12};

    private static final String[] BANKS = {
        "中国工商银行", "中国农业银行", "中国银行", "中国建设银行", "交通银行", "招商银行", "中国邮政储蓄银行", "澄川农商银行", "兴业银行", "平安银行"
    };

    /** Real-looking region codes of other provinces: persons the city cannot place. */
    private static final String[] OUTSIDE_REGIONS = {"510722", "430524", "411324", "360732", "522425", "130626"};

    private static final String[] URL_WORDS = {"kefu-tk", "licai-vip", "shuadan", "zx-credit", "dai-kuan", "yx-trade"};
    private static final String[] URL_ENDS = {".top", ".xyz", ".cc", ".vip", ".icu"};

    private static final Map<FraudType, String[]> APPS = Map.ofEntries(
            Map.entry(FraudType.REBATE_ORDERS, new String[] {"淘单赚", "点赞宝", "任务派"}),
            Map.entry(FraudType.FAKE_INVESTMENT, new String[] {"鑫盛投资", "云聚财", "BTC环球"}),
            Map.entry(FraudType.FAKE_LOAN, new String[] {"速易贷", "安心借", "信用钱包"}),
            Map.entry(FraudType.ROMANCE, new String[] {"陌缘", "同城心动", "知音交友"}),
            Map.entry(FraudType.FAKE_CUSTOMER_SERVICE, new String[] {"ZOOM会议", "云视讯", "屏幕共享助手"}),
            Map.entry(FraudType.GAME_TRADE, new String[] {"游戏交易猫（仿冒）", "装备宝"}));

    private static final String[] ANY_APPS = {"安全防护（仿冒）", "云视讯", "任务派", "速易贷"};

    private final SplittableRandom random;
    private final List<List<NewResident>> byAgeBand;
    private final List<Unit> districts;
    private final List<Place> communities;
    private final String cityName;
    private long counter;

    /** A community with its township's name, for addresses the router can match. */
    private record Place(String township, String community) {}

    /**
     * @param seed where the clues' randomness starts
     * @param residents the residents to sample victims from (the whole generated city is fine: a
     *     sample of {@link #SAMPLE} is kept)
     * @param units the city's units: the districts and communities strangers are placed by
     * @param today the date ages are counted to
     */
    DemoWarningFeedClues(long seed, List<NewResident> residents, List<Unit> units, LocalDate today) {
        this.random = new SplittableRandom(seed);
        var sample = new ArrayList<NewResident>(Math.min(SAMPLE, residents.size()));
        // reservoir sampling: one pass, a fair sample whatever the order of the city's list
        for (int i = 0; i < residents.size(); i++) {
            if (sample.size() < SAMPLE) {
                sample.add(residents.get(i));
            } else {
                int j = random.nextInt(i + 1);
                if (j < SAMPLE) {
                    sample.set(j, residents.get(i));
                }
            }
        }
        this.byAgeBand = new ArrayList<>();
        for (int band = 0; band < AGE_BAND_TOPS.length; band++) {
            byAgeBand.add(new ArrayList<>());
        }
        for (var person : sample) {
            int age = Period.between(person.idNumber().birthDate(), today).getYears();
            int band = 0;
            while (age > AGE_BAND_TOPS[band]) {
                band++;
            }
            byAgeBand.get(band).add(person);
        }
        this.districts =
                units.stream().filter(u -> u.kind() == UnitKind.DISTRICT).toList();
        Map<String, String> townshipNames = units.stream()
                .filter(u -> u.kind() == UnitKind.TOWNSHIP)
                .collect(Collectors.toMap(Unit::code, Unit::name));
        this.communities = units.stream()
                .filter(u -> u.kind() == UnitKind.COMMUNITY)
                .map(c -> new Place(townshipNames.getOrDefault(c.parentCode(), ""), c.name()))
                .toList();
        this.cityName = units.stream()
                .filter(u -> u.kind() == UnitKind.CITY)
                .map(Unit::name)
                .findFirst()
                .orElse(CityPlan.CITY_NAME);
    }

    /** The next clue, pushed a moment before {@code now}. */
    synchronized ClueDraft next(Instant now) {
        long n = ++counter;
        var kind = pick(KIND_WEIGHTS);
        var fraud = pick(FRAUD_WEIGHTS);
        var source = source(kind);
        var pushedAt = now.minusSeconds(5 + random.nextInt(115));
        var person = random.nextInt(100) < STRANGERS ? stranger(kind, now) : resident(kind);

        String amount = null;
        String transactedAt = null;
        ClueDraft.Suspect suspect;
        switch (kind) {
            case FUND -> {
                amount = amount().toPlainString();
                transactedAt = at(now.minusSeconds(120 + random.nextInt(3 * 3600)));
                suspect = new ClueDraft.Suspect(
                        new ClueDraft.Account(suspectBank(), cardNumber(), holder()), null, null, null);
            }
            case CASH_WITHDRAWAL -> {
                amount = BigDecimal.valueOf(2_000L + 1_000L * random.nextInt(49))
                        .setScale(2)
                        .toPlainString();
                transactedAt = at(now.minusSeconds(60 + random.nextInt(1800)));
                suspect = null;
            }
            case CALL -> suspect = new ClueDraft.Suspect(null, callerNumber(), null, null);
            case SMS ->
                suspect = new ClueDraft.Suspect(null, "106" + digits(10), random.nextBoolean() ? url() : null, null);
            case URL -> suspect = new ClueDraft.Suspect(null, null, url(), null);
            case APP -> suspect = new ClueDraft.Suspect(null, null, null, app(fraud));
            default -> throw new IllegalStateException("no clue shape for " + kind);
        }
        // a contact warning names a fraud type less often than a fund warning
        boolean hint = kind == ClueKind.FUND || random.nextInt(100) < 75;
        return new ClueDraft(
                "DEMO-" + now.toEpochMilli() + "-" + n,
                source.name(),
                kind.name(),
                at(pushedAt),
                person,
                suspect,
                amount,
                transactedAt,
                hint ? fraud.name() : null,
                random.nextInt(100) < 60 ? oneOf(new String[] {"高", "中", "低"}) : null);
    }

    private ClueDraft.Person resident(ClueKind kind) {
        var person = victim();
        String id = person.idNumber().value();
        String phone = person.phone();
        // carriers and the platform know the phone of a contact; banks and fund warnings the ID number
        boolean money = kind == ClueKind.FUND || kind == ClueKind.CASH_WITHDRAWAL;
        boolean withId = money || phone == null || random.nextInt(100) < 60;
        boolean withPhone = phone != null && (!money || random.nextInt(100) < 50);
        var account = money ? new ClueDraft.Account(oneOf(BANKS), cardNumber(), null) : null;
        return new ClueDraft.Person(
                person.name(),
                withId ? id : null,
                withPhone ? phone : null,
                random.nextInt(100) < 40 ? person.address() : null,
                account);
    }

    /** Someone the registry does not hold: from elsewhere, or local but unregistered. */
    private ClueDraft.Person stranger(ClueKind kind, Instant now) {
        boolean female = random.nextBoolean();
        int age = 18 + random.nextInt(55);
        var birth = LocalDate.ofInstant(now, LOCAL).minusYears(age).minusDays(random.nextInt(365));
        var name = Names.surname(random) + Names.given(random, female, birth.getYear());
        int sequence = random.nextInt(500) * 2 + (female ? 0 : 1);
        var account = kind == ClueKind.FUND || kind == ClueKind.CASH_WITHDRAWAL
                ? new ClueDraft.Account(oneOf(BANKS), cardNumber(), null)
                : null;
        int way = random.nextInt(4);
        if (way <= 1 || districts.isEmpty() || communities.isEmpty()) {
            // another province's ID number and a phone: nothing places them in the city
            var id = IdNumber.of(oneOf(OUTSIDE_REGIONS), birth, sequence).value();
            return new ClueDraft.Person(name, id, mobile(), null, account);
        }
        if (way == 2) {
            // a local ID number without a registry entry: the district's queue
            var district = districts.get(random.nextInt(districts.size()));
            var id = IdNumber.of(district.code(), birth, sequence).value();
            return new ClueDraft.Person(name, id, null, null, account);
        }
        // only a phone and an address naming a community
        var place = communities.get(random.nextInt(communities.size()));
        var address = cityName + place.township() + place.community() + (1 + random.nextInt(60)) + "号";
        return new ClueDraft.Person(name, null, mobile(), address, account);
    }

    private NewResident victim() {
        int total = 0;
        for (int band = 0; band < byAgeBand.size(); band++) {
            total += byAgeBand.get(band).isEmpty() ? 0 : AGE_BAND_WEIGHTS[band];
        }
        int roll = random.nextInt(total);
        for (int band = 0; band < byAgeBand.size(); band++) {
            var people = byAgeBand.get(band);
            if (people.isEmpty()) {
                continue;
            }
            roll -= AGE_BAND_WEIGHTS[band];
            if (roll < 0) {
                return people.get(random.nextInt(people.size()));
            }
        }
        throw new IllegalStateException("no residents to draw from");
    }

    private ClueSource source(ClueKind kind) {
        int roll = random.nextInt(100);
        return switch (kind) {
            case FUND -> roll < 50 ? ClueSource.NATIONAL : roll < 75 ? ClueSource.PROVINCIAL : ClueSource.BANK;
            case CASH_WITHDRAWAL -> roll < 70 ? ClueSource.BANK : ClueSource.NATIONAL;
            case CALL, SMS ->
                roll < 45
                        ? ClueSource.NATIONAL
                        : roll < 75 ? ClueSource.PROVINCIAL : roll < 93 ? ClueSource.CARRIER : ClueSource.HOTLINE_96110;
            default ->
                roll < 55
                        ? ClueSource.NATIONAL
                        : roll < 88 ? ClueSource.PROVINCIAL : roll < 96 ? ClueSource.HOTLINE_96110 : ClueSource.CITY;
        };
    }

    /** A loss in one of the Nanhe bands, log-uniform within the band, in yuan and fen. */
    private BigDecimal amount() {
        int band = random.nextInt(1000);
        double low;
        double high;
        if (band < UNDER_10K) {
            low = 200;
            high = 9_999.99;
        } else if (band < UNDER_50K) {
            low = 10_000;
            high = 49_999.99;
        } else {
            low = 50_000;
            high = 800_000;
        }
        double value = Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low)));
        // people transfer round sums more often than not
        var amount = random.nextInt(100) < 60
                ? BigDecimal.valueOf(Math.max(low, Math.round(value / 100.0) * 100.0))
                : BigDecimal.valueOf(value);
        return amount.min(BigDecimal.valueOf(high)).setScale(2, RoundingMode.DOWN);
    }

    /**
     * The bank of a suspect's account: the city's own bank for {@value #LOCAL_BANK_SHARE}% of them (the
     * demo's bank liaison works its queue), the rest spread over the national banks.
     */
    private String suspectBank() {
        return random.nextInt(100) < LOCAL_BANK_SHARE ? DemoAccounts.BANK_NAME : oneOf(BANKS);
    }

    private String callerNumber() {
        return switch (random.nextInt(4)) {
            case 0 -> "+852" + digits(8);
            case 1 -> "+63" + (9 + digits(9));
            case 2 -> "170" + digits(8);
            default -> "95" + digits(3);
        };
    }

    private String url() {
        return "https://" + oneOf(URL_WORDS) + digits(3) + oneOf(URL_ENDS) + "/h5/?i=" + digits(6);
    }

    private String app(FraudType fraud) {
        return oneOf(APPS.getOrDefault(fraud, ANY_APPS));
    }

    private String holder() {
        boolean female = random.nextBoolean();
        return Names.surname(random) + Names.given(random, female, 1970 + random.nextInt(35));
    }

    private String mobile() {
        return oneOf(DemoCityGenerator.PHONE_PREFIXES) + digits(8);
    }

    /** A UnionPay card number: 62, sixteen digits and the Luhn check digit. */
    private String cardNumber() {
        var body = "62" + digits(16);
        int sum = 0;
        for (int i = body.length() - 1, k = 0; i >= 0; i--, k++) {
            int d = body.charAt(i) - '0';
            if (k % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return body + (10 - sum % 10) % 10;
    }

    private String digits(int count) {
        var text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        return text.toString();
    }

    private <T> T oneOf(T[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private <E extends Enum<E>> E pick(Map<E, Integer> weights) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        int roll = random.nextInt(total);
        for (var entry : weights.entrySet()) {
            roll -= entry.getValue();
            if (roll < 0) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    private static String at(Instant instant) {
        return instant.atOffset(OFFSET).toString();
    }

    /** The weights in the enum's order, so that the same seed picks the same constants. */
    private static <E extends Enum<E>> Map<E, Integer> weights(Class<E> type, Map<E, Integer> weights) {
        var ordered = new EnumMap<E, Integer>(type);
        ordered.putAll(weights);
        return java.util.Collections.unmodifiableMap(ordered);
    }
}
