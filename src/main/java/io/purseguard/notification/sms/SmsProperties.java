package io.purseguard.notification.sms;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMS gateway ({@code purseguard.notification.sms.*}); the wire format is in
 * {@code docs/adapters/sms.md}.
 *
 * @param url where to POST each message; unset, messages go to the local simulator inside this
 *     application ({@code POST /simulators/sms}, listed at {@code GET /simulators/sms})
 * @param secret sent as {@code Authorization: Bearer <secret>}; unset with the simulator, a random one
 *     is made at start-up (the simulator refuses posts without it)
 * @param connectTimeout how long to wait for the gateway's TCP connection
 * @param timeout how long to wait for the gateway's answer to one message
 * @param simulatorKeeps how many of the latest messages the simulator keeps (in memory) to show
 */
@ConfigurationProperties("purseguard.notification.sms")
public record SmsProperties(
        URI url,
        String secret,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("100") int simulatorKeeps) {

    public SmsProperties {
        if (url != null && !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("purseguard.notification.sms.url must be an http(s) URL, got " + url);
        }
        if (simulatorKeeps < 1) {
            throw new IllegalArgumentException("purseguard.notification.sms.simulator-keeps must be at least 1");
        }
    }

    /** Whether messages go to the local simulator (no gateway URL configured). */
    public boolean simulated() {
        return url == null;
    }
}
