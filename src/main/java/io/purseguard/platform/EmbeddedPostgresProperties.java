package io.purseguard.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no {@code SPRING_DATASOURCE_URL} is given.
 *
 * @param dataDir the cluster's data directory, kept across restarts
 * @param port the TCP port on loopback; 0 picks a free one at each start
 * @param ephemeral a throw-away cluster in a temporary directory, deleted on shutdown (tests)
 */
@ConfigurationProperties("purseguard.embedded-postgres")
public record EmbeddedPostgresProperties(
        @DefaultValue("./data/pgdata") Path dataDir,
        @DefaultValue("0") int port,
        @DefaultValue("false") boolean ephemeral) {}
