package io.purseguard.protection;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where each channel's requests go and the secret that signs them. A channel without a configured
 * URL goes to the local simulator of this node (the demo's bank, carrier and blocking platform), with
 * a secret made up at start.
 */
@Component
public class Endpoints {

    private final ProtectionProperties properties;
    private final Environment environment;
    private final String simulatorSecret;

    Endpoints(ProtectionProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        this.simulatorSecret = HexFormat.of().formatHex(bytes);
    }

    /** The URL requests on this channel are POSTed to. */
    public String url(MeasureKind.Channel channel) {
        var configured = properties.endpoint(channel).url();
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080") + "/simulators/"
                + channel.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The shared secret of this channel (both the requests and the callbacks are signed with it). */
    public String secret(MeasureKind.Channel channel) {
        var configured = properties.endpoint(channel).secret();
        return configured != null && !configured.isBlank() ? configured : simulatorSecret;
    }

    /** Whether this channel is served by the local simulator. */
    public boolean simulated(MeasureKind.Channel channel) {
        var configured = properties.endpoint(channel).url();
        return configured == null || configured.isBlank();
    }
}
