package io.purseguard.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL 17 inside the data directory when no external database is configured.
 * Unlike the library's test defaults it is durable ({@code fsync} and {@code synchronous_commit}
 * on), and a stale server left behind by a killed JVM is shut down before starting a new one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(DatabaseModeEnvironment.EMBEDDED)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        var builder = EmbeddedPostgres.builder()
                .setPort(properties.port())
                // Spring closes the server after the connection pool; the library's own JVM hook
                // would race the pool and leave it retrying a dead server for half a minute
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("timezone", "UTC")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setLocaleConfig("locale", "C.UTF-8");
        if (properties.ephemeral()) {
            builder.setCleanDataDirectory(true);
        } else {
            var dataDir = properties.dataDir().toAbsolutePath().normalize();
            Files.createDirectories(dataDir);
            StaleServer.shutDownIn(dataDir);
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        }
        var postgres = builder.start();
        log.info("Embedded PostgreSQL 17 on 127.0.0.1:{} ({})", postgres.getPort(), describe(properties));
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        var dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
        dataSource.setPoolName("purseguard");
        return dataSource;
    }

    private static String describe(EmbeddedPostgresProperties properties) {
        return properties.ephemeral()
                ? "ephemeral"
                : "data in " + properties.dataDir().toAbsolutePath().normalize();
    }
}
