package io.purseguard.protection;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the banks, carriers and the blocking platform are, and how often the outbox is drained. An
 * endpoint left blank is the local simulator (docs/integrations/*.md); institutions listed under
 * {@code csv.institutions} exchange files instead.
 *
 * @param senderEnabled whether this node drains the outbox and runs the legal clock (tests drive both)
 * @param senderEvery how often the outbox is polled
 */
@ConfigurationProperties("purseguard.protection")
public record ProtectionProperties(
        Boolean senderEnabled, Duration senderEvery, Endpoint bank, Endpoint carrier, Endpoint blocking, Csv csv) {

    /** An HTTP/JSON endpoint and the shared secret both sides sign with (HMAC-SHA256). */
    public record Endpoint(String url, String secret) {}

    /** Institutions that exchange CSV files, and the folder the files go to. */
    public record Csv(List<String> institutions, String directory) {}

    public ProtectionProperties {
        senderEnabled = senderEnabled == null ? Boolean.TRUE : senderEnabled;
        senderEvery = senderEvery == null ? Duration.ofSeconds(2) : senderEvery;
        bank = bank == null ? new Endpoint(null, null) : bank;
        carrier = carrier == null ? new Endpoint(null, null) : carrier;
        blocking = blocking == null ? new Endpoint(null, null) : blocking;
        csv = csv == null ? new Csv(List.of(), "./data/exchange") : csv;
    }

    public Endpoint endpoint(MeasureKind.Channel channel) {
        return switch (channel) {
            case BANK -> bank;
            case CARRIER -> carrier;
            case BLOCKING -> blocking;
        };
    }
}
