package io.purseguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.PurseguardTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The headers and the session cookie, over real HTTP: a strict Content-Security-Policy on pages and
 * API answers (a relaxed one only for Swagger UI), Referrer-Policy and Permissions-Policy, and a
 * session cookie that is {@code SameSite=Lax}, and {@code Secure} when a TLS-terminating proxy says
 * the request came over HTTPS. And no template holds what that policy would refuse to run.
 */
@PurseguardTest
class SecurityHeadersTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @LocalServerPort
    int port;

    @Test
    void pages_and_api_answers_carry_a_strict_policy_and_swagger_ui_its_own() {
        var visitor = WebSession.anonymous(port);
        for (var page : List.of(visitor.get("/login"), visitor.get("/api/v1/warnings", "Accept", "application/json"))) {
            var csp = page.header("Content-Security-Policy");
            assertThat(csp)
                    .contains(
                            "default-src 'self'",
                            "script-src 'self';",
                            "style-src 'self';",
                            "object-src 'none'",
                            "base-uri 'self'",
                            "frame-ancestors 'none'",
                            "form-action 'self'");
            assertThat(csp).doesNotContain("'unsafe-eval'").doesNotContainPattern("script-src[^;]*unsafe-inline");
            assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(page.header("Permissions-Policy")).contains("geolocation=(self)", "camera=()", "microphone=()");
        }
        var swagger = visitor.get("/swagger-ui/index.html");
        assertThat(swagger.status()).isEqualTo(200);
        assertThat(swagger.header("Content-Security-Policy"))
                .contains("script-src 'self';", "style-src 'self' 'unsafe-inline'");
    }

    @Test
    void the_session_cookie_is_same_site_lax_and_secure_behind_a_tls_proxy() {
        var plain = WebSession.anonymous(port).get("/login").header("Set-Cookie");
        assertThat(plain).contains("JSESSIONID=", "SameSite=Lax", "HttpOnly").doesNotContain("Secure");

        var proxied = WebSession.anonymous(port)
                .get("/login", "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.50")
                .header("Set-Cookie");
        assertThat(proxied).contains("JSESSIONID=", "SameSite=Lax", "HttpOnly", "Secure");
    }

    @Test
    void no_template_holds_an_inline_script_an_event_attribute_or_a_javascript_url() throws IOException {
        var inlineScript =
                Pattern.compile("<script(?![^>]*\\bth:src=)(?![^>]*\\bsrc=)(?![^>]*type=\"application/json\")[^>]*>");
        var eventAttribute = Pattern.compile("\\s(?:th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        var styleElement = Pattern.compile("<style[\\s>]");
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (var file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                var html = Files.readString(file);
                assertThat(html)
                        .as(file.toString())
                        .doesNotContainPattern(inlineScript)
                        .doesNotContainPattern(eventAttribute)
                        .doesNotContainPattern(styleElement)
                        .doesNotContainIgnoringCase("javascript:");
            }
        }
    }
}
