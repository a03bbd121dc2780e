package io.purseguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.PurseguardTest;
import io.purseguard.identity.UserAccounts;
import io.purseguard.notification.Notice;
import io.purseguard.notification.Notice.Audience;
import io.purseguard.notification.Notice.Urgency;
import io.purseguard.notification.Notifications;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 通知: the inbox page, the header's bell and its badge, opening a notice (read, then where it points),
 * "mark all read", and the SMS simulator page for the administrator and the city center.
 */
@PurseguardTest
class NotificationPagesTest {

    static final String PASSWORD = "demo123";
    static final Pattern UNREAD = Pattern.compile("data-unread=\"(\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Notifications notifications;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private UUID gridStaffId() {
        return accounts.caller("grid").orElseThrow().staffId();
    }

    private UUID idOf(String title) {
        return jdbc.sql("SELECT id FROM notification.notice WHERE title_zh = :t")
                .param("t", title)
                .query(UUID.class)
                .single();
    }

    private static long badge(WebSession session) {
        var fragment = session.get("/notifications/badge", "HX-Request", "true");
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).contains("id=\"notification-badge\"").doesNotContain("<html");
        var matcher = UNREAD.matcher(fragment.body());
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    @Test
    void every_page_has_the_bell_which_loads_its_count_with_htmx() {
        var home = WebSession.signedIn(port, "station", PASSWORD).get("/").body();
        assertThat(home)
                .contains(
                        "id=\"notification-badge\"",
                        "hx-get=\"/notifications/badge\"",
                        "hx-trigger=\"load, every 30s\"")
                .contains("href=\"/notifications\"");
        var login = WebSession.anonymous(port).get("/login").body();
        assertThat(login).doesNotContain("notification-badge");
    }

    @Test
    void a_staff_members_notice_is_in_their_inbox_unread_and_opening_it_reads_it_and_follows_its_link() {
        var grid = WebSession.signedIn(port, "grid", PASSWORD);
        var title = unique("新的劝阻任务");
        notifications.send(new Notice(
                Audience.STAFF,
                gridStaffId().toString(),
                Urgency.ROUTINE,
                title,
                title + " (en)",
                "请尽快联系当事人。",
                "Call them soon.",
                "/warnings"));
        var id = idOf(title);
        long before = badge(grid);
        assertThat(before).isPositive();

        var page = grid.get("/notifications");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains(title, "请尽快联系当事人。", "全部标为已读", "发给本人")
                .contains("id=\"notice-" + id + "\" data-read=\"false\"")
                .containsPattern("class=\"card inbox-item unread\"\\s+id=\"notice-" + id);

        var opened = grid.get("/notifications/" + id);
        assertThat(opened.status()).isEqualTo(302);
        assertThat(opened.location()).endsWith("/warnings");
        assertThat(grid.get("/notifications").body()).contains("id=\"notice-" + id + "\" data-read=\"true\"");
        assertThat(badge(grid)).isEqualTo(before - 1);

        // someone else's notice is not there for them
        var station2 = WebSession.signedIn(port, "station2", PASSWORD);
        assertThat(station2.get("/notifications/" + id).status()).isEqualTo(404);
        assertThat(station2.get("/notifications").body()).doesNotContain(title);
    }

    @Test
    void mark_all_read_clears_the_badge_and_says_how_many() {
        var station = WebSession.signedIn(port, "station", PASSWORD);
        var title = unique("派出所通知");
        notifications.send(
                new Notice(Audience.UNIT, "329901P01", Urgency.URGENT, title, "Station notice", null, null, null));
        long unread = badge(station);
        assertThat(unread).isPositive();
        var page = station.get("/notifications");
        assertThat(page.body()).contains(title, "紧急", "发给本单位");

        var marked = station.post("/notifications/read-all", Map.of("_csrf", WebSession.csrfOf(page)));
        assertThat(marked.status()).isEqualTo(302);
        assertThat(marked.location()).endsWith("/notifications");
        var after = station.get("/notifications").body();
        assertThat(after).contains("已将 " + unread + " 条通知标为已读。").doesNotContain("id=\"mark-all-read\"");
        assertThat(badge(station)).isZero();
        assertThat(station.get("/notifications/badge").body()).doesNotContain("class=\"pill\"");
    }

    @Test
    void a_single_notice_is_marked_read_with_its_button_and_the_page_reads_in_english() {
        var username = "district";
        var session = WebSession.signedIn(port, username, PASSWORD);
        var title = unique("分局通知");
        notifications.send(
                new Notice(Audience.USER, username, Urgency.ROUTINE, title, "District notice", null, null, null));
        var id = idOf(title);
        var page = session.get("/notifications");

        var read = session.post("/notifications/" + id + "/read", Map.of("_csrf", WebSession.csrfOf(page)));
        assertThat(read.status()).isEqualTo(302);
        assertThat(session.get("/notifications").body()).contains("id=\"notice-" + id + "\" data-read=\"true\"");
        var stranger =
                session.post("/notifications/" + UUID.randomUUID() + "/read", Map.of("_csrf", WebSession.csrfOf(page)));
        assertThat(stranger.status()).isEqualTo(404);

        var english = session.get("/notifications?lang=en").body();
        assertThat(english).contains("Notifications", "District notice", "Newest first", "To your account");
    }

    @Test
    void the_sms_simulator_page_is_for_the_administrator_and_the_city_center() {
        for (var username : new String[] {"admin", "center"}) {
            var session = WebSession.signedIn(port, username, PASSWORD);
            var page = session.get("/simulators/sms");
            assertThat(page.status()).as(username).isEqualTo(200);
            assertThat(page.body()).as(username).contains("短信模拟器", "未配置短信网关");
            assertThat(session.get("/notifications").body()).as(username).contains("href=\"/simulators/sms\"");
        }
        for (var username : new String[] {"station", "grid", "auditor"}) {
            var session = WebSession.signedIn(port, username, PASSWORD);
            assertThat(session.get("/simulators/sms").status()).as(username).isEqualTo(403);
            assertThat(session.get("/notifications").body()).as(username).doesNotContain("/simulators/sms");
        }
        assertThat(WebSession.anonymous(port).get("/simulators/sms").status()).isEqualTo(302);
    }

    @Test
    void a_texted_notice_shows_on_the_simulator_page_with_the_number_masked() {
        var title = unique("紧急劝阻");
        notifications.send(new Notice(
                Audience.STAFF, gridStaffId().toString(), Urgency.URGENT, title, "Urgent", "马上联系", "Now", null));
        var phone = jdbc.sql("SELECT phone FROM jurisdiction.staff WHERE id = :id")
                .param("id", gridStaffId())
                .query(String.class)
                .single();
        var center = WebSession.signedIn(port, "center", PASSWORD);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(center.get("/simulators/sms").body()).contains(title));
        var page = center.get("/simulators/sms").body();
        assertThat(page)
                .contains("【钱袋子守护】" + title + "：马上联系")
                .contains(phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4))
                .doesNotContain(phone);
    }
}
