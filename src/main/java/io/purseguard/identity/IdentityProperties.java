package io.purseguard.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param bootstrapToken a bearer token with city-center scope for integrations and tests
 *     ({@code PURSEGUARD_SECURITY_BOOTSTRAP_TOKEN}); unset means none
 */
@ConfigurationProperties("purseguard.security")
public record IdentityProperties(String bootstrapToken) {}
