package io.purseguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.purseguard.PurseguardTest;
import io.purseguard.warning.ClueKind;
import io.purseguard.warning.FraudType;
import io.purseguard.warning.RuleSets;
import io.purseguard.warning.TriageParameters;
import io.purseguard.warning.WarningLevel;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 分级规则 page over real HTTP: anyone signed in reads the rules in force; the administrator publishes
 * the next version from the form (in force at once, audited, its changes in the history); a wrong
 * value is shown again next to its field with nothing published; nobody else may publish; on a
 * phone the form's fields stack and nothing is wider than the screen. The rules are shared by every
 * test in the context, so the defaults are published back after each test.
 */
@PurseguardTest
class TriageRulesPagesTest {

    static final String PASSWORD = "demo123";
    static final Pattern BASE_VERSION = Pattern.compile("name=\"baseVersion\" value=\"(\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired
    RuleSets ruleSets;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void restoreDefaults() {
        ruleSets.publish(TriageParameters.DEFAULTS, "test-restore"); // the context and database are shared
    }

    /** The form fields for {@code p}, as the page's form would send them. */
    private static Map<String, String> fields(TriageParameters p, int baseVersion) {
        var form = new LinkedHashMap<String, String>();
        form.put("baseVersion", Integer.toString(baseVersion));
        p.kindLevels().forEach((kind, level) -> form.put("kindLevels." + kind.name(), level.name()));
        form.put("criticalAmount", p.criticalAmount().toPlainString());
        form.put("highAmount", p.highAmount().toPlainString());
        form.put("freshTransferHours", Integer.toString(p.freshTransferHours()));
        form.put("elderlyAge", Integer.toString(p.elderlyAge()));
        form.put("minorAge", Integer.toString(p.minorAge()));
        form.put("repeatWindowDays", Integer.toString(p.repeatWindowDays()));
        return form;
    }

    /**
     * Posts the form with the page's CSRF token. WebSession sends one value per name, so the fraud
     * types (checkboxes) travel in the query string, where Spring reads repeated parameters too.
     */
    private static WebSession.Page submit(WebSession session, Map<String, String> fields, List<FraudType> fraudTypes) {
        var form = new HashMap<>(fields);
        form.put("_csrf", WebSession.csrfOf(session.get("/triage/rules")));
        var query = new StringBuilder();
        for (var type : fraudTypes) {
            query.append(query.isEmpty() ? "?" : "&").append("riskyFraudTypes=").append(type.name());
        }
        return session.post("/triage/rules" + query, form);
    }

    private long audited(String targetId) {
        return jdbc.sql("SELECT count(*) FROM identity.audit_entry WHERE actor = 'admin'"
                        + " AND action = 'TRIAGE_RULES_PUBLISHED' AND target_type = 'rule_set' AND target_id = :id")
                .param("id", targetId)
                .query(Long.class)
                .single();
    }

    private String auditDetail(String targetId) {
        return jdbc.sql("SELECT detail FROM identity.audit_entry WHERE action = 'TRIAGE_RULES_PUBLISHED'"
                        + " AND target_id = :id ORDER BY seq DESC LIMIT 1")
                .param("id", targetId)
                .query(String.class)
                .single();
    }

    private long publishedAudits() {
        return jdbc.sql("SELECT count(*) FROM identity.audit_entry WHERE action = 'TRIAGE_RULES_PUBLISHED'")
                .query(Long.class)
                .single();
    }

    /** The history table's row for one version. */
    private static String historyRow(String page, int version) {
        var matcher = Pattern.compile("(?s)<tr class=\"version\" data-version=\"" + version + "\">(.*?)</tr>")
                .matcher(page);
        assertThat(matcher.find()).as("history row of version " + version).isTrue();
        return matcher.group(1);
    }

    @Test
    void a_station_officer_reads_the_rules_in_force_without_a_form() {
        var current = ruleSets.current();
        var station = WebSession.signedIn(port, "station", PASSWORD);
        var page = station.get("/triage/rules");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h1>分级规则</h1>")
                .contains("id=\"current-version\">" + current.version() + "<")
                .contains("id=\"current-by\">" + current.createdBy() + "<")
                .contains("规则只能由管理员修改")
                .contains(
                        "id=\"rule-kindBase\"",
                        "id=\"rule-largeAmount\"",
                        "id=\"rule-freshTransfer\"",
                        "id=\"rule-vulnerableAge\"",
                        "id=\"rule-riskyFraudType\"",
                        "id=\"rule-repeatWarning\"")
                .contains("涉及金额达到特危金额线的定为特危", "特危金额线（元）")
                .contains("data-field=\"criticalAmount\">"
                        + current.parameters().criticalAmount().toPlainString() + "<")
                .contains("data-field=\"elderlyAge\">" + current.parameters().elderlyAge() + "<")
                .contains("id=\"history\"", "data-version=\"" + current.version() + "\"")
                .doesNotContain("action=\"/triage/rules\"", "name=\"criticalAmount\"", "??", "triage.page.");
        // the navigation link is the administrator's
        assertThat(page.body()).doesNotContain("href=\"/triage/rules\"");

        var english = station.get("/triage/rules?lang=en").body();
        assertThat(english)
                .contains("Triage rules", "Critical amount line (yuan)", "Only the administrator may change the rules.")
                .doesNotContain("??", "triage.page.");
    }

    @Test
    void the_administrator_publishes_a_change_that_is_in_force_at_once_audited_and_in_the_history() {
        var before = ruleSets.current();
        var admin = WebSession.signedIn(port, "admin", PASSWORD);
        var page = admin.get("/triage/rules").body();
        assertThat(page)
                .contains("<a href=\"/triage/rules\" class=\"active\">分级规则</a>")
                .contains("action=\"/triage/rules\"", "name=\"criticalAmount\"")
                .doesNotContain("??", "triage.page.");
        var base = BASE_VERSION.matcher(page);
        assertThat(base.find()).isTrue();
        assertThat(Integer.parseInt(base.group(1))).isEqualTo(before.version());

        var fields = fields(before.parameters(), before.version());
        fields.put("criticalAmount", "30000");
        fields.put("kindLevels.SMS", "MEDIUM");
        var types = List.of(FraudType.FAKE_INVESTMENT, FraudType.IMPERSONATE_AUTHORITY, FraudType.GAME_TRADE);
        var reply = submit(admin, fields, types);
        assertThat(reply.status()).as(reply.body()).isEqualTo(302);
        assertThat(reply.location()).endsWith("/triage/rules");

        var now = ruleSets.current();
        assertThat(now.version()).isEqualTo(before.version() + 1);
        assertThat(now.createdBy()).isEqualTo("admin");
        assertThat(now.parameters().criticalAmount()).isEqualByComparingTo(new BigDecimal("30000"));
        assertThat(now.parameters().kindLevels()).containsEntry(ClueKind.SMS, WarningLevel.MEDIUM);
        assertThat(now.parameters().riskyFraudTypes()).containsExactlyInAnyOrderElementsOf(types);
        assertThat(now.parameters().highAmount())
                .isEqualByComparingTo(before.parameters().highAmount());

        var version = Integer.toString(now.version());
        assertThat(audited(version)).isEqualTo(1);
        assertThat(auditDetail(version))
                .contains("from v" + before.version())
                .contains("criticalAmount 50000 -> 30000")
                .contains("kindLevels.SMS LOW -> MEDIUM")
                .contains("riskyFraudTypes +[GAME_TRADE] -[ROMANCE]");

        var after = admin.get("/triage/rules").body();
        assertThat(after)
                .contains("版本 " + now.version() + " 已发布")
                .contains("id=\"current-version\">" + now.version() + "<")
                .contains("data-field=\"criticalAmount\">30000<");
        var row = historyRow(after, now.version());
        assertThat(row)
                .contains(">admin<")
                .contains("特危金额线（元）", ">50000</span> → <span class=\"num\">30000<")
                .contains("短信预警的起始等级", ">低危</span>", ">中危</span>")
                .contains("新增", "网络游戏产品虚假交易", "移除", "网络婚恋交友")
                .doesNotContain("高危金额线"); // unchanged fields are not listed
        // the notice is shown once
        assertThat(admin.get("/triage/rules").body()).doesNotContain("已发布");
    }

    @Test
    void a_wrong_value_is_shown_again_next_to_its_field_and_nothing_is_published() {
        var before = ruleSets.current();
        var audits = publishedAudits();
        var admin = WebSession.signedIn(port, "admin", PASSWORD);

        var fields = fields(before.parameters(), before.version());
        fields.put("criticalAmount", "9000"); // below the high line of 10000
        var refused = submit(admin, fields, before.parameters().riskyFraudTypes());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .contains("未发布：请按提示修改")
                .contains("id=\"criticalAmount-error\"", "特危金额线须不低于高危金额线")
                .containsPattern("name=\"criticalAmount\" value=\"9000\"[^>]*aria-invalid=\"true\"")
                .containsPattern("name=\"criticalAmount\"[^>]*autofocus") // the cursor goes to the wrong field
                .doesNotContain("id=\"highAmount-error\"");

        fields.put("criticalAmount", "50000");
        fields.put("elderlyAge", "sixty");
        fields.put("highAmount", "-5");
        var unreadable = submit(admin, fields, before.parameters().riskyFraudTypes());
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.body())
                .contains("id=\"elderlyAge-error\"", "请输入不小于 0 的整数", "value=\"sixty\"")
                .contains("id=\"highAmount-error\"", "请输入不小于 0 的金额")
                .doesNotContain("id=\"criticalAmount-error\"");

        assertThat(ruleSets.current().version()).isEqualTo(before.version());
        assertThat(publishedAudits()).isEqualTo(audits);
    }

