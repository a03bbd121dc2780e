package io.purseguard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.purseguard.PurseguardTest;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a person walks through, in Debian's Chromium: the city center signs in, opens the tree,
 * finds a resident (masked) and signs out; the grid worker, on a phone, finds only the people of
 * their own grid, not the resident the center just looked at, and the page fits the screen.
 *
 * <p>Set {@code -Dpurseguard.shots=/tmp/shots} to keep screenshots of the pages walked through.
 */
@PurseguardTest
class BrowserFlowTest extends ChromiumTest {

    static final String GRID = "32990110120101";
    static final Pattern MASKED_ID = Pattern.compile("\\d{4}\\*{10}[\\dX]{4}");

    @Autowired
    JdbcClient jdbc;

    record Person(String name, String idNumber) {}

    @Test
    void on_the_first_start_the_sign_in_page_waits_for_the_demo_city_and_then_the_center_signs_in() {
        try (var desk = browser.newContext()) {
            var page = desk.newPage();
            var status = page.locator("#demo-status");
            DemoCityPending.during(jdbc, () -> {
                page.navigate(base() + "/login");
                assertThat(status).containsText("演示城市正在首次生成");
            });
            // the page checks again by itself, and the notice goes once the accounts are there
            assertThat(status).hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(10_000));
            HeadlessChromium.submitSignIn(page, "center");
            assertThat(page.locator("header")).containsText("市反诈中心");
        }
    }

    @Test
    void the_center_finds_a_masked_resident_and_the_grid_worker_on_a_phone_sees_only_their_grid() {
        // someone who lives in the same community but another grid: near, and still not the grid worker's
        var neighbour = jdbc.sql("SELECT name, id_number FROM residents.resident WHERE grid_code <> :grid"
                        + " AND community_code = :community ORDER BY id LIMIT 1")
                .param("grid", GRID)
                .param("community", GRID.substring(0, 12))
                .query(Person.class)
                .single();
        String neighbourPage;

        try (var desk = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860))) {
            var page = desk.newPage();
            signIn(page, "center");
            assertThat(page.locator("header")).containsText("市反诈中心");
            chromium.shoot(page, "home");

            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("辖区").setExact(true))
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*/units$"));
            assertThat(page.locator(".tree")).containsText("澄川市");
            chromium.shoot(page, "tree");

            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("实有人口").setExact(true))
                    .click();
            page.getByLabel("姓名、证件号或电话").fill(neighbour.idNumber());
            page.getByLabel("姓名、证件号或电话").press("Enter");
            var results = page.locator("#results");
            assertThat(results).containsText("共 1 人");
            var row = results.locator("tr.resident");
            assertThat(row).hasCount(1);
            assertThat(row.locator(".id-number")).hasText(MASKED_ID);
            Assertions.assertThat(results.innerText()).doesNotContain(neighbour.idNumber());
            assertThat(page).hasURL(Pattern.compile(".*/residents\\?q=.*")); // htmx pushed the search
            chromium.shoot(page, "search");

            row.getByRole(AriaRole.LINK).click();
            assertThat(page.locator("h1")).hasText(neighbour.name());
            assertThat(page.locator("#contact .id-number")).hasText(MASKED_ID);
            neighbourPage = page.url();
            chromium.shoot(page, "resident");

            page.getByLabel("查看事由").selectOption("IDENTITY_CHECK");
            page.getByLabel("说明（选“其他”时必填）").fill("浏览器测试");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("显示完整信息"))
                    .click();
            assertThat(page.locator("#contact .id-number-full")).hasText(neighbour.idNumber());
            chromium.shoot(page, "revealed");

            page.navigate(base() + "/duty");
            assertThat(page.locator("main")).containsText("当前值班");
            chromium.shoot(page, "duty");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出"))
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*/login\\?logout$"));
            assertThat(page.locator("main")).containsText("您已安全退出");
        }

        try (var phone = browser.newContext(HeadlessChromium.phone(375, 812, 2))) {
            var page = phone.newPage();
            signIn(page, "grid");
            HeadlessChromium.fitsTheScreen(page);
            chromium.shoot(page, "phone-home");

            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("实有人口").setExact(true))
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*/residents$"));
            var gridName = jdbc.sql("SELECT name FROM jurisdiction.unit WHERE code = :grid")
                    .param("grid", GRID)
                    .query(String.class)
                    .single();
            var rows = page.locator("#results tr.resident");
            assertThat(rows.first()).isVisible();
            for (var cell : page.locator("#results tr.resident td:last-child").all()) {
                assertThat(cell).hasText(gridName);
            }
            assertThat(rows.first().locator(".id-number")).hasText(MASKED_ID);
            HeadlessChromium.fitsTheScreen(page);
            chromium.shoot(page, "phone-search");

            rows.first().getByRole(AriaRole.LINK).click();
            assertThat(page).hasURL(Pattern.compile(".*/residents/[0-9a-f-]{36}$"));
            assertThat(page.locator("#contact .id-number")).hasText(MASKED_ID);
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("显示完整信息")))
                    .hasCount(0);
            HeadlessChromium.fitsTheScreen(page);
            chromium.shoot(page, "phone-resident");

            page.goBack();
            page.getByLabel("姓名、证件号或电话").fill(neighbour.idNumber());
            page.getByLabel("姓名、证件号或电话").press("Enter");
            assertThat(page.locator("#results")).containsText("共 0 人");

            var response = page.navigate(neighbourPage);
            Assertions.assertThat(response.status()).isEqualTo(404);
            assertThat(page.locator("main")).containsText("找不到该页面");
            Assertions.assertThat(page.content()).doesNotContain(neighbour.name());
            HeadlessChromium.fitsTheScreen(page);
        }
    }

    @Test
    void the_auditor_verifies_the_chain_with_one_click() {
        try (var desk = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860))) {
            var page = desk.newPage();
            signIn(page, "auditor");
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("审计").setExact(true))
                    .click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("校验审计链"))
                    .click();
            assertThat(page.locator("#verification")).containsText("审计链完整");
            chromium.shoot(page, "audit");
        }
    }

    @Test
    void pages_switch_to_english_and_back() {
        try (BrowserContext desk = browser.newContext()) {
            var page = desk.newPage();
            signIn(page, "station");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English"))
                    .click();
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("nav.nav")).containsText("Residents");
            chromium.shoot(page, "home-en");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("中文"))
                    .click();
            assertThat(page.locator("nav.nav")).containsText("实有人口");
        }
    }

    /** Signs in as every browser test does, and checks the way there: to the form and back home. */
    @Override
    void signIn(Page page, String username) {
        page.navigate(base() + "/");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        HeadlessChromium.submitSignIn(page, username);
        // Spring Security marks the saved request it returns to with ?continue
        assertThat(page).hasURL(Pattern.compile(".*/(\\?continue)?$"));
        assertThat(page.locator("h1")).containsText("您好");
    }
}
