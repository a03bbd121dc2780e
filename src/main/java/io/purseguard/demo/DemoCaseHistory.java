package io.purseguard.demo;

import io.purseguard.casework.CaseImport;
import io.purseguard.casework.NarrativeGenerator;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.residents.Gender;
import io.purseguard.residents.NewResident;
import io.purseguard.scope.Scope;
import io.purseguard.warning.FraudType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A year of case history for the demo city, loaded through casework's import path with the city:
 * about one case a year per 250 residents, the Ministry's type mix, victims drawn from the registry
 * by type (Jurong: 杀猪盘 61.5% female, 刷单返利 75% under 35, loans 75% male; otherwise the national
 * ages, 18–40 62%, 41–65 33%), losses in Nanhe's bands (under ¥10k 74.1%, ¥10k–50k 19.2%, over ¥50k
 * 6.7%), and the older a case the further along its lifecycle. Narratives are generated from the
 * held-out phrase variants, so the type suggestions shown are on sentences the classifier never saw.
 * Deterministic from the demo seed.
 */
@Component
class DemoCaseHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoCaseHistory.class);
    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Caller LOADER = new Caller("demo", "演示数据", Role.CITY_CENTER, Scope.city());

    /** The Ministry's 2023 mix, roughly: 刷单返利 first, then investment, customer service, shopping. */
    private static final Map<FraudType, Double> MIX = new EnumMap<>(Map.ofEntries(
            Map.entry(FraudType.REBATE_ORDERS, 0.29),
            Map.entry(FraudType.FAKE_INVESTMENT, 0.15),
            Map.entry(FraudType.FAKE_CUSTOMER_SERVICE, 0.10),
            Map.entry(FraudType.FAKE_SHOPPING, 0.09),
            Map.entry(FraudType.FAKE_LOAN, 0.08),
            Map.entry(FraudType.FAKE_CREDIT_REPAIR, 0.06),
            Map.entry(FraudType.IMPERSONATE_AUTHORITY, 0.06),
            Map.entry(FraudType.IMPERSONATE_ACQUAINTANCE, 0.05),
            Map.entry(FraudType.ROMANCE, 0.05),
            Map.entry(FraudType.GAME_TRADE, 0.04),
            Map.entry(FraudType.OTHER, 0.03)));

    private final CaseImport imports;
    private final Clock clock;

    DemoCaseHistory(CaseImport imports, Clock clock) {
        this.imports = imports;
        this.clock = clock;
    }

    /** Loads the history for the city's residents, in the caller's (the city's loading) transaction. */
    void load(long seed, List<NewResident> residents) {
        long start = System.nanoTime();
        var random = new Random(seed ^ 0xCA5E);
        var today = LocalDate.now(clock.withZone(LOCAL));
        int count = Math.max(20, residents.size() / 250);
        var rows = new ArrayList<Map<CaseImport.Column, String>>();
        var now = clock.instant();
        for (int i = 0; i < count; i++) {
            var type = type(random);
            var victim = victim(type, residents, today, random);
            var loss = loss(random);
            int age = Period.between(victim.idNumber().birthDate(), today).getYears();
            var gender = victim.idNumber().gender() == Gender.F ? "女" : "男";
            var narrative = NarrativeGenerator.generate(
                    type,
                    new NarrativeGenerator.Person(victim.name(), age, gender, victim.occupation(), victim.employer()),
                    loss,
                    random,
                    NarrativeGenerator.Split.HELD_OUT);
            var reported = now.minus(Duration.ofMinutes((long) (random.nextDouble() * 365 * 24 * 60)));
            long days = Duration.between(reported, now).toDays();
            var row = new EnumMap<CaseImport.Column, String>(CaseImport.Column.class);
            row.put(CaseImport.Column.CASE_NO, "DEMO-" + seed + "-" + String.format("%05d", i));
            row.put(CaseImport.Column.REPORTED_AT, TIME.format(reported.atZone(LOCAL)));
            row.put(CaseImport.Column.UNIT, victim.placement().station());
            row.put(CaseImport.Column.VICTIM, victim.name());
            row.put(CaseImport.Column.ID_NUMBER, victim.idNumber().value());
            row.put(CaseImport.Column.PHONE, victim.phone());
            row.put(CaseImport.Column.OCCUPATION, victim.occupation());
            row.put(CaseImport.Column.FRAUD_TYPE, random.nextInt(5) == 0 ? null : type.name());
            row.put(CaseImport.Column.LOSS, loss.toPlainString());
            row.put(CaseImport.Column.NARRATIVE, narrative.text());
            row.put(CaseImport.Column.STATUS, status(days, random));
            row.put(CaseImport.Column.ACCOUNT, narrative.receivingCard());
            row.put(CaseImport.Column.BANK, narrative.bank());
            rows.add(row);
        }
        var report = imports.importRows(rows, LOADER);
        log.info(
                "Demo case history: {} cases over a year ({} rejected) in {} ms",
                report.imported(),
                report.rejected(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private static FraudType type(Random random) {
        double r = random.nextDouble();
        for (var entry : MIX.entrySet()) {
            r -= entry.getValue();
            if (r <= 0) {
                return entry.getKey();
            }
        }
        return FraudType.OTHER;
    }

    /** A resident matching the type's victims (Jurong's shares), drawn by rejection from the registry. */
    private static NewResident victim(FraudType type, List<NewResident> residents, LocalDate today, Random random) {
        Predicate<NewResident> fits =
                switch (type) {
                    case ROMANCE ->
                        r -> (random.nextDouble() < 0.615) == (r.idNumber().gender() == Gender.F)
                                && age(r, today) >= 20;
                    case REBATE_ORDERS ->
                        r -> (random.nextDouble() < 0.75) == (age(r, today) < 35) && age(r, today) >= 16;
                    case FAKE_LOAN ->
                        r -> (random.nextDouble() < 0.75) == (r.idNumber().gender() == Gender.M) && age(r, today) >= 18;
                    case GAME_TRADE -> r -> age(r, today) >= 10 && age(r, today) < 30;
                    default ->
                        r -> {
                            int age = age(r, today);
                            double p = random.nextDouble();
                            return p < 0.62 ? age >= 18 && age <= 40 : p < 0.95 ? age > 40 && age <= 65 : age > 65;
                        };
                };
        for (int tries = 0; tries < 200; tries++) {
            var candidate = residents.get(random.nextInt(residents.size()));
            if (candidate.placement().station() != null && fits.test(candidate)) {
                return candidate;
            }
        }
        return residents.stream()
                .filter(r -> r.placement().station() != null)
                .findFirst()
                .orElseThrow();
    }

    private static int age(NewResident r, LocalDate today) {
        return Period.between(r.idNumber().birthDate(), today).getYears();
    }

    /** Nanhe's bands: under ¥10k 74.1%, ¥10k–50k 19.2%, over ¥50k 6.7% of cases. */
    private static BigDecimal loss(Random random) {
        double band = random.nextDouble();
        double low;
        double high;
        if (band < 0.741) {
            low = 300;
            high = 9_999;
        } else if (band < 0.933) {
            low = 10_000;
            high = 49_999;
        } else {
            low = 50_000;
            high = 800_000;
        }
        double value = Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low)));
        long rounded = value < 10_000 ? Math.round(value / 10) * 10 : Math.round(value / 100) * 100;
        return BigDecimal.valueOf(Math.min(rounded, (long) high)).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The older a case, the further along: recent ones reported or accepted, old ones filed, solved or closed. */
    private static String status(long days, Random random) {
        if (days < 3) {
            return random.nextBoolean() ? "接报" : "受理";
        }
        if (days < 30) {
            return random.nextInt(5) == 0 ? "不予立案" : random.nextInt(3) == 0 ? "受理" : "立案";
        }
        int r = random.nextInt(10);
        return r < 4 ? "立案" : r < 6 ? "破案" : r < 8 ? "结案" : r < 9 ? "不予立案" : "受理";
    }
}
