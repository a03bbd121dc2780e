package io.purseguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.PurseguardTest;
import io.purseguard.scope.Scope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operations door: anyone learns whether the application is up and nothing more; health details
 * (the database, the disk) and the Prometheus metrics (route templates, exception names) need the
 * OPERATIONS role, here as a scraper's API token; a business role's token is refused.
 */
@PurseguardTest
class OperationsEndpointsTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode health(String token) throws Exception {
        var reply = get("/actuator/health", token);
        assertThat(reply.statusCode()).isEqualTo(200);
        return json.readTree(reply.body());
    }

    private String token(Role role) {
        var scope = role.scopeLevel() == null ? Scope.none() : Scope.city();
        return tokens.issue("ops-" + role + "-" + UUID.randomUUID(), role, scope);
    }

    @Test
    void a_stranger_learns_the_status_and_nothing_else() throws Exception {
        var health = health(null);
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.has("components")).isFalse();
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/db", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
    }

    @Test
    void an_operations_token_reads_health_details_and_the_metrics() throws Exception {
        var ops = token(Role.OPERATIONS);
        assertThat(health(ops).get("components").get("db").get("status").asText())
                .isEqualTo("UP");
        var metrics = get("/actuator/prometheus", ops);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("hikaricp_connections");
    }

    @Test
    void a_business_role_is_refused_the_metrics_and_sees_no_details() throws Exception {
        var center = token(Role.CITY_CENTER);
        assertThat(get("/actuator/prometheus", center).statusCode()).isEqualTo(403);
        assertThat(health(center).has("components")).isFalse();
        assertThat(get("/actuator/prometheus", "pg_not-a-token").statusCode()).isEqualTo(401);
    }
}
