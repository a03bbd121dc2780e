package io.purseguard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.PurseguardTest;
import io.purseguard.identity.ApiTokens;
import io.purseguard.identity.Role;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The intake contract as an upstream system sees it: one result per item, field-level errors, scope. */
@PurseguardTest
class WarningApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    ApiClient feed;

    @BeforeEach
    void client() {
        feed = new ApiClient(port, "test-bootstrap-token");
    }

    private String idNumberAt(String station) {
        return jdbc.sql("SELECT id_number FROM residents.resident WHERE station_code = :s ORDER BY id LIMIT 1")
                .param("s", station)
                .query(String.class)
                .single();
    }

    private static String clue(String clueId, String idNumber, String amount) {
        var now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        return """
                {"clueId":"%s","source":"NATIONAL","kind":"FUND","pushedAt":"%s",
                 "person":{"name":"测试","idNumber":"%s"},
                 "suspect":{"account":{"bank":"某行","number":"6222020200112233446","holder":"李四"}},
                 "amount":%s,"transactedAt":"%s","fraudTypeHint":"REBATE_ORDERS","newUpstreamField":"kept quiet"}
                """.formatted(clueId, now.minusMinutes(1), idNumber, amount, now.minusMinutes(30));
    }

    @Test
    void a_batch_answers_one_result_per_item_in_order_naming_every_bad_field() {
        var good = "G-" + UUID.randomUUID();
        var body = "{\"items\":[" + clue(good, idNumberAt("329901P01"), "1200.50") + ","
                + clue("B-" + UUID.randomUUID(), "110105194912310021", "-3") + ","
                + "{\"clueId\":\"S-1\",\"person\":\"not an object\"},"
                + clue(good, idNumberAt("329901P01"), "1200.50") + "]}";
        var reply = feed.post("/api/v1/warnings", body);
        assertThat(reply.status()).isEqualTo(200);
        var results = reply.json().get("results");
        assertThat(results).hasSize(4);
        assertThat(results.get(0).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(results.get(1).get("status").asText()).isEqualTo("REJECTED");
        assertThat(results.get(1).get("errors").findValuesAsText("field")).containsExactly("person.idNumber", "amount");
        assertThat(results.get(2).get("status").asText()).isEqualTo("REJECTED");
        assertThat(results.get(2).get("errors").get(0).get("field").asText()).isEqualTo("person");
        assertThat(results.get(3).get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(results.get(3).get("warningId").asText())
                .isEqualTo(results.get(0).get("warningId").asText());
    }

    @Test
    void more_than_a_thousand_items_is_a_400_naming_items() {
        var items = String.join(",", java.util.Collections.nCopies(1001, "{}"));
        var reply = feed.post("/api/v1/warnings", "{\"items\":[" + items + "]}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("items");
    }

    @Test
    void a_station_reads_and_signs_for_its_own_warning_and_gets_404_for_another_stations() {
        var clueId = "S-" + UUID.randomUUID();
        var id = feed.post("/api/v1/warnings", "{\"items\":[" + clue(clueId, idNumberAt("329901P01"), "60000") + "]}")
                .json()
                .get("results")
                .get(0)
                .get("warningId")
                .asText();
        var mine = feed.as(tokens.issue("w-station", Role.STATION_OFFICER, Scope.of(UnitKind.STATION, "329901P01")));
        var theirs = feed.as(tokens.issue("w-station2", Role.STATION_OFFICER, Scope.of(UnitKind.STATION, "329901P02")));

        var seen = mine.get("/api/v1/warnings/" + id).json();
        assertThat(seen.get("level").asText()).isEqualTo("CRITICAL");
        assertThat(seen.get("levelReasons").findValuesAsText("zh")).isNotEmpty();
        assertThat(seen.get("unit").get("code").asText()).isEqualTo("329901P01");
        assertThat(seen.get("person").get("idNumber").asText()).contains("**********");
        assertThat(mine.get("/api/v1/warnings?clueId=" + clueId)
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(1);

        assertThat(theirs.get("/api/v1/warnings/" + id).status()).isEqualTo(404);
        assertThat(theirs.get("/api/v1/warnings?clueId=" + clueId)
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(theirs.post("/api/v1/warnings/" + id + "/sign-for", "").status())
                .isEqualTo(404);

        var signed = mine.post("/api/v1/warnings/" + id + "/sign-for", "");
        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.json().get("status").asText()).isEqualTo("SIGNED_FOR");
        var twice = mine.post("/api/v1/warnings/" + id + "/sign-for", "");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_return_needs_a_reason() {
        var id = feed.post(
                        "/api/v1/warnings",
                        "{\"items\":[" + clue("R-" + UUID.randomUUID(), idNumberAt("329901P01"), "5") + "]}")
                .json()
                .get("results")
                .get(0)
                .get("warningId")
                .asText();
        var mine = feed.as(tokens.issue("w-station3", Role.STATION_OFFICER, Scope.of(UnitKind.STATION, "329901P01")));
        var reply = mine.post("/api/v1/warnings/" + id + "/return", "{}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");
    }
}
