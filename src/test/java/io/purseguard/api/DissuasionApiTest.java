package io.purseguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.purseguard.PurseguardTest;
import io.purseguard.identity.ApiTokens;
import io.purseguard.identity.Role;
import io.purseguard.scope.Scope;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dissuasion contract as a mobile client or an upstream system sees it. */
@PurseguardTest
class DissuasionApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokens tokens;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port, "test-bootstrap-token");
    }

    /** Takes in a CRITICAL fund clue for an adult of station P02 and answers the warning id once its task is open. */
    private String warnedWithTask(int n) {
        var idNumber = jdbc.sql("SELECT id_number FROM residents.resident WHERE station_code = '329901P02' "
                        + "AND birth_date < DATE '1990-01-01' ORDER BY id OFFSET :n LIMIT 1")
                .param("n", n)
                .query(String.class)
                .single();
        var now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        var clue = """
                {"clueId":"%s","source":"BANK","kind":"FUND","pushedAt":"%s",
                 "person":{"name":"测试","idNumber":"%s"},
                 "suspect":{"account":{"bank":"某行","number":"6222020200112233446","holder":"李四"}},
                 "amount":88000,"transactedAt":"%s","fraudTypeHint":"FAKE_INVESTMENT"}
                """.formatted("D-" + UUID.randomUUID(), now.minusMinutes(1), idNumber, now.minusMinutes(20));
        var reply = api.post("/api/v1/warnings", "{\"items\":[" + clue + "]}");
        var warningId = reply.json().get("results").get(0).get("warningId").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/warnings/" + warningId).json().has("task"));
        return warningId;
    }

    @Test
    void a_warning_answers_its_task_with_team_deadlines_and_escalations() {
        var warningId = warnedWithTask(3);
        var task = api.get("/api/v1/warnings/" + warningId).json().get("task");

        assertThat(task.get("status").asText()).isEqualTo("OPEN");
        assertThat(task.get("team").findValuesAsText("role")).contains("OFFICER", "GRID_WORKER");
        assertThat(task.get("deadlines").has("signFor")).isTrue();
        assertThat(task.get("deadlines").has("firstContact")).isTrue();
        assertThat(task.get("deadlines").has("faceToFace")).isTrue();
        assertThat(task.get("escalations").isArray()).isTrue();
        // names are masked in the team
        task.get("team").forEach(m -> {
            if (m.has("name")) {
                assertThat(m.get("name").asText()).contains("*");
            }
        });
    }

    @Test
    void contacts_and_the_outcome_move_the_warning_and_bad_items_name_the_field() {
        var warningId = warnedWithTask(4);

        var call = api.post(
                "/api/v1/warnings/" + warningId + "/contacts", "{\"channel\":\"PHONE\",\"result\":\"ANSWERED\"}");
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.json().get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(api.get("/api/v1/warnings/" + warningId).json().get("status").asText())
                .isEqualTo("IN_PROGRESS");

        var bad = api.post(
                "/api/v1/warnings/" + warningId + "/contacts", "{\"channel\":\"PIGEON\",\"result\":\"ANSWERED\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsText("field")).containsExactly("channel");

        var noChecklist = api.post(
                "/api/v1/warnings/" + warningId + "/outcome", "{\"outcome\":\"DISSUADED\",\"faceToFace\":true}");
        assertThat(noChecklist.status()).isEqualTo(400);
        assertThat(noChecklist.json().get("errors").findValuesAsText("field")).containsExactly("checklist");

        var done = api.post("/api/v1/warnings/" + warningId + "/outcome", """
                {"outcome":"DISSUADED_AFTER_LOSS","faceToFace":true,"lossAmount":1200.50,
                 "checklist":{"ask-contact":true,"ask-app":true,"ask-transfer":true,"tell-method":true,"tell-hotline":true},
                 "note":"部分损失后劝阻成功"}
                """);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("outcome").get("outcome").asText()).isEqualTo("DISSUADED_AFTER_LOSS");
        assertThat(done.json().get("outcome").get("lossAmount").decimalValue()).isEqualByComparingTo("1200.50");
        assertThat(done.json().get("revisits").size()).isEqualTo(2);
        var warning = api.get("/api/v1/warnings/" + warningId).json();
        assertThat(warning.get("status").asText()).isEqualTo("DISSUADED");
        assertThat(warning.get("task").get("watch").has("until")).isTrue();

        var again = api.post(
                "/api/v1/warnings/" + warningId + "/outcome", "{\"outcome\":\"REFUSED\",\"faceToFace\":false}");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void the_policy_is_versioned_and_a_bad_window_is_named() {
        var policy = api.get("/api/v1/dissuasion/policy");
        assertThat(policy.status()).isEqualTo(200);
        assertThat(policy.json()
                        .get("body")
                        .get("windows")
                        .get("CRITICAL")
                        .get("signForMinutes")
                        .asInt())
                .isEqualTo(2);
        assertThat(api.get("/api/v1/dissuasion/checklists/dissuasion")
                        .json()
                        .get("body")
                        .get("items")
                        .size())
                .isEqualTo(5);
        // the bootstrap token is the city center, not the admin
        var body = policy.json().get("body").toString();
        assertThat(api.put("/api/v1/dissuasion/policy", body).status()).isEqualTo(403);

        var admin = api.as(tokens.issue("policy-admin", Role.ADMIN, Scope.none()));
        var bad = body.replace("\"signForMinutes\":2", "\"signForMinutes\":0");
        var refused = admin.put("/api/v1/dissuasion/policy", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsText("field")).containsExactly("windows.CRITICAL");
        var version = policy.json().get("version").asInt();
        assertThat(api.get("/api/v1/dissuasion/policy").json().get("version").asInt())
                .isEqualTo(version);

        // a good one is the next version, and opens the next tasks; the defaults are restored after
        var published = admin.put("/api/v1/dissuasion/policy", body);
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().get("version").asInt()).isEqualTo(version + 1);
    }
}
