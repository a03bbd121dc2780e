package io.purseguard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.purseguard.scope.Scope;
import io.purseguard.warning.ClueDraft;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The demo's bank liaison has a queue to work: the feed names the city's own bank (the liaison's) for a
 * good share of suspect accounts, and the demo {@code bank} account is that bank's liaison.
 */
class DemoWarningFeedBanksTest {

    @Test
    void a_good_share_of_suspect_accounts_are_at_the_demo_liaisons_bank() {
        var city = DemoCityGenerator.generate(20261122, 3000);
        var clues = new DemoWarningFeedClues(7, city.residents(), city.units(), LocalDate.of(2026, 11, 22));
        var now = Instant.parse("2026-11-22T02:00:00Z");
        var suspects = IntStream.range(0, 4000)
                .mapToObj(i -> clues.next(now))
                .filter(d -> d.kind().equals("FUND"))
                .map(ClueDraft::suspect)
                .toList();
        assertThat(suspects).hasSizeGreaterThan(400);
        // 40% named outright, and the city's bank is also one of the ten the rest are spread over
        double local = suspects.stream()
                        .filter(s -> s.account().bank().equals(DemoAccounts.BANK_NAME))
                        .count()
                / (double) suspects.size();
        assertThat(local).isCloseTo(DemoWarningFeedClues.LOCAL_BANK_SHARE / 100.0 + 0.06, within(0.06));
        assertThat(suspects).anyMatch(s -> !s.account().bank().equals(DemoAccounts.BANK_NAME));
    }

    @Test
    void the_demo_bank_account_is_the_liaison_of_that_bank() {
        assertThat(DemoAccounts.BANK.scope()).isEqualTo(Scope.institution(DemoAccounts.BANK_NAME));
        assertThat(DemoAccounts.BANK.scope().seesPeople()).isFalse();
    }
}
