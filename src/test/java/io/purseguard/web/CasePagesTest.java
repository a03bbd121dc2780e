package io.purseguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.PurseguardTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case screens over HTTP: who may open them, the live analysis fragment, a case saved from the
 * form shown masked to its station and not found by another, the export and the printable summary.
 */
@PurseguardTest
class CasePagesTest {

    @LocalServerPort
    int port;

    static final String NARRATIVE =
            "报案人称在抖音看到兼职刷单广告，加了QQ 1791360311，对方让其先垫付做连单任务。" + "先后向卡号6222 0202 0011 2233 446转账共计1.5万元。";

    @Test
    void a_station_officer_reads_a_narrative_live_saves_a_case_and_sees_it_masked_another_station_does_not() {
        var station = WebSession.signedIn(port, "station", "demo123");
        var list = station.get("/cases");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains("登记案件");
        var form = station.get("/cases/new");
        assertThat(form.status()).as(form.body()).isEqualTo(200);

        var csrf = WebSession.csrfOf(form);
        var fragment =
                station.post("/cases/analyze", Map.of("_csrf", csrf, "narrative", NARRATIVE), "HX-Request", "true");
        assertThat(fragment.status()).as(fragment.body()).isEqualTo(200);
        assertThat(fragment.body())
                .contains("<mark", "id-BANK_CARD", "id-QQ", "suggested-type", "刷单返利")
                .doesNotContain("<html");

        var saved = station.post(
                "/cases",
                Map.of(
                        "_csrf", csrf,
                        "victimName", "张晓明",
                        "phone", "13900001111",
                        "narrative", NARRATIVE,
                        "fraudType", "REBATE_ORDERS",
                        "origin", "COUNTER",
                        "identifier", "BANK_CARD|6222 0202 0011 2233 446"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        var location = saved.location().replaceFirst("^https?://[^/]+", "");
        var page = station.get(location);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("张*明", "139****1111").doesNotContain("13900001111", "6222020200112233446");

        var other = WebSession.signedIn(port, "station2", "demo123");
        assertThat(other.get(location).status()).isEqualTo(404);
        assertThat(station.get(location + "/summary.pdf").headers().get("content-type"))
                .contains("application/pdf");
        var export = station.get("/cases/export.xlsx");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("content-type")).contains("spreadsheetml");
    }

    @Test
    void grid_workers_bank_liaisons_and_auditors_do_not_work_cases() {
        for (var user : new String[] {"grid", "bank", "auditor"}) {
            var session = WebSession.signedIn(port, user, "demo123");
            assertThat(session.get("/cases").status()).as(user).isEqualTo(403);
            assertThat(session.get("/cases/new").status()).as(user).isEqualTo(403);
        }
    }
}
