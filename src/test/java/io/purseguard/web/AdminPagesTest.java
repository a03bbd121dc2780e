package io.purseguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.PurseguardTest;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 管理: the administrator creates, disables and re-enables users, resets passwords, issues and revokes
 * API tokens; nobody else may. Every user and token here has a name of its own (the database is
 * shared) and the demo accounts are left alone.
 */
@PurseguardTest
class AdminPagesTest {

    static final String DEMO_PASSWORD = "demo123";
    static final String STATION2 = "329901P02";
    static final Pattern RESIDENT_COUNT = Pattern.compile("id=\"resident-count\">([^<]+)<");
    static final Pattern ISSUED_TOKEN = Pattern.compile("id=\"issued-token\"[^>]*value=\"(pg_[^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private WebSession admin() {
        return WebSession.signedIn(port, "admin", DEMO_PASSWORD);
    }

    /** Posts a form of an admin page with the page's CSRF token, as the browser would. */
    private static WebSession.Page submit(WebSession session, String page, String action, Map<String, String> fields) {
        var form = new HashMap<>(fields);
        form.put("_csrf", WebSession.csrfOf(session.get(page)));
        return session.post(action, form);
    }

    private WebSession.Page createUser(
            WebSession admin, String username, String password, String role, String scopeCode) {
        return submit(
                admin,
                "/admin/users",
                "/admin/users",
                Map.of(
                        "username", username,
                        "displayName", "测试用户 " + username,
                        "password", password,
                        "role", role,
                        "scopeCode", scopeCode));
    }

    private long users(String username) {
        return jdbc.sql("SELECT count(*) FROM identity.app_user WHERE username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    private long audited(String action, String targetId) {
        return jdbc.sql("SELECT count(*) FROM identity.audit_entry WHERE actor = 'admin' AND action = :action"
                        + " AND target_id = :target")
                .param("action", action)
                .param("target", targetId)
                .query(Long.class)
                .single();
    }

    private String gridOf(String station) {
        return jdbc.sql("SELECT code FROM jurisdiction.unit WHERE kind = 'GRID' AND station_code = :s ORDER BY code"
                        + " LIMIT 1")
                .param("s", station)
                .query(String.class)
                .single();
    }

    @Test
    void the_administrator_creates_a_station_officer_who_signs_in_and_sees_only_that_station() {
        var admin = admin();
        var username = unique("wc");

        var created = createUser(admin, username, "first-pass-1", "STATION_OFFICER", " 329901p02 ");
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).endsWith("/admin/users");
        var list = admin.get("/admin/users");
        assertThat(list.body())
                .contains("已创建用户 " + username + "。", "data-username=\"" + username + "\"", STATION2)
                .doesNotContain("first-pass-1");
        assertThat(audited("USER_CREATED", username)).isEqualTo(1);

        var officer = WebSession.signedIn(port, username, "first-pass-1");
        var home = officer.get("/").body();
        long inStation = jdbc.sql("SELECT count(*) FROM residents.resident WHERE station_code = :s")
                .param("s", STATION2)
                .query(Long.class)
                .single();
        var shown = RESIDENT_COUNT.matcher(home);
        assertThat(shown.find()).isTrue();
        assertThat(shown.group(1))
                .isEqualTo(NumberFormat.getIntegerInstance(Locale.SIMPLIFIED_CHINESE)
                        .format(inStation));
        assertThat(home).doesNotContain(">管理</a>");
        assertThat(officer.get("/units/329901P01").status()).isEqualTo(404);
    }

    @Test
    void a_grid_code_for_a_station_officer_is_refused_next_to_the_field_and_nothing_is_saved() {
        var admin = admin();
        var username = unique("wrong-scope");
        var grid = gridOf(STATION2);

        var refused = createUser(admin, username, "long-enough-1", "STATION_OFFICER", grid);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .contains("未保存", "id=\"scopeCode-error\"", grid + " 是网格，该角色须填写派出所代码")
                .contains("value=\"" + username + "\""); // what was typed is kept
        assertThat(users(username)).isZero();
        assertThat(audited("USER_CREATED", username)).isZero();

        var unknown = createUser(admin, username, "short", "GRID_WORKER", "329901999");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("没有代码为 329901999 的单位", "密码须至少 8 个字符");
        var missing = createUser(admin, username, "long-enough-1", "DISTRICT_CENTER", "");
        assertThat(missing.body()).contains("该角色须填写分局（区）代码");
        var needless = createUser(admin, username, "long-enough-1", "AUDITOR", STATION2);
        assertThat(needless.body()).contains("该角色不看人员信息，不填辖区");
        var forged = createUser(admin, username, "long-enough-1", "KING", "");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("请从列表中选择角色").doesNotContain("Failed to convert");
        var taken = createUser(admin, "station", "long-enough-1", "STATION_OFFICER", STATION2);
        assertThat(taken.body()).contains("该用户名已被使用");
        assertThat(users(username)).isZero();
    }

    @Test
    void a_disabled_user_cannot_sign_in_until_enabled_again() {
        var admin = admin();
        var username = unique("leaver");
        assertThat(createUser(admin, username, "leaver-pass-1", "GRID_WORKER", gridOf(STATION2))
                        .status())
                .isEqualTo(302);
        assertThat(WebSession.canSignIn(port, username, "leaver-pass-1")).isTrue();

        var disabled = submit(admin, "/admin/users", "/admin/users/" + username + "/disable", Map.of());
        assertThat(disabled.status()).isEqualTo(302);
        assertThat(admin.get("/admin/users").body()).contains("已停用用户 " + username);
        assertThat(WebSession.canSignIn(port, username, "leaver-pass-1")).isFalse();
        assertThat(audited("USER_DISABLED", username)).isEqualTo(1);

        submit(admin, "/admin/users", "/admin/users/" + username + "/enable", Map.of());
        assertThat(WebSession.canSignIn(port, username, "leaver-pass-1")).isTrue();
        assertThat(audited("USER_ENABLED", username)).isEqualTo(1);
    }

