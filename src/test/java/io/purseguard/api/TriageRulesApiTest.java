package io.purseguard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.purseguard.PurseguardTest;
import io.purseguard.identity.ApiTokens;
import io.purseguard.identity.Role;
import io.purseguard.scope.Scope;
import io.purseguard.warning.RuleSets;
import io.purseguard.warning.TriageParameters;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PurseguardTest
class TriageRulesApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    RuleSets ruleSets;

    @Autowired
    ObjectMapper json;

    @Autowired
    io.purseguard.identity.AuditTrail audit;

    @AfterEach
    void restoreDefaults() {
        ruleSets.publish(TriageParameters.DEFAULTS, "test-restore"); // the context is shared
    }

    private HttpResponse<String> put(String token, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/triage/rules"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_admin_publishes_a_new_version_that_applies_at_once() throws Exception {
        var admin = tokens.issue("rules-admin", Role.ADMIN, Scope.none());
        var before = ruleSets.current().version();
        var changed = (ObjectNode) json.valueToTree(TriageParameters.DEFAULTS);
        changed.put("criticalAmount", 30000);
        var reply = put(admin, changed.toString());
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(json.readTree(reply.body()).get("version").asInt()).isEqualTo(before + 1);
        assertThat(ruleSets.current().parameters().criticalAmount()).isEqualByComparingTo(new BigDecimal("30000"));
        assertThat(ruleSets.current().createdBy()).isEqualTo("token:rules-admin");
        assertThat(audit.recent("rule_set", Integer.toString(before + 1), 0, 10))
                .extracting(e -> e.action())
                .containsExactly("TRIAGE_RULES_PUBLISHED");
    }

    @Test
    void parameters_that_would_misbehave_are_refused_naming_the_field() throws Exception {
        var admin = tokens.issue("rules-admin-2", Role.ADMIN, Scope.none());
        var broken = (ObjectNode) json.valueToTree(TriageParameters.DEFAULTS);
        broken.put("highAmount", 90000);
        var reply = put(admin, broken.toString());
        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(json.readTree(reply.body()).get("errors").get(0).get("field").asText())
                .isEqualTo("criticalAmount");
    }

    @Test
    void only_the_admin_changes_the_rules() throws Exception {
        var center = tokens.issue("rules-center", Role.CITY_CENTER, Scope.city());
        assertThat(put(center, json.writeValueAsString(TriageParameters.DEFAULTS))
                        .statusCode())
                .isEqualTo(403);
        assertThat(new ApiClient(port, center).get("/api/v1/triage/rules").status())
                .isEqualTo(200);
    }
}
