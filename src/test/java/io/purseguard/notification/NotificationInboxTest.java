package io.purseguard.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.PurseguardTest;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.identity.UserAccounts;
import io.purseguard.notification.Notice.Audience;
import io.purseguard.notification.Notice.Urgency;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whose inbox a notice lands in (a unit's accounts, the staff member and their account, one user),
 * read and unread per account, and the JSON inbox. The database is shared, so every test addresses
 * units and users of its own (made-up codes and names) unless it is about the demo accounts, and
 * then looks for its own notices by their unique titles.
 */
@PurseguardTest
class NotificationInboxTest {

    @Autowired
    Notifications notifications;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Notice notice(Audience audience, String audienceId, String title) {
        return new Notice(
                audience, audienceId, Urgency.ROUTINE, title, title + " (en)", "正文 " + title, "Body " + title, null);
    }

    private static Caller officer(String username, String station) {
        return new Caller(username, username, Role.STATION_OFFICER, Scope.of(UnitKind.STATION, station));
    }

    private Caller demo(String username) {
        return accounts.caller(username).orElseThrow();
    }

    private static List<String> titles(InboxPage page) {
        return page.items().stream().map(InboxItem::titleZh).toList();
    }

    @Test
    void a_unit_notice_reaches_every_account_of_that_unit_and_no_other_unit() {
        var stationA = unique("STA");
        var stationB = unique("STB");
        var title = unique("派出所通知");
        notifications.send(notice(Audience.UNIT, stationA, title));

        var first = officer(unique("a1"), stationA);
        var second = officer(unique("a2"), stationA);
        var elsewhere = officer(unique("b1"), stationB);
        assertThat(titles(notifications.inbox(first, 0, 20))).containsExactly(title);
        assertThat(titles(notifications.inbox(second, 0, 20))).containsExactly(title);
        assertThat(notifications.inbox(elsewhere, 0, 20).items()).isEmpty();
        assertThat(notifications.unread(elsewhere)).isZero();
    }

    @Test
    void the_demo_stations_see_their_own_unit_notices_only() {
        var title = unique("青石派出所");
        notifications.send(notice(Audience.UNIT, "329901P01", title));

        assertThat(titles(notifications.inbox(demo("station"), 0, 100))).contains(title);
        assertThat(titles(notifications.inbox(demo("station2"), 0, 100))).doesNotContain(title);
        assertThat(titles(notifications.inbox(demo("district"), 0, 100))).doesNotContain(title);
    }

    @Test
    void a_staff_notice_reaches_the_account_linked_to_that_staff_member() {
        var grid = demo("grid");
        assertThat(grid.staffId()).as("the grid demo account is a staff member").isNotNull();
        var title = unique("网格员通知");
        // upper case on purpose: staff ids are matched whatever case the sender printed them in
        notifications.send(notice(Audience.STAFF, grid.staffId().toString().toUpperCase(Locale.ROOT), title));

        assertThat(titles(notifications.inbox(grid, 0, 100))).contains(title);
        // the same unit's scope, another person: not theirs
        var colleague = new Caller(unique("colleague"), "同网格", Role.GRID_WORKER, grid.scope(), UUID.randomUUID());
        assertThat(titles(notifications.inbox(colleague, 0, 100))).doesNotContain(title);
        assertThat(titles(notifications.inbox(demo("station"), 0, 100))).doesNotContain(title);
    }

    @Test
    void a_user_notice_reaches_that_account_alone_and_a_city_notice_the_city_center() {
        var username = unique("user");
        var title = unique("个人通知");
        notifications.send(notice(Audience.USER, username, title));
        var user = new Caller(username, "某人", Role.AUDITOR, Scope.none());
        assertThat(titles(notifications.inbox(user, 0, 20))).containsExactly(title);
        assertThat(notifications
                        .inbox(new Caller(unique("user"), "别人", Role.AUDITOR, Scope.none()), 0, 20)
                        .items())
                .isEmpty();

        var cityCode = jdbc.sql("SELECT code FROM jurisdiction.unit WHERE kind = 'CITY'")
                .query(String.class)
                .single();
        var cityTitle = unique("全市通知");
        notifications.send(notice(Audience.UNIT, cityCode, cityTitle));
        assertThat(titles(notifications.inbox(demo("center"), 0, 100))).contains(cityTitle);
        assertThat(titles(notifications.inbox(demo("district"), 0, 100))).doesNotContain(cityTitle);
    }

    @Test
    void unread_is_counted_per_account_and_marking_read_touches_only_that_account() {
        var station = unique("STC");
        var me = officer(unique("me"), station);
        var colleague = officer(unique("colleague"), station);
        notifications.sendAll(List.of(
                notice(Audience.UNIT, station, "一"),
                notice(Audience.UNIT, station, "二"),
                notice(Audience.USER, me.name(), "三")));

        assertThat(notifications.unread(me)).isEqualTo(3);
        assertThat(notifications.unread(colleague)).isEqualTo(2);
        var mine = notifications.inbox(me, 0, 20);
        assertThat(mine.total()).isEqualTo(3);
        assertThat(mine.unread()).isEqualTo(3);
        assertThat(mine.items()).noneMatch(InboxItem::read);

        var one = mine.items().get(0).id();
        assertThat(notifications.markRead(me, one)).isTrue();
        assertThat(notifications.markRead(me, one)).as("again is harmless").isTrue();
        assertThat(notifications.unread(me)).isEqualTo(2);
        assertThat(notifications.find(me, one))
                .get()
                .extracting(InboxItem::read)
                .isEqualTo(true);
        assertThat(notifications.unread(colleague)).isEqualTo(2);

        assertThat(notifications.markAllRead(me)).isEqualTo(2);
        assertThat(notifications.unread(me)).isZero();
        assertThat(notifications.inbox(me, 0, 20).items()).allMatch(InboxItem::read);
        assertThat(notifications.unread(colleague)).isEqualTo(2);
        assertThat(notifications.markAllRead(me)).isZero();

        // a notice that is someone else's cannot be marked, nor found
        var others = notifications
                .inbox(officer(unique("x"), station), 0, 20)
                .items()
                .get(0)
                .id();
        var stranger = officer(unique("stranger"), unique("STD"));
        assertThat(notifications.markRead(stranger, others)).isFalse();
        assertThat(notifications.find(stranger, others)).isEmpty();
        assertThat(notifications.markRead(me, UUID.randomUUID())).isFalse();
    }

    @Test
    void the_inbox_is_newest_first_and_paged() {
        var username = unique("pages");
        for (int i = 1; i <= 5; i++) {
            notifications.send(notice(Audience.USER, username, "第" + i + "条"));
        }
        var reader = new Caller(username, "读者", Role.AUDITOR, Scope.none());
        var first = notifications.inbox(reader, 0, 2);
        assertThat(titles(first)).containsExactly("第5条", "第4条");
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.hasNext()).isTrue();
        assertThat(titles(notifications.inbox(reader, 2, 2))).containsExactly("第1条");
        assertThat(notifications.inbox(reader, 3, 2).items()).isEmpty();
        assertThat(notifications.inbox(reader, -1, 1000).size()).isEqualTo(Notifications.MAX_PAGE_SIZE);
    }

    @Test
    void a_notice_is_written_in_the_senders_transaction_and_rolls_back_with_it() {
        var username = unique("rollback");
        transactions.executeWithoutResult(status -> {
            notifications.send(notice(Audience.USER, username, "回滚"));
            status.setRollbackOnly();
        });
        var reader = new Caller(username, "读者", Role.AUDITOR, Scope.none());
        assertThat(notifications.inbox(reader, 0, 20).items()).isEmpty();

        transactions.executeWithoutResult(status -> notifications.send(notice(Audience.USER, username, "提交")));
        assertThat(titles(notifications.inbox(reader, 0, 20))).containsExactly("提交");
    }

    @Test
    void a_notice_must_name_a_staff_id_for_staff_and_may_link_only_inside_purseguard() {
        var username = unique("bad");
        assertThatThrownBy(() -> notifications.send(notice(Audience.STAFF, "not-a-uuid", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("staff id");
        assertThatThrownBy(() -> notifications.send(notice(Audience.USER, " ", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        for (var link : List.of("https://evil.example/", "//evil.example/x", "javascript:alert(1)", "/\\evil")) {
            assertThatThrownBy(() -> notifications.send(
                            new Notice(Audience.USER, username, Urgency.ROUTINE, "x", "x", null, null, link)))
                    .as(link)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        // one bad notice in a batch: nothing of the batch is written
        assertThatThrownBy(() -> notifications.sendAll(
                        List.of(notice(Audience.USER, username, "好的"), notice(Audience.STAFF, "nobody", "坏的"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(notifications
                        .inbox(new Caller(username, "x", Role.AUDITOR, Scope.none()), 0, 20)
                        .items())
                .isEmpty();
    }

    @Test
    void api_clients_read_the_inbox_as_json() throws Exception {
        var cityCode = jdbc.sql("SELECT code FROM jurisdiction.unit WHERE kind = 'CITY'")
                .query(String.class)
                .single();
        var title = unique("接口通知");
        notifications.send(new Notice(
                Audience.UNIT, cityCode, Urgency.URGENT, title, "API notice", "正文", "Body", "/warnings/board"));

        var http = HttpClient.newHttpClient();
        var reply = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/notifications?size=100"))
                        .header("Authorization", "Bearer test-bootstrap-token")
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(200);
        var body = json.readTree(reply.body());
        assertThat(body.get("total").asLong()).isPositive();
        assertThat(body.get("unread").asLong()).isPositive();
        var item = java.util.stream.StreamSupport.stream(body.get("items").spliterator(), false)
                .filter(i -> title.equals(i.get("titleZh").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(item.get("titleEn").asText()).isEqualTo("API notice");
        assertThat(item.get("urgency").asText()).isEqualTo("URGENT");
        assertThat(item.get("audience").asText()).isEqualTo("UNIT");
        assertThat(item.get("link").asText()).isEqualTo("/warnings/board");
        assertThat(item.get("read").asBoolean()).isFalse();
        assertThat(item.get("sms").asText()).isEqualTo("NONE");

        var id = item.get("id").asText();
        var read = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/notifications/" + id + "/read"))
                        .header("Authorization", "Bearer test-bootstrap-token")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(204);
        var missing = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + port + "/api/v1/notifications/" + UUID.randomUUID() + "/read"))
                        .header("Authorization", "Bearer test-bootstrap-token")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .contains("problem+json");

        var anonymous = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/notifications"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
