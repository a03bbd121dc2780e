package io.purseguard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.PurseguardTest;
import io.purseguard.identity.ApiTokens;
import io.purseguard.identity.Role;
import io.purseguard.scope.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PurseguardTest
class ApiAccessTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    ApiClient anonymous;

    @BeforeEach
    void client() {
        anonymous = new ApiClient(port, null);
    }

    @Test
    void without_a_token_or_session_the_api_answers_401_as_a_problem_with_a_bearer_challenge() {
        var reply = anonymous.get("/api/v1/units");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.challenge()).startsWith("Bearer");
        assertThat(reply.json().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void an_unknown_token_is_refused() {
        assertThat(anonymous.as("pg_not-a-real-token").get("/api/v1/units").status())
                .isEqualTo(401);
    }

    @Test
    void the_bootstrap_token_has_city_scope() {
        var reply = anonymous.as("test-bootstrap-token").get("/api/v1/units");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get(0).get("kind").asText()).isEqualTo("CITY");
    }

    @Test
    void an_issued_token_works_and_only_its_hash_is_stored() {
        var token = tokens.issue("province-feed", Role.CITY_CENTER, Scope.city());
        assertThat(anonymous.as(token).get("/api/v1/units/329900").status()).isEqualTo(200);
    }

    @Test
    void a_malformed_query_parameter_is_a_400_problem_naming_the_field() {
        var api = anonymous.as("test-bootstrap-token");
        var reply = api.get("/api/v1/residents?ageMin=abc");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("ageMin");
        var tooBig = api.get("/api/v1/residents?size=100000");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().get("errors").get(0).get("field").asText()).isEqualTo("size");
    }

    @Test
    void the_api_is_documented_and_anonymous_health_is_the_status_only() {
        assertThat(anonymous.get("/v3/api-docs").json().get("paths").has("/api/v1/residents/{id}/reveal"))
                .isTrue();
        var health = anonymous.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.json().has("components"))
                .as("details are for operations (OperationsEndpointsTest)")
                .isFalse();
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
    }
}
