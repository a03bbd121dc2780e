package io.purseguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.PurseguardTest;
import io.purseguard.identity.ApiTokens;
import io.purseguard.identity.Role;
import io.purseguard.identity.UserAccounts;
import io.purseguard.scope.Scope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sign-in form under guessing, over real HTTP: five wrong passwords for an account (from five
 * addresses) or from an address (for five names) and the right password is refused with the
 * lock's message, until an administrator unlocks it by the API or the admin page. Each test takes
 * its own user and its own client addresses (as a proxy names them in {@code X-Forwarded-For}), so
 * nothing here locks another test out. The fifteen minutes are proven with a moved clock in
 * {@code SignInLocksTest}.
 */
@PurseguardTest
class SignInThrottlingTest {

    static final String PASSWORD = "right-pass-1";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    private static String id() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private String newUser() {
        var username = "thr-" + id();
        users.create(username, PASSWORD, "限流测试 " + username, Role.CITY_CENTER, Scope.city(), null);
        return username;
    }

    /** A documentation-range address (RFC 5737) no other test uses. */
    private static String address() {
        var r = UUID.randomUUID().getLeastSignificantBits();
        return "203.0." + Math.floorMod(r, 250) + "." + (1 + Math.floorMod(r >> 8, 250));
    }

    private WebSession.Page signIn(String username, String password, String from) {
        return WebSession.trySignIn(port, username, password, "X-Forwarded-For", from);
    }

    private long audited(String action, String target) {
        return jdbc.sql("SELECT count(*) FROM identity.audit_entry WHERE action = :a AND target_id = :t")
                .param("a", action)
                .param("t", target)
                .query(Long.class)
                .single();
    }

    @Test
    void five_wrong_passwords_lock_the_account_the_right_one_is_refused_and_an_admin_unlocks_it_by_the_api()
            throws Exception {
        var username = newUser();
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(username, "wrong-pass-" + i, address()).location())
                    .endsWith("/login?error");
        }

        var refused = signIn(username, PASSWORD, address());
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).endsWith("/login?locked");
        assertThat(WebSession.anonymous(port).get("/login?locked").body()).contains("登录失败次数过多");
        assertThat(WebSession.anonymous(port).get("/login?locked&lang=en").body())
                .contains("Too many failed sign-ins");
        assertThat(audited("SIGN_IN_LOCKED", username)).isEqualTo(1);
        assertThat(audited("SIGN_IN_REFUSED", username)).isEqualTo(1);

        var admin = tokens.issue("unlock-" + id(), Role.ADMIN, Scope.none());
        var http = HttpClient.newHttpClient();
        var unlock = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/admin/sign-in-locks/accounts/"
                                + username + "/unlock"))
                        .header("Authorization", "Bearer " + admin)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unlock.statusCode()).isEqualTo(204);
        assertThat(audited("SIGN_IN_UNLOCKED", username)).isEqualTo(1);

        assertThat(signIn(username, PASSWORD, address()).location()).doesNotContain("/login");
    }

    @Test
    void five_wrong_passwords_from_one_address_lock_it_for_everyone_until_an_admin_unlocks_it_on_the_users_page() {
        var from = address();
        for (int i = 0; i < 5; i++) {
            assertThat(signIn("nobody-" + id(), "wrong", from).location()).endsWith("/login?error");
        }
        var username = newUser();
        assertThat(signIn(username, PASSWORD, from).location()).endsWith("/login?locked");
        assertThat(signIn(username, PASSWORD, address()).location())
                .as("the same account from elsewhere")
                .doesNotContain("/login");

        var admin = WebSession.signedIn(port, "admin", "demo123");
        var page = admin.get("/admin/users");
        assertThat(page.body()).contains("登录锁定", "data-key=\"" + from + "\"");
        var form = new HashMap<>(Map.of("kind", "ADDRESS", "key", from));
        form.put("_csrf", WebSession.csrfOf(page));
        var unlocked = admin.post("/admin/sign-in-locks/unlock", form);
        assertThat(unlocked.status()).isEqualTo(302);
        assertThat(admin.get("/admin/users").body()).contains("已解除 " + from + " 的登录锁定");
        assertThat(audited("SIGN_IN_UNLOCKED", from)).isEqualTo(1);

        assertThat(signIn(username, PASSWORD, from).location()).doesNotContain("/login");
    }

    @Test
    void a_locked_account_shows_on_the_users_page_with_its_unlock_button() {
        var username = newUser();
        for (int i = 0; i < 5; i++) {
            signIn(username, "wrong-pass-" + i, address());
        }
        var body = WebSession.signedIn(port, "admin", "demo123")
                .get("/admin/users")
                .body();
        assertThat(body)
                .containsPattern("data-username=\"" + username + "\"(?s:.*?)登录锁定至(?s:.*?)name=\"key\" value=\""
                        + username + "\"");
    }
}
