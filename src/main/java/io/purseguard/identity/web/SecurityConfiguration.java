package io.purseguard.identity.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.identity.ApiPermissions;
import io.purseguard.identity.ApiTokens;
import io.purseguard.identity.UserAccounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two doors. {@code /api/**}: bearer tokens for machines (or the browser session), answering 401/403
 * as RFC 9457 problems, never a login redirect. Everything else: form login for people.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity
class SecurityConfiguration {

    private static final String[] PUBLIC = {
        "/login",
        "/webjars/**",
        "/css/**",
        "/js/**",
        "/img/**",
        "/favicon.ico",
        "/error",
        "/actuator/health/**",
        "/actuator/prometheus",
        "/v3/api-docs/**",
        "/swagger-ui/**",
        "/swagger-ui.html"
    };

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) ->
                problem(json, response, HttpStatus.UNAUTHORIZED, "Authentication required", request, true);
        AccessDeniedHandler forbidden = (request, response, e) -> {
            if (anonymous()) {
                // nobody signed in: the honest answer is "who are you", whatever was refused
                unauthorized.commence(request, response, null);
            } else if (e instanceof CsrfException) {
                problem(json, response, HttpStatus.FORBIDDEN, CSRF_REFUSED, request, false);
            } else {
                problem(json, response, HttpStatus.FORBIDDEN, "This role may not do that", request, false);
            }
        };
        // A bearer request carries no ambient credentials, so CSRF only guards session-borne writes.
        RequestMatcher sessionWrites = new AndRequestMatcher(
                CsrfFilterDefaults.REQUIRES_PROTECTION, new NegatedRequestMatcher(BearerTokenFilter::hasBearer));
        SecurityHeaders.apply(http);
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> {
                    for (var permission : ApiPermissions.all()) {
                        var operation = a.requestMatchers(permission.method(), permission.path());
                        if (permission.signed()) {
                            operation.permitAll();
                        } else {
                            operation.hasAnyAuthority(permission.authorities());
                        }
                    }
                    // an operation missing from the table fails the build (PermissionMatrixTest); an unknown
                    // path is left to answer 404
                    a.anyRequest().authenticated();
                })
                .addFilterBefore(new BearerTokenFilter(tokens, unauthorized), AnonymousAuthenticationFilter.class)
                .csrf(c -> c.requireCsrfProtectionMatcher(sessionWrites)
                        .ignoringRequestMatchers("/api/v1/protection/callbacks/**"))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .build();
    }

    /** What a session-borne write without a valid CSRF token is told. */
    static final String CSRF_REFUSED =
            "Missing or invalid CSRF token: send the X-CSRF-TOKEN header of your session, or use a bearer token";

    private static boolean anonymous() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        SecurityHeaders.apply(http);
        SignInThrottling.guard(http);
        return http.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC)
                        .permitAll()
                        .requestMatchers("/audit/**")
                        .hasAnyRole("AUDITOR")
                        // the local SMS simulator: the app's own SMS adapter posts here with a secret it checks
                        .requestMatchers(
                                HttpMethod.POST,
                                "/simulators/sms",
                                "/simulators/bank",
                                "/simulators/carrier",
                                "/simulators/blocking")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .csrf(c -> c.ignoringRequestMatchers(
                        "/simulators/sms", "/simulators/bank", "/simulators/carrier", "/simulators/blocking"))
                .formLogin(
                        f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .build();
    }

    /**
     * A request the firewall refuses (an encoded dot or slash, a NUL, a path that escapes itself) is a
     * 400 problem, as the API answers everything else, rather than the container's error page.
     */
    @Bean
    RequestRejectedHandler requestRejected(ObjectMapper json) {
        return (request, response, e) -> problem(
                json, response, HttpStatus.BAD_REQUEST, "The request's address is not acceptable", request, false);
    }

    @Bean
    UserDetailsService users(UserAccounts accounts, JdbcClient jdbc) {
        return username -> accounts.caller(username)
                .map(caller -> new CallerPrincipal(
                        caller,
                        jdbc.sql("SELECT password_hash FROM identity.app_user WHERE username = :u")
                                .param("u", username)
                                .query(String.class)
                                .single()))
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    private static void problem(
            ObjectMapper json,
            HttpServletResponse response,
            HttpStatus status,
            String detail,
            HttpServletRequest request,
            boolean challenge)
            throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException e) {
            // an address the firewall refused may not even be a URI: the problem goes without it
        }
        response.setStatus(status.value());
        if (challenge) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"purseguard\"");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Spring's own notion of "a request that needs a CSRF token" (not GET/HEAD/TRACE/OPTIONS). */
    private static final class CsrfFilterDefaults {
        static final RequestMatcher REQUIRES_PROTECTION = CsrfFilter.DEFAULT_CSRF_MATCHER;
    }
}
