package io.purseguard.identity.web;

import io.purseguard.identity.ApiTokens;
import io.purseguard.identity.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The operations door, {@code /actuator/**}, ahead of the other two chains. Anyone may ask whether
 * the application is up ({@code /actuator/health} and its liveness and readiness groups answer the
 * status only); health details, Prometheus metrics and every other endpoint need the
 * {@link Role#OPERATIONS} role: a scraper's API token ({@code Authorization: Bearer}), or a signed-in
 * operations user's session. Read-only: no CSRF-guarded writes are exposed here.
 */
@Configuration(proxyBeanMethods = false)
class OperationsSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain operations(HttpSecurity http, ApiTokens tokens) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"purseguard\"");
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
        };
        SecurityHeaders.apply(http);
        return http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a.requestMatchers(
                                "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .anyRequest()
                        .hasRole(Role.OPERATIONS.name()))
                .addFilterBefore(new BearerTokenFilter(tokens, unauthorized), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized))
                .build();
    }
}
