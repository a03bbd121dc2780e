package io.purseguard.protection.web;

import java.time.Duration;
import org.springframework.context.ApplicationContext;

/**
 * The demo's bank, carrier and blocking simulators made predictable for a test outside this package
 * (the browser tests): no outages, no rejections, one short delay before each answer; {@link #close()}
 * puts the settings back for the tests that share the context.
 */
public final class ReliableSimulators implements AutoCloseable {

    private final InstitutionSimulators simulators;
    private final InstitutionSimulators.Settings before;

    private ReliableSimulators(InstitutionSimulators simulators) {
        this.simulators = simulators;
        this.before = simulators.settings();
    }

    /** From now until {@link #close()}: every request answered, each answer {@code delay} after the last. */
    public static ReliableSimulators answeringAfter(ApplicationContext context, Duration delay) {
        var reliable = new ReliableSimulators(context.getBean(InstitutionSimulators.class));
        reliable.simulators.settings(new InstitutionSimulators.Settings(delay, delay, 0, 0));
        return reliable;
    }

    @Override
    public void close() {
        simulators.settings(before);
    }
}
