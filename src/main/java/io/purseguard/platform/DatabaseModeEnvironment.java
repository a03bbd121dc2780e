package io.purseguard.platform;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides once, before any bean exists, whether Purseguard runs on its embedded PostgreSQL (no
 * {@code spring.datasource.url} given) and defaults demo mode to match: on with the embedded
 * database, off with an external one. Both stay overridable by ordinary properties.
 */
class DatabaseModeEnvironment implements EnvironmentPostProcessor {

    static final String EMBEDDED = "purseguard.database.embedded";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean embedded = environment.getProperty("spring.datasource.url", "").isBlank();
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "purseguardDatabaseMode", Map.of(EMBEDDED, embedded, "purseguard.demo.enabled", embedded)));
    }
}
