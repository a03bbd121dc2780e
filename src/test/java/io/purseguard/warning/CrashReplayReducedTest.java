package io.purseguard.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reduced crash-and-replay harness in the build: 5,000 clues, three {@code kill -9}s of the
 * application running as its own process (see {@link CrashReplayHarness} for the full run, 100,000
 * clues and 20 kills, by a documented command).
 */
@Tag("crash-replay-reduced")
class CrashReplayReducedTest {

    @Test
    // 161 s on a quiet machine; over 5 minutes while other builds shared the two cores
    @Timeout(value = 12, unit = java.util.concurrent.TimeUnit.MINUTES)
    void five_thousand_clues_through_three_kill_9s_lose_nothing_and_do_nothing_twice() throws Exception {
        var figures = CrashReplayHarness.run(5_000, 3, 20261122L, 500, null, Duration.ofMinutes(3));
        System.out.println(figures);
        assertThat(figures.lost()).as("warnings lost").isZero();
        assertThat(figures.warnings()).as("warnings stored").isEqualTo(5_000);
        assertThat(figures.mismatched())
                .as("clues answered with another warning")
                .isZero();
        assertThat(figures.resent()).as("batches resent after a crash").isPositive();
        assertThat(figures.tasks()).as("tasks").isEqualTo(5_000);
        assertThat(figures.tasksTwice()).isZero();
        assertThat(figures.stopPayments()).as("automatic stop-payments").isEqualTo(5_000);
        assertThat(figures.stopPaymentsTwice()).isZero();
        assertThat(figures.outboxExecute()).as("outbox messages").isEqualTo(5_000);
        assertThat(figures.outboxTwice()).isZero();
        assertThat(figures.holds()).as("%s", figures).isTrue();
    }
}