    @Test
    void a_form_filled_in_against_an_older_version_publishes_nothing() {
        var admin = WebSession.signedIn(port, "admin", PASSWORD);
        var stale = ruleSets.current();
        ruleSets.publish(TriageParameters.DEFAULTS, "someone-else");
        var fields = fields(stale.parameters(), stale.version());
        fields.put("repeatWindowDays", "30");
        var reply = submit(admin, fields, stale.parameters().riskyFraudTypes());
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.body()).contains("规则已被他人更新为版本 " + (stale.version() + 1), "value=\"30\"");
        assertThat(ruleSets.current().version()).isEqualTo(stale.version() + 1);
        assertThat(ruleSets.current().parameters().repeatWindowDays()).isEqualTo(90);
    }

    @Test
    void publishing_the_rules_in_force_unchanged_makes_no_new_version() {
        var before = ruleSets.current();
        var audits = publishedAudits();
        var admin = WebSession.signedIn(port, "admin", PASSWORD);
        var fields = fields(before.parameters(), before.version());
        fields.put("criticalAmount", before.parameters().criticalAmount().toPlainString() + ".00"); // same value
        var reply = submit(admin, fields, before.parameters().riskyFraudTypes());
        assertThat(reply.status()).isEqualTo(302);
        assertThat(admin.get("/triage/rules").body()).contains("与现行版本 " + before.version() + " 相同，未发布新版本");
        assertThat(ruleSets.current().version()).isEqualTo(before.version());
        assertThat(publishedAudits()).isEqualTo(audits);
    }

    @Test
    void only_the_administrator_may_publish() {
        var before = ruleSets.current();
        var fields = fields(before.parameters(), before.version());
        fields.put("criticalAmount", "20000");
        for (var username : new String[] {"station", "center", "auditor"}) {
            var session = WebSession.signedIn(port, username, PASSWORD);
            assertThat(session.get("/triage/rules").status()).as(username).isEqualTo(200);
            var reply = submit(session, fields, before.parameters().riskyFraudTypes());
            assertThat(reply.status()).as(username).isEqualTo(403);
        }
        assertThat(ruleSets.current().version()).isEqualTo(before.version());
        assertThat(ruleSets.current().parameters().criticalAmount())
                .isEqualByComparingTo(before.parameters().criticalAmount());
        assertThat(WebSession.anonymous(port).get("/triage/rules").status()).isEqualTo(302); // to sign-in
    }

    @Test
    void on_a_phone_the_administrator_corrects_a_wrong_value_and_publishes() throws Exception {
        var before = ruleSets.current();
        try (var chromium = HeadlessChromium.launch();
                var phone = chromium.browser.newContext(HeadlessChromium.phone(375, 812, 2))) {
            var page = phone.newPage();
            page.navigate("http://127.0.0.1:" + port + "/");
            HeadlessChromium.submitSignIn(page, "admin");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("分级规则"))
                    .click();
            PlaywrightAssertions.assertThat(page.locator("h1")).hasText("分级规则");
            HeadlessChromium.fitsTheScreen(page);
            var critical = page.locator("#criticalAmount").boundingBox();
            var high = page.locator("#highAmount").boundingBox();
            assertThat(high.x).as("fields stack: same left edge").isEqualTo(critical.x);
            assertThat(high.y).as("fields stack: the second below the first").isGreaterThan(critical.y);
            chromium.shoot(page, "triage-rules-phone");

            page.locator("#criticalAmount").fill("9000");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布为新版本"))
                    .click();
            PlaywrightAssertions.assertThat(page.locator("#criticalAmount-error"))
                    .hasText("特危金额线须不低于高危金额线");
            PlaywrightAssertions.assertThat(page.locator("#criticalAmount")).hasValue("9000");
            HeadlessChromium.fitsTheScreen(page);
            chromium.shoot(page, "triage-rules-phone-error");
            assertThat(ruleSets.current().version()).isEqualTo(before.version());

            page.locator("#criticalAmount").fill("60000");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布为新版本"))
                    .click();
            PlaywrightAssertions.assertThat(page.locator("#notice")).hasText("版本 " + (before.version() + 1) + " 已发布");
            HeadlessChromium.fitsTheScreen(page);
            chromium.shoot(page, "triage-rules-phone-published");
        }
        assertThat(ruleSets.current().parameters().criticalAmount()).isEqualByComparingTo(new BigDecimal("60000"));
    }
}
