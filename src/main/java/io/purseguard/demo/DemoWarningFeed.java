package io.purseguard.demo;

import io.purseguard.warning.IntakeDoor;
import io.purseguard.warning.IntakeResult;
import io.purseguard.warning.WarningIntake;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedRateTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * In demo mode, a simulated upstream platform: every {@code 60 / purseguard.demo.feed.per-minute}
 * seconds it posts one realistic clue through the real intake path (validation, de-duplication,
 * triage, routing), so the centers' board lives when a newcomer opens it. {@code per-minute: 0}
 * schedules nothing.
 *
 * <p>The victims are real residents of the demo city: the feed regenerates the city from the seed
 * it was generated with (deterministic, a few seconds for 100,000 people, once, on the first tick)
 * and keeps a sample of {@value DemoWarningFeedClues#SAMPLE}. It reads no other module's tables and
 * reveals nothing through the audited directory.
 */
@Component
@ConditionalOnBooleanProperty("purseguard.demo.enabled")
class DemoWarningFeed implements SchedulingConfigurer {

    /** Time for the city to be generated and loaded on a first start before the feed looks for it. */
    static final Duration FIRST_AFTER = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(DemoWarningFeed.class);
    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    private final WarningIntake intake;
    private final DemoGenerations generations;
    private final DemoProperties properties;
    private final Clock clock;
    private DemoWarningFeedClues clues;

    DemoWarningFeed(WarningIntake intake, DemoGenerations generations, DemoProperties properties, Clock clock) {
        this.intake = intake;
        this.generations = generations;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        int perMinute = properties.feed().perMinute();
        if (perMinute <= 0) {
            log.info("Demo warning feed is off (purseguard.demo.feed.per-minute = {})", perMinute);
            return;
        }
        var every = Duration.ofMillis(60_000L / perMinute);
        registrar.addFixedRateTask(new FixedRateTask(this::scheduledTick, every, FIRST_AFTER));
        log.info("Demo warning feed: {} clue(s) a minute, the first in {} s", perMinute, FIRST_AFTER.toSeconds());
    }

    /**
     * Posts one clue through {@link WarningIntake} (door {@link IntakeDoor#DEMO_FEED}) and returns its
     * result; empty while the demo city is not there yet.
     */
    Optional<IntakeResult> tick() {
        var source = clues();
        if (source.isEmpty()) {
            return Optional.empty();
        }
        var draft = source.get().next(clock.instant());
        var result = intake.take(List.of(draft), IntakeDoor.DEMO_FEED).get(0);
        if (result.status() == IntakeResult.Status.REJECTED) {
            log.warn("Demo feed clue {} was refused: {}", draft.clueId(), result.errors());
        } else {
            log.debug("Demo feed clue {}: {} {}", draft.clueId(), result.status(), result.warningId());
        }
        return Optional.of(result);
    }

    private void scheduledTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            // a demo nicety must never take the scheduler down; the next tick tries again
            log.warn("Demo warning feed tick failed", e);
        }
    }

    private synchronized Optional<DemoWarningFeedClues> clues() {
        if (clues == null) {
            var generation = generations.find();
            if (generation.isEmpty()) {
                return Optional.empty();
            }
            long seed = generation.get().seed();
            var city = DemoCityGenerator.generate(seed, properties.residents());
            if (city.residents().size() != generation.get().residents()) {
                log.warn(
                        "Demo feed: the stored city has {} residents, the configuration makes {}; some clues will"
                                + " name people the registry does not hold",
                        generation.get().residents(),
                        city.residents().size());
            }
            // a fresh stream on each start: a restart replaying the same people would raise them as repeats
            clues = new DemoWarningFeedClues(
                    seed ^ clock.millis(), city.residents(), city.units(), LocalDate.now(clock.withZone(LOCAL)));
        }
        return Optional.of(clues);
    }
}