    @Test
    void a_reset_password_replaces_the_old_one_and_a_short_one_is_refused() {
        var admin = admin();
        var username = unique("forgetful");
        createUser(admin, username, "old-password-1", "AUDITOR", "");

        var tooShort =
                submit(admin, "/admin/users", "/admin/users/" + username + "/password", Map.of("password", "short"));
        assertThat(tooShort.status()).isEqualTo(302);
        assertThat(admin.get("/admin/users").body()).contains("未重置 " + username + " 的密码");
        assertThat(WebSession.canSignIn(port, username, "old-password-1")).isTrue();

        submit(admin, "/admin/users", "/admin/users/" + username + "/password", Map.of("password", "new-password-2"));
        assertThat(admin.get("/admin/users").body()).contains("已重置 " + username + " 的密码");
        assertThat(WebSession.canSignIn(port, username, "old-password-1")).isFalse();
        assertThat(WebSession.canSignIn(port, username, "new-password-2")).isTrue();
        assertThat(audited("PASSWORD_RESET", username)).isEqualTo(1);
    }

    @Test
    void the_administrator_cannot_disable_their_own_account() {
        var admin = admin();
        submit(admin, "/admin/users", "/admin/users/admin/disable", Map.of());
        assertThat(admin.get("/admin/users").body()).contains("不能停用自己的账号");
        assertThat(WebSession.canSignIn(port, "admin", DEMO_PASSWORD)).isTrue();
    }

    @Test
    void a_token_issued_on_the_page_is_shown_once_works_and_stops_working_when_revoked() {
        var admin = admin();
        var name = unique("bank-gateway");

        var issued = submit(
                admin,
                "/admin/tokens",
                "/admin/tokens",
                Map.of("name", name, "role", "STATION_OFFICER", "scopeCode", STATION2));
        assertThat(issued.status()).isEqualTo(302);
        var first = admin.get("/admin/tokens").body();
        var matcher = ISSUED_TOKEN.matcher(first);
        assertThat(matcher.find()).as("the token on the page after issuing").isTrue();
        var token = matcher.group(1);
        var hash = jdbc.sql("SELECT token_hash FROM identity.api_token WHERE name = :n")
                .param("n", name)
                .query(String.class)
                .single();
        assertThat(first).contains("已签发令牌“" + name + "”", "只显示这一次").doesNotContain(hash);
        assertThat(admin.get("/admin/tokens").body()).contains(name).doesNotContain(token, hash);

        var api = WebSession.anonymous(port);
        assertThat(api.get("/api/v1/units", "Authorization", "Bearer " + token, "Accept", "application/json")
                        .body())
                .contains(STATION2)
                .doesNotContain("329901P01");

        var id = jdbc.sql("SELECT id::text FROM identity.api_token WHERE name = :n")
                .param("n", name)
                .query(String.class)
                .single();
        assertThat(submit(admin, "/admin/tokens", "/admin/tokens/" + id + "/revoke", Map.of())
                        .status())
                .isEqualTo(302);
        assertThat(admin.get("/admin/tokens").body()).contains("已吊销令牌“" + name + "”");
        assertThat(api.get("/api/v1/units", "Authorization", "Bearer " + token, "Accept", "application/json")
                        .status())
                .isEqualTo(401);
        assertThat(audited("TOKEN_ISSUED", id)).isEqualTo(1);
        assertThat(audited("TOKEN_REVOKED", id)).isEqualTo(1);
    }

    @Test
    void the_audit_page_names_the_administrators_actions() {
        var admin = admin();
        var username = unique("audited");
        createUser(admin, username, "audited-pass-1", "BANK_LIAISON", "");
        var page = WebSession.signedIn(port, "auditor", DEMO_PASSWORD)
                .get("/audit")
                .body();
        assertThat(page).contains("创建用户", username);
    }

    @Test
    void the_administrator_has_the_navigation_link_and_home_points_to_both_pages() {
        var admin = admin();
        var home = admin.get("/").body();
        assertThat(home).contains(">管理</a>", "href=\"/admin/users\"", "href=\"/admin/tokens\"");
        var users = admin.get("/admin/users");
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.body()).contains("<a href=\"/admin/users\" class=\"active\">管理</a>");
    }

    @Test
    void nobody_but_the_administrator_may_open_the_pages_or_the_api() {
        for (var username : new String[] {"center", "station", "auditor"}) {
            var session = WebSession.signedIn(port, username, DEMO_PASSWORD);
            assertThat(session.get("/admin/users").status()).as(username).isEqualTo(403);
            assertThat(session.get("/admin/tokens").status()).as(username).isEqualTo(403);
            assertThat(session.get("/").body()).as(username).doesNotContain(">管理</a>");
            var api = session.get("/api/v1/admin/users", "Accept", "application/json");
            assertThat(api.status()).as(username).isEqualTo(403);
            assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        }
        var station = WebSession.signedIn(port, "station", DEMO_PASSWORD);
        var username = unique("sneaky");
        var post = submit(
                station,
                "/",
                "/admin/users",
                Map.of(
                        "username",
                        username,
                        "displayName",
                        "x",
                        "password",
                        "long-enough-1",
                        "role",
                        "ADMIN",
                        "scopeCode",
                        ""));
        assertThat(post.status()).isEqualTo(403);
        assertThat(users(username)).isZero();
    }
}
