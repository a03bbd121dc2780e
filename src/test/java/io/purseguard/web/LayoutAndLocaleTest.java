package io.purseguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.PurseguardTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Chinese first, English on request; a header and navigation that follow the role; error pages. */
@PurseguardTest
class LayoutAndLocaleTest {

    static final String PASSWORD = "demo123";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void pages_are_chinese_by_default_whatever_the_browser_says() {
        var center = WebSession.signedIn(port, "center", PASSWORD);

        var home = center.get("/", "Accept-Language", "en-US,en;q=0.9");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body())
                .contains("<html lang=\"zh-CN\"", "钱袋子守护", "实有人口", "退出", "市反诈中心", "澄川市")
                .doesNotContain("Sign out", "??");
    }

    @Test
    void lang_en_switches_to_english_and_is_remembered_until_switched_back() {
        var center = WebSession.signedIn(port, "center", PASSWORD);

        assertThat(center.get("/?lang=en").body())
                .contains("<html lang=\"en\"", "Residents", "Sign out", "City anti-fraud center")
                .doesNotContain("退出", "??");
        assertThat(center.get("/units").body()).contains("Police view", "Administrative view");
        assertThat(center.get("/?lang=zh-CN").body()).contains("<html lang=\"zh-CN\"", "退出");
        assertThat(center.get("/units").body()).contains("公安视图");
    }

    @Test
    void the_sign_in_page_is_chinese_and_shows_the_demo_accounts_in_demo_mode() {
        var visitor = WebSession.anonymous(port);

        assertThat(visitor.get("/login").body()).contains("登录", "用户名", "密码", "演示账号", "center", "station2", "demo123");
        assertThat(visitor.get("/login?error").body()).contains("用户名或密码不正确");
        assertThat(visitor.get("/login?logout").body()).contains("您已安全退出");
        assertThat(visitor.get("/login?lang=en").body()).contains("Sign in", "Demo accounts");
        assertThat(visitor.get("/residents").location()).endsWith("/login");
    }

    @Test
    void while_the_demo_city_is_being_generated_the_sign_in_page_says_so_until_it_is_done() {
        var visitor = WebSession.anonymous(port);
        assertThat(visitor.get("/login").body()).doesNotContain("demo-status");

        DemoCityPending.during(jdbc, () -> {
            assertThat(visitor.get("/login").body())
                    .contains("id=\"demo-status\"", "演示城市正在首次生成", "hx-trigger=\"every 3s\"");
            assertThat(visitor.get("/login?lang=en").body()).contains("The demo city is being generated");
        });
        assertThat(visitor.get("/login").body()).doesNotContain("demo-status");
    }

    @Test
    void the_header_names_the_caller_and_the_navigation_follows_the_role() {
        var station = WebSession.signedIn(port, "station", PASSWORD).get("/").body();
        assertThat(station).contains("青石派出所民警", "派出所民警", "青石派出所");
        assertThat(station)
                .contains("href=\"/units\"", "href=\"/residents\"", "href=\"/duty\"")
                .doesNotContain("href=\"/audit\"");

        var grid = WebSession.signedIn(port, "grid", PASSWORD).get("/").body();
        assertThat(grid)
                .contains("href=\"/units\"", "href=\"/residents\"")
                .doesNotContain("href=\"/duty\"", "href=\"/audit\"");

        var auditor = WebSession.signedIn(port, "auditor", PASSWORD).get("/").body();
        assertThat(auditor).contains("href=\"/audit\"").doesNotContain("href=\"/units\"", "href=\"/residents\"");

        var bank = WebSession.signedIn(port, "bank", PASSWORD).get("/").body();
        assertThat(bank).contains("银行联络员").doesNotContain("href=\"/units\"", "href=\"/residents\"", "href=\"/audit\"");
    }

    @Test
    void sign_out_is_a_post_and_ends_the_session() {
        var center = WebSession.signedIn(port, "center", PASSWORD);
        var home = center.get("/");

        var out = center.post("/logout", java.util.Map.of("_csrf", WebSession.csrfOf(home)));
        assertThat(out.location()).endsWith("/login?logout");
        assertThat(center.get("/").location()).endsWith("/login");
    }

    @Test
    void forbidden_and_missing_pages_are_html_in_the_layout() {
        var center = WebSession.signedIn(port, "center", PASSWORD);

        var audit = center.get("/audit");
        assertThat(audit.status()).isEqualTo(403);
        assertThat(audit.header("Content-Type")).startsWith("text/html");
        assertThat(audit.body()).contains("无权访问", "退出");

        var missing = center.get("/no-such-page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("text/html");
        assertThat(missing.body()).contains("找不到该页面");

        var bank = WebSession.signedIn(port, "bank", PASSWORD);
        assertThat(bank.get("/residents").status()).isEqualTo(403);
        assertThat(bank.get("/units").status()).isEqualTo(403);
        assertThat(bank.get("/duty").status()).isEqualTo(403);
    }
}
