package io.purseguard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.purseguard.residents.NewResident;
import io.purseguard.warning.ClueDraft;
import io.purseguard.warning.ClueKind;
import io.purseguard.warning.FraudType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo feed's clues follow DOMAIN.md's distributions (drafts only: nothing is taken in here). */
class DemoWarningFeedCluesTest {

    static final long SEED = 20261122;
    static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");

    static DemoCity city;

    @BeforeAll
    static void generate() {
        city = DemoCityGenerator.generate(SEED, 3000);
    }

    private static List<ClueDraft> drafts(long seed, int count) {
        var clues = new DemoWarningFeedClues(seed, city.residents(), city.units(), LocalDate.of(2026, 11, 22));
        return IntStream.range(0, count).mapToObj(i -> clues.next(NOW)).toList();
    }

    private static <K> Map<K, Double> shares(List<ClueDraft> drafts, Function<ClueDraft, K> key) {
        return drafts.stream()
                .collect(Collectors.groupingBy(
                        key, Collectors.collectingAndThen(Collectors.counting(), c -> c / (double) drafts.size())));
    }

    @Test
    void over_500_ticks_the_kinds_follow_the_weights_contact_warnings_far_more_than_fund_warnings() {
        var kinds = shares(drafts(SEED, 500), d -> ClueKind.valueOf(d.kind()));
        int total = DemoWarningFeedClues.KIND_WEIGHTS.values().stream()
                .mapToInt(Integer::intValue)
                .sum();
        DemoWarningFeedClues.KIND_WEIGHTS.forEach((kind, weight) -> assertThat(kinds.getOrDefault(kind, 0.0))
                .as(kind.name())
                .isCloseTo(weight / (double) total, within(0.05)));
        double contact =
                kinds.get(ClueKind.CALL) + kinds.get(ClueKind.SMS) + kinds.get(ClueKind.URL) + kinds.get(ClueKind.APP);
        assertThat(contact).isGreaterThan(4 * kinds.get(ClueKind.FUND));
    }

    @Test
    void rebate_orders_is_the_most_common_fraud_type_then_fake_investment() {
        var hinted = drafts(SEED, 2000).stream()
                .filter(d -> d.fraudTypeHint() != null)
                .toList();
        var types = shares(hinted, d -> FraudType.valueOf(d.fraudTypeHint()));
        var ranked = types.entrySet().stream()
                .sorted(Map.Entry.<FraudType, Double>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
        assertThat(ranked.subList(0, 2)).containsExactly(FraudType.REBATE_ORDERS, FraudType.FAKE_INVESTMENT);
        assertThat(types.get(FraudType.REBATE_ORDERS)).isCloseTo(0.28, within(0.04));
    }

    @Test
    void fund_amounts_follow_the_nanhe_loss_bands_and_money_clues_carry_a_transaction_time() {
        var funds =
                drafts(SEED, 4000).stream().filter(d -> d.kind().equals("FUND")).toList();
        assertThat(funds).hasSizeGreaterThan(400);
        var bands = shares(funds, d -> {
            var amount = new BigDecimal(d.amount());
            return amount.compareTo(BigDecimal.valueOf(10_000)) < 0
                    ? "under 10k"
                    : amount.compareTo(BigDecimal.valueOf(50_000)) < 0 ? "10k-50k" : "over 50k";
        });
        assertThat(bands.get("under 10k")).isCloseTo(0.741, within(0.05));
        assertThat(bands.get("10k-50k")).isCloseTo(0.192, within(0.05));
        assertThat(bands.get("over 50k")).isCloseTo(0.067, within(0.03));
        for (var fund : funds) {
            assertThat(new BigDecimal(fund.amount()).scale()).isEqualTo(2);
            assertThat(OffsetDateTime.parse(fund.transactedAt()).toInstant()).isBefore(NOW);
            assertThat(fund.suspect().account().number()).hasSize(19).startsWith("62");
        }
    }

    @Test
    void about_one_person_in_ten_is_not_in_the_registry_and_the_rest_are_residents() {
        Set<String> ids = new HashSet<>();
        Set<String> phones = new HashSet<>();
        for (NewResident r : city.residents()) {
            ids.add(r.idNumber().value());
            if (r.phone() != null) {
                phones.add(r.phone());
            }
        }
        var drafts = drafts(SEED, 1000);
        long strangers = drafts.stream()
                .map(ClueDraft::person)
                .filter(p -> !ids.contains(p.idNumber()) && !phones.contains(p.phone()))
                .count();
        assertThat(strangers / 1000.0).isCloseTo(DemoWarningFeedClues.STRANGERS / 100.0, within(0.03));
        // every person can be routed by something: an ID number, a phone or an address
        assertThat(drafts)
                .allMatch(d -> d.person().idNumber() != null || d.person().phone() != null);
        assertThat(drafts)
                .allMatch(d -> OffsetDateTime.parse(d.pushedAt()).toInstant().isBefore(NOW));
        assertThat(drafts.stream().map(ClueDraft::clueId).distinct()).hasSize(drafts.size());
    }

    @Test
    void the_same_seed_gives_the_same_clues() {
        var first = drafts(7, 50);
        var second = drafts(7, 50);
        assertThat(second).isEqualTo(first);
        assertThat(drafts(8, 50)).isNotEqualTo(first);
        assertThat(first).extracting(ClueDraft::source).allMatch(Objects::nonNull);
    }
}
