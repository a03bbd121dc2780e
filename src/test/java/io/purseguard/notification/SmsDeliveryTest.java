package io.purseguard.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.purseguard.PurseguardTest;
import io.purseguard.identity.UserAccounts;
import io.purseguard.jurisdiction.StaffDirectory;
import io.purseguard.jurisdiction.Units;
import io.purseguard.notification.Notice.Audience;
import io.purseguard.notification.Notice.Urgency;
import io.purseguard.notification.sms.HttpSmsGateway;
import io.purseguard.notification.sms.SmsSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An urgent notice to a staff member goes out by SMS after the sender's transaction commits, through
 * the real HTTP adapter: to the application's own simulator over loopback, to a gateway stand-in (a
 * JDK HttpServer on 127.0.0.1) that checks the documented wire format, and to nothing at all
 * (connection refused), which must not touch the sender and is recorded as FAILED.
 */
@PurseguardTest
class SmsDeliveryTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    Notifications notifications;

    @Autowired
    SmsSimulator simulator;

    @Autowired
    UserAccounts accounts;

    @Autowired
    StaffDirectory staff;

    @Autowired
    Units units;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Autowired
    ObjectMapper json;

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (var c : closing) {
            c.close();
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private UUID gridStaffId() {
        return accounts.caller("grid").orElseThrow().staffId();
    }

    private String phoneOf(UUID staffId) {
        return jdbc.sql("SELECT phone FROM jurisdiction.staff WHERE id = :id")
                .param("id", staffId)
                .query(String.class)
                .single();
    }

    private static Notice urgent(UUID staffId, String title) {
        return new Notice(
                Audience.STAFF,
                staffId.toString(),
                Urgency.URGENT,
                title,
                title + " (en)",
                "请在 30 分钟内联系当事人。",
                "Call within 30 minutes.",
                "/warnings");
    }

    private record Delivery(String status, String detail) {}

    private Delivery delivery(String title) {
        return jdbc.sql("SELECT sms_status, sms_detail FROM notification.notice WHERE title_zh = :t")
                .param("t", title)
                .query((rs, i) -> new Delivery(rs.getString(1), rs.getString(2)))
                .single();
    }

    private UUID idOf(String title) {
        return jdbc.sql("SELECT id FROM notification.notice WHERE title_zh = :t")
                .param("t", title)
                .query(UUID.class)
                .single();
    }

    /** Notifications as the application wires them, but texting through {@code gateway}. */
    private Notifications through(HttpSmsGateway gateway) {
        var dispatcher = new SmsDispatcher(jdbc, staff, gateway, clock);
        closing.add(dispatcher::destroy);
        return new Notifications(jdbc, jdbcTemplate, clock, units, dispatcher);
    }

    private HttpSmsGateway gatewayAt(URI uri, String secret) {
        return new HttpSmsGateway(() -> uri, secret, Duration.ofSeconds(2), Duration.ofSeconds(5), json);
    }

    /** What a stand-in gateway received: method, path, headers, body. */
    private record Received(String method, String path, Map<String, List<String>> headers, String body) {}

    /** A gateway stand-in on loopback answering every post with {@code status}. */
    private URI standIn(int status, List<Received> into) throws IOException {
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sms/send", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            into.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body));
            var answer = status == 200 ? "{\"id\":\"gw-1\",\"status\":\"ACCEPTED\"}" : "{\"error\":\"quota exceeded\"}";
            var bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        closing.add(() -> server.stop(0));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms/send");
    }

    @Test
    void an_urgent_staff_notice_is_texted_to_the_staff_members_phone_through_the_simulator() {
        var staffId = gridStaffId();
        var phone = phoneOf(staffId);
        assertThat(phone).as("the demo grid worker has a phone").isNotBlank();
        var title = unique("紧急任务");

        transactions.executeWithoutResult(status -> notifications.send(urgent(staffId, title)));

        var ref = idOf(title).toString();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(simulator.byRef(ref)).isPresent());
        var texted = simulator.byRef(ref).orElseThrow();
        assertThat(texted.to()).isEqualTo(phone);
        assertThat(texted.text()).isEqualTo("【钱袋子守护】" + title + "：请在 30 分钟内联系当事人。");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(delivery(title).status()).isEqualTo("SENT"));
        assertThat(delivery(title).detail()).isNull();

        var inbox = notifications.inbox(accounts.caller("grid").orElseThrow(), 0, 100);
        assertThat(inbox.items())
                .filteredOn(i -> i.titleZh().equals(title))
                .singleElement()
                .extracting(InboxItem::sms)
                .isEqualTo(SmsStatus.SENT);
    }

    @Test
    void the_gateway_receives_the_documented_json_with_the_bearer_secret() throws Exception {
        var received = new CopyOnWriteArrayList<Received>();
        var sender = through(gatewayAt(standIn(200, received), "s3cret-token"));
        var staffId = gridStaffId();
        var title = unique("线格式");

        transactions.executeWithoutResult(status -> sender.send(urgent(staffId, title)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(received).hasSize(1));
        var request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/sms/send");
        assertThat(request.headers().get("Authorization")).containsExactly("Bearer s3cret-token");
        assertThat(request.headers().get("Content-type"))
                .singleElement()
                .asString()
                .startsWith("application/json");
        var body = json.readTree(request.body());
        var fields = new ArrayList<String>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("to", "text", "ref");
        assertThat(body.get("to").asText()).isEqualTo(phoneOf(staffId));
        assertThat(body.get("text").asText()).startsWith("【钱袋子守护】" + title);
        assertThat(body.get("ref").asText()).isEqualTo(idOf(title).toString());
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(delivery(title).status()).isEqualTo("SENT"));
    }

    @Test
    void a_gateway_refusal_is_recorded_with_its_status() throws Exception {
        var received = new CopyOnWriteArrayList<Received>();
        var sender = through(gatewayAt(standIn(503, received), null));
        var title = unique("网关拒绝");

        transactions.executeWithoutResult(status -> sender.send(urgent(gridStaffId(), title)));

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(delivery(title).status()).isEqualTo("FAILED"));
        assertThat(delivery(title).detail()).contains("answered 503", "quota exceeded");
        assertThat(received.get(0).headers()).doesNotContainKey("Authorization");
    }

    @Test
    void an_unreachable_gateway_neither_fails_the_sender_nor_goes_unrecorded() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var sender = through(gatewayAt(URI.create("http://127.0.0.1:" + closedPort + "/sms"), "x"));
        var title = unique("连不上");

        // the sender's transaction commits whatever the gateway does
        var committed = transactions.execute(status -> {
            sender.send(urgent(gridStaffId(), title));
            return true;
        });
        assertThat(committed).isTrue();

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(delivery(title).status()).isEqualTo("FAILED"));
        assertThat(delivery(title).detail()).contains("unreachable");
        assertThat(notifications
                        .inbox(accounts.caller("grid").orElseThrow(), 0, 100)
                        .items())
                .extracting(InboxItem::titleZh)
                .contains(title);
    }

    @Test
    void nothing_is_texted_for_a_rolled_back_notice_routine_notices_or_other_audiences() throws Exception {
        var received = new CopyOnWriteArrayList<Received>();
        var sender = through(gatewayAt(standIn(200, received), "s"));
        var staffId = gridStaffId();
        var rolledBack = unique("回滚");
        var routine = unique("普通");
        var toUnit = unique("单位紧急");
        var committed = unique("提交");

        transactions.executeWithoutResult(status -> {
            sender.send(urgent(staffId, rolledBack));
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> sender.sendAll(List.of(
                new Notice(Audience.STAFF, staffId.toString(), Urgency.ROUTINE, routine, routine, null, null, null),
                new Notice(Audience.UNIT, "329901P01", Urgency.URGENT, toUnit, toUnit, null, null, null),
                urgent(staffId, committed))));

        // the committed urgent one arrives, and only it: the rolled-back one left nothing to text
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(delivery(committed).status()).isEqualTo("SENT"));
        assertThat(received)
                .singleElement()
                .extracting(Received::body)
                .asString()
                .contains(committed);
        assertThat(delivery(routine).status()).isEqualTo("NONE");
        assertThat(delivery(toUnit).status()).isEqualTo("NONE");
        assertThat(jdbc.sql("SELECT count(*) FROM notification.notice WHERE title_zh = :t")
                        .param("t", rolledBack)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void a_staff_member_without_a_phone_on_file_is_recorded_as_failed() throws Exception {
        var received = new CopyOnWriteArrayList<Received>();
        var sender = through(gatewayAt(standIn(200, received), "s"));
        var title = unique("无号码");

        transactions.executeWithoutResult(status -> sender.send(urgent(UUID.randomUUID(), title)));

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(delivery(title).status()).isEqualTo("FAILED"));
        assertThat(delivery(title).detail()).contains("no phone number");
        assertThat(received).isEmpty();
    }

    @Test
    void long_texts_are_cut_to_two_hundred_characters() {
        var text = SmsDispatcher.text("标".repeat(150), "正".repeat(150));
        assertThat(text.codePointCount(0, text.length())).isEqualTo(SmsDispatcher.MAX_TEXT);
        assertThat(text).startsWith("【钱袋子守护】标").endsWith("…");
        assertThat(SmsDispatcher.text("短", null)).isEqualTo("【钱袋子守护】短");
    }
}
