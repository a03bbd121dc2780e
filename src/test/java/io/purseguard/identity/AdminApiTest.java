package io.purseguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.PurseguardTest;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code /api/v1/admin}: what a provisioning script sees. Tokens issued through the API work at once
 * and stop at revocation; field mistakes come back together as one problem; only the administrator
 * role gets in. Names are unique per test: the database is shared.
 */
@PurseguardTest
class AdminApiTest {

    static final String STATION2 = "329901P02";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    String adminToken;
    String adminActor;

    record Reply(int status, String contentType, JsonNode json, String body) {}

    @BeforeEach
    void anAdministratorsToken() {
        var name = unique("provisioning");
        adminToken = tokens.issue(name, Role.ADMIN, Scope.none());
        adminActor = "token:" + name;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Reply get(String token, String path) {
        return send(request(token, path).GET());
    }

    private Reply post(String token, String path, String json) {
        return send(request(token, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String token, String path) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            var type = response.headers().firstValue("Content-Type").orElse("");
            var body = response.body();
            return new Reply(
                    response.statusCode(),
                    type,
                    type.contains("json") && !body.isBlank() ? JSON.readTree(body) : null,
                    body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long audited(String actor, String action, String targetId) {
        return jdbc.sql("SELECT count(*) FROM identity.audit_entry WHERE actor = :actor AND action = :action"
                        + " AND target_id = :target")
                .param("actor", actor)
                .param("action", action)
                .param("target", targetId)
                .query(Long.class)
                .single();
    }

    private static List<String> fields(Reply problem) {
        var fields = new ArrayList<String>();
        problem.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void a_token_issued_by_the_api_works_until_it_is_revoked_and_both_are_audited() {
        var name = unique("bank-feed");
        var issued = post(
                adminToken,
                "/api/v1/admin/tokens",
                "{\"name\":\"" + name + "\",\"role\":\"STATION_OFFICER\",\"scopeCode\":\"" + STATION2 + "\"}");
        assertThat(issued.status()).isEqualTo(201);
        var token = issued.json().get("token").asText();
        var id = issued.json().get("id").asText();
        assertThat(token).startsWith("pg_");
        assertThat(issued.json().get("scope").get("code").asText()).isEqualTo(STATION2);
        assertThat(issued.json().get("scope").get("kind").asText()).isEqualTo("STATION");

        var units = get(token, "/api/v1/units");
        assertThat(units.status()).isEqualTo(200);
        assertThat(units.json().get(0).get("code").asText()).isEqualTo(STATION2);

        // listed without the token or its hash
        var listed = get(adminToken, "/api/v1/admin/tokens");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains(id, name).doesNotContain(token).doesNotContain("hash");

        var revoked = post(adminToken, "/api/v1/admin/tokens/" + id + "/revoke", "");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("active").asBoolean()).isFalse();
        assertThat(revoked.json().has("revokedAt")).isTrue();
        assertThat(get(token, "/api/v1/units").status()).isEqualTo(401);

        // a second revocation changes nothing and is not recorded again
        assertThat(post(adminToken, "/api/v1/admin/tokens/" + id + "/revoke", "")
                        .status())
                .isEqualTo(200);
        assertThat(audited(adminActor, "TOKEN_ISSUED", id)).isEqualTo(1);
        assertThat(audited(adminActor, "TOKEN_REVOKED", id)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT detail FROM identity.audit_entry WHERE action = 'TOKEN_ISSUED' AND target_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .contains(name, "STATION_OFFICER", STATION2)
                .doesNotContain(token);
    }

    @Test
    void a_user_created_by_the_api_is_listed_and_audited() {
        var username = unique("api-user");
        var created = post(
                adminToken,
                "/api/v1/admin/users",
                "{\"username\":\"" + username + "\",\"displayName\":\"接口创建\",\"password\":\"created-by-api\","
                        + "\"role\":\"CITY_CENTER\",\"scopeCode\":\"329900\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("enabled").asBoolean()).isTrue();
        assertThat(created.json().get("scope").get("kind").asText()).isEqualTo("CITY");
        assertThat(created.body()).doesNotContain("created-by-api");

        var listed = get(adminToken, "/api/v1/admin/users");
        assertThat(listed.body()).contains(username).doesNotContain("password");
        assertThat(audited(adminActor, "USER_CREATED", username)).isEqualTo(1);
    }

    @Test
    void every_wrong_field_comes_back_in_one_problem_and_nothing_is_saved() {
        var username = unique("bad");
        var grid = jdbc.sql("SELECT code FROM jurisdiction.unit WHERE kind = 'GRID' ORDER BY code LIMIT 1")
                .query(String.class)
                .single();
        var refused = post(
                adminToken,
                "/api/v1/admin/users",
                "{\"username\":\"" + username + "\",\"displayName\":\" \",\"password\":\"short\","
                        + "\"role\":\"STATION_OFFICER\",\"scopeCode\":\"" + grid + "\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fields(refused)).containsExactlyInAnyOrder("displayName", "password", "scopeCode");
        assertThat(jdbc.sql("SELECT count(*) FROM identity.app_user WHERE username = :u")
                        .param("u", username)
                        .query(Long.class)
                        .single())
                .isZero();

        var badName = post(
                adminToken,
                "/api/v1/admin/users",
                "{\"username\":\"Has Spaces\",\"displayName\":\"x\",\"password\":\"long-enough\",\"role\":\"AUDITOR\"}");
        assertThat(fields(badName)).containsExactly("username");

        var taken = post(
                adminToken,
                "/api/v1/admin/users",
                "{\"username\":\"station\",\"displayName\":\"x\",\"password\":\"long-enough\",\"role\":\"AUDITOR\"}");
        assertThat(fields(taken)).containsExactly("username");

        var unknownRole =
                post(adminToken, "/api/v1/admin/tokens", "{\"name\":\"" + unique("x") + "\",\"role\":\"KING\"}");
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(fields(unknownRole)).containsExactly("role");
        assertThat(unknownRole.json().get("errors").get(0).get("message").asText())
                .contains("STATION_OFFICER");

        var noScope = post(
                adminToken, "/api/v1/admin/tokens", "{\"name\":\"" + unique("x") + "\",\"role\":\"DISTRICT_CENTER\"}");
        assertThat(fields(noScope)).containsExactly("scopeCode");
    }

    @Test
    void only_the_administrator_role_may_use_it() {
        var center = tokens.issue(unique("not-admin"), Role.CITY_CENTER, Scope.city());
        var station = tokens.issue(unique("not-admin"), Role.STATION_OFFICER, Scope.of(UnitKind.STATION, STATION2));
        for (var token : List.of(center, station)) {
            var list = get(token, "/api/v1/admin/users");
            assertThat(list.status()).isEqualTo(403);
            assertThat(list.contentType()).startsWith("application/problem+json");
            var issue = post(token, "/api/v1/admin/tokens", "{\"name\":\"escalate\",\"role\":\"ADMIN\"}");
            assertThat(issue.status()).isEqualTo(403);
        }
        assertThat(get(null, "/api/v1/admin/tokens").status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM identity.api_token WHERE name = 'escalate'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void revoking_an_unknown_token_is_a_404_problem() {
        var reply = post(adminToken, "/api/v1/admin/tokens/" + UUID.randomUUID() + "/revoke", "");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void the_administration_api_is_documented() {
        var docs = get(null, "/v3/api-docs");
        assertThat(docs.json().get("paths").has("/api/v1/admin/tokens/{id}/revoke"))
                .isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/admin/users")).isTrue();
    }
}
