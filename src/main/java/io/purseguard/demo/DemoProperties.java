package io.purseguard.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo mode: a generated city on first start.
 *
 * @param enabled generate and use the demo city; defaults to on with the embedded database and off
 *     with an external one (decided by the platform before beans exist)
 * @param seed the one seed every generated fact derives from: the same seed gives the same city
 * @param residents the minimum number of residents to generate
 * @param feed the simulated warning feed of demo mode
 */
@ConfigurationProperties("purseguard.demo")
public record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("20261122") long seed,
        @DefaultValue("100000") int residents,
        @DefaultValue Feed feed) {

    /**
     * @param perMinute clues the feed posts a minute ({@code purseguard.demo.feed.per-minute}); 0 stops it
     */
    public record Feed(@DefaultValue("3") int perMinute) {}
}
