package io.purseguard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.PurseguardTest;
import io.purseguard.scope.Scope;
import io.purseguard.warning.ClueValidation;
import io.purseguard.warning.IntakeResult;
import io.purseguard.warning.Warnings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo feed posts through the real intake path, and what it makes passes the real validation. */
@PurseguardTest
class DemoWarningFeedTest {

    @Autowired
    DemoWarningFeed feed;

    @Autowired
    Warnings warnings;

    @Autowired
    ClueValidation validation;

    @Autowired
    DemoProperties properties;

    @Test
    void a_tick_takes_one_clue_in_through_the_real_path() {
        var result = feed.tick().orElseThrow();
        assertThat(result.status()).as("%s", result.errors()).isEqualTo(IntakeResult.Status.ACCEPTED);

        var warning = warnings.find(result.warningId(), Scope.city()).orElseThrow();
        assertThat(warning.clueId()).startsWith("DEMO-");
        assertThat(warning.door()).isEqualTo("DEMO_FEED");
        assertThat(warning.levelReasons()).isNotEmpty();
        assertThat(warning.history()).hasSize(1);
        assertThat(warning.history().get(0).action()).isEqualTo("RECEIVED");

        var next = feed.tick().orElseThrow();
        assertThat(next.warningId()).isNotEqualTo(result.warningId());
    }

    @Test
    void every_clue_the_feed_makes_passes_validation() {
        var city = DemoCityGenerator.generate(properties.seed(), properties.residents());
        var clues = new DemoWarningFeedClues(1, city.residents(), city.units(), LocalDate.now());
        var now = Instant.now();
        IntStream.range(0, 500).mapToObj(i -> clues.next(now)).forEach(draft -> assertThat(
                        validation.validate(draft).errors())
                .as(draft.toString())
                .isEmpty());
    }
}
