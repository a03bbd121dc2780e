package io.purseguard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.PurseguardTest;
import io.purseguard.identity.ApiTokens;
import io.purseguard.identity.Role;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every case endpoint, scoped and masked: the station that took a case sees it masked, another station
 * gets 404 everywhere, a grid worker or a bank liaison 403; only roles that may reveal get the full
 * values, with a reason. The analysis echoes the caller's own text unmasked.
 */
@PurseguardTest
class CaseApiTest {

    static final String NARRATIVE =
            "报案人称接到自称公安局民警的电话13712345678，称其涉嫌洗钱，" + "要求将存款转入安全账户6222 0202 0011 2233 446，共计损失12.6万元。";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    ApiClient station;
    ApiClient otherStation;
    ApiClient grid;
    ApiClient bank;

    @BeforeEach
    void clients() {
        station = new ApiClient(
                port, tokens.issue("case-api-station", Role.STATION_OFFICER, Scope.of(UnitKind.STATION, "329901P01")));
        otherStation = station.as(
                tokens.issue("case-api-station2", Role.STATION_OFFICER, Scope.of(UnitKind.STATION, "329902P01")));
        grid = station.as(tokens.issue("case-api-grid", Role.GRID_WORKER, Scope.of(UnitKind.GRID, "32990110120101")));
        bank = station.as(tokens.issue("case-api-bank", Role.BANK_LIAISON, Scope.institution("中国工商银行")));
    }

    @Test
    void analyze_answers_the_shape_the_issue_gives() {
        var reply = station.post("/api/v1/cases/analyze", "{\"narrative\":\"" + NARRATIVE + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        var json = reply.json();
        assertThat(json.at("/fraudType/code").asText()).isEqualTo("IMPERSONATE_AUTHORITY");
        assertThat(json.at("/fraudType/confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.at("/fraudType/reasons").size()).isPositive();
        assertThat(json.at("/identifiers/0/kind").asText()).isEqualTo("PHONE");
        assertThat(json.at("/identifiers/0/value").asText()).isEqualTo("13712345678");
        assertThat(json.at("/identifiers/1/normalized").asText()).isEqualTo("6222020200112233446");
        assertThat(json.at("/identifiers/1/start").asInt()).isEqualTo(NARRATIVE.indexOf("6222"));
        assertThat(json.at("/lossAmount").decimalValue()).isEqualByComparingTo("126000");
        assertThat(station.post("/api/v1/cases/analyze", "{\"narrative\":\"\"}")
                        .json()
                        .at("/errors/0/field")
                        .asText())
                .isEqualTo("narrative");
        assertThat(grid.post("/api/v1/cases/analyze", "{\"narrative\":\"x\"}").status())
                .isEqualTo(403);
    }

    @Test
    void every_case_endpoint_is_scoped_and_masked() {
        var created = station.post(
                "/api/v1/cases",
                "{\"narrative\":\"" + NARRATIVE + "\",\"victims\":[{\"name\":\"赵建国\",\"phone\":\"13955556666\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var id = created.json().get("id").asText();
        assertThat(created.body()).doesNotContain("13955556666", "6222020200112233446", "13712345678", "赵建国");
        assertThat(created.json().get("fraudType").asText()).isEqualTo("IMPERSONATE_AUTHORITY");

        var paths = new String[] {"/api/v1/cases/" + id, "/api/v1/cases/" + id + "/measures"};
        for (var path : paths) {
            assertThat(station.get(path).status()).as(path).isEqualTo(200);
            assertThat(otherStation.get(path).status()).as(path).isEqualTo(404);
            assertThat(grid.get(path).status()).as(path).isEqualTo(403);
            assertThat(bank.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(otherStation
                        .post("/api/v1/cases/" + id + "/transitions", "{\"to\":\"ACCEPTED\"}")
                        .status())
                .isEqualTo(404);
        assertThat(otherStation
                        .put("/api/v1/cases/" + id + "/fraud-type", "{\"code\":\"OTHER\"}")
                        .status())
                .isEqualTo(404);
        assertThat(otherStation
                        .post("/api/v1/cases/" + id + "/transfers", "{\"amount\":100}")
                        .status())
                .isEqualTo(404);
        assertThat(otherStation
                        .post("/api/v1/cases/" + id + "/reveal", "{\"reason\":\"x\"}")
                        .status())
                .isEqualTo(404);
        assertThat(otherStation.get("/api/v1/cases?size=200").body()).doesNotContain(id);
        assertThat(station.get("/api/v1/cases?size=200&type=IMPERSONATE_AUTHORITY")
                        .body())
                .contains(id);
        assertThat(grid.get("/api/v1/cases").status()).isEqualTo(403);

        // the guarded lifecycle over HTTP: 409 out of order, 400 naming the field
        assertThat(station.post("/api/v1/cases/" + id + "/transitions", "{\"to\":\"FILED\"}")
                        .status())
                .isEqualTo(409);
        assertThat(station.post("/api/v1/cases/" + id + "/transitions", "{\"to\":\"ACCEPTED\"}")
                        .status())
                .isEqualTo(200);
        var notFiled = station.post("/api/v1/cases/" + id + "/transitions", "{\"to\":\"NOT_FILED\"}");
        assertThat(notFiled.status()).isEqualTo(400);
        assertThat(notFiled.json().at("/errors/0/field").asText()).isEqualTo("reason");
        var corrected = station.put("/api/v1/cases/" + id + "/fraud-type", "{\"code\":\"OTHER\"}");
        assertThat(corrected.json().get("fraudType").asText()).isEqualTo("OTHER");

        // the full values only with a reason, to a role that may
        assertThat(station.post("/api/v1/cases/" + id + "/reveal", "{}").status())
                .isEqualTo(400);
        var revealed = station.post("/api/v1/cases/" + id + "/reveal", "{\"reason\":\"联系受害人\"}");
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.body()).contains("13955556666", "6222020200112233446", "赵建国");

        // a stop-payment of the receiving account through protection, the case number as caseRef
        var measure = station.post(
                "/api/v1/cases/" + id + "/measures",
                "{\"kind\":\"STOP_PAYMENT\",\"account\":\"6222020200112233446\",\"amount\":126000}");
        assertThat(measure.status()).as(measure.body()).isEqualTo(201);
        assertThat(measure.json().get("caseRef").asText())
                .isEqualTo(created.json().get("caseNo").asText());
        assertThat(measure.json().get("institution").asText()).isEqualTo("中国工商银行");
        var recovery = station.get("/api/v1/cases/" + id + "/measures").json();
        assertThat(recovery.get("measures").size()).isEqualTo(1);
        assertThat(recovery.at("/measures/0/target").asText()).contains("*");
        assertThat(recovery.at("/recovered/recovered").decimalValue()).isEqualByComparingTo("0");
    }
}
