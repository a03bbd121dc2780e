package io.purseguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.AuditTampering;
import io.purseguard.PurseguardTest;
import io.purseguard.identity.AuditTrail;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 首页, 辖区, 值班 and 审计 as each role sees them. */
@PurseguardTest
class JurisdictionAndAuditPagesTest {

    static final String PASSWORD = "demo123";
    static final Pattern MASKED_PHONE = Pattern.compile("\\d{3}\\*{4}\\d{4}");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    private String nameOf(String code) {
        return jdbc.sql("SELECT name FROM jurisdiction.unit WHERE code = :code")
                .param("code", code)
                .query(String.class)
                .single();
    }

    @Test
    void the_home_page_charts_the_population_one_level_down_from_embedded_data() {
        var home = WebSession.signedIn(port, "center", PASSWORD).get("/").body();
        // the bars travel as JSON inside the page (names unicode-escaped by Thymeleaf’s JavaScript inlining)
        assertThat(home)
                .contains("population-chart", "/webjars/echarts/", "下辖分局（区）实有人口")
                .contains("{\"code\":\"329901\"", "{\"code\":\"329902\"", "{\"code\":\"329903\"");

        var station = WebSession.signedIn(port, "station", PASSWORD).get("/").body();
        var community = jdbc.sql(
                        "SELECT code FROM jurisdiction.unit WHERE kind = 'COMMUNITY' AND station_code = '329901P01'"
                                + " ORDER BY code LIMIT 1")
                .query(String.class)
                .single();
        assertThat(station)
                .contains("下辖社区（村）实有人口", "{\"code\":\"" + community + "\"")
                .doesNotContain("{\"code\":\"329902");
    }

    @Test
    void the_tree_shows_the_units_in_scope_with_both_shapes() {
        var center = WebSession.signedIn(port, "center", PASSWORD);
        assertThat(center.get("/units").body()).contains(nameOf("329900"), nameOf("329901"), nameOf("329902"));
        assertThat(center.get("/units?shape=ADMINISTRATIVE").body()).contains(nameOf("329901101"));

        var station =
                WebSession.signedIn(port, "station", PASSWORD).get("/units").body();
        assertThat(station).contains(nameOf("329901P01")).doesNotContain(nameOf("329901P02"), "/units/329902\"");
    }

    @Test
    void a_unit_page_lists_its_staff_masked_and_is_404_outside_the_scope() {
        var station = WebSession.signedIn(port, "station", PASSWORD);
        var page = station.get("/units/329901P01");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(nameOf("329901P01"), "工作人员", "/residents?unit=329901P01");
        assertThat(MASKED_PHONE.matcher(page.body()).find()).isTrue();

        var other = WebSession.signedIn(port, "station2", PASSWORD).get("/units/329901P01");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).contains("找不到该页面").doesNotContain(nameOf("329901P01") + "</span>");
    }

    @Test
    void a_community_page_names_its_community_officers() {
        var community = jdbc.sql("SELECT c.community_code FROM jurisdiction.community_officer c"
                        + " JOIN jurisdiction.unit u ON u.code = c.community_code WHERE u.station_code = '329901P01'"
                        + " ORDER BY 1 LIMIT 1")
                .query(String.class)
                .single();
        var page = WebSession.signedIn(port, "station", PASSWORD).get("/units/" + community);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("社区民警");
    }

    @Test
    void the_duty_page_shows_who_is_on_duty_at_each_station_in_scope() {
        var page = WebSession.signedIn(port, "district", PASSWORD).get("/duty");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("当前值班", "未来七天", nameOf("329901P01"), "08:30")
                .doesNotContain("329902P");
        assertThat(MASKED_PHONE.matcher(page.body()).find()).isTrue();
    }

    @Test
    void the_auditor_reads_the_trail_and_verifies_the_chain() {
        var auditor = WebSession.signedIn(port, "auditor", PASSWORD);

        var page = auditor.get("/audit");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("审计链校验", "登录", "auditor");

        var verification = auditor.get("/audit/verify", "HX-Request", "true");
        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.body()).contains("审计链完整").doesNotContain("<html");
    }

    @Test
    void a_broken_chain_is_shown_in_red_with_the_first_broken_entry_and_why() {
        var victim = audit.record("web-test", "TEST", "case", "tampered", "original");
        var auditor = WebSession.signedIn(port, "auditor", PASSWORD);
        try {
            AuditTampering.rewriteDetail(jdbc, victim.seq(), "forged");
            var verification =
                    auditor.get("/audit/verify", "HX-Request", "true").body();
            assertThat(verification)
                    .contains("verify-broken", "审计链在第 " + victim.seq() + " 条记录处断开", "记录内容与其哈希不符")
                    .doesNotContain("审计链完整");
        } finally {
            AuditTampering.rewriteDetail(
                    jdbc, victim.seq(), "original"); // the context is shared: leave the chain whole
        }
        assertThat(auditor.get("/audit/verify", "HX-Request", "true").body()).contains("审计链完整");
    }
}
