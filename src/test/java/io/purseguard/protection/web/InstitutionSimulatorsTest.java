package io.purseguard.protection.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.PurseguardTest;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.protection.Endpoints;
import io.purseguard.protection.MeasureKind;
import io.purseguard.protection.MeasureState;
import io.purseguard.protection.MeasureView;
import io.purseguard.protection.Measures;
import io.purseguard.protection.Signed;
import io.purseguard.protection.TestMeasures;
import io.purseguard.scope.Scope;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The simulated bank on its own: posted to as the HTTP gateway posts (signed, with an idempotency
 * key), it answers at once and calls back later; it fails now and then with 503 (not remembered, so
 * the resend is worked), rejects now and then with a reason, and answers a repeated key 200 duplicate
 * without executing it again. The rates are set per test and put back.
 */
@PurseguardTest
class InstitutionSimulatorsTest {

    static final Caller CITY = new Caller("center-simulator-test", "市反诈中心", Role.CITY_CENTER, Scope.city());

    @Autowired
    InstitutionSimulators simulators;

    @Autowired
    Measures measures;

    @Autowired
    Endpoints endpoints;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    Clock clock;

    @LocalServerPort
    int port;

    InstitutionSimulators.Settings before;

    @BeforeEach
    void remember() {
        before = simulators.settings();
    }

    @AfterEach
    void restore() {
        simulators.settings(before);
    }

    void rates(double reject, double fail) {
        simulators.settings(
                new InstitutionSimulators.Settings(Duration.ofMillis(50), Duration.ofMillis(150), reject, fail));
    }

    MeasureView stopPayment() {
        return TestMeasures.stopPayment(measures, clock, "钱七", "6600.00", "simulator-tester");
    }

    /** The message exactly as the outbox stored it for the bank. */
    String payload(MeasureView m, String operation) {
        return jdbc.sql("SELECT payload::text FROM protection.outbox WHERE measure_id = :m AND operation = :op")
                .param("m", m.measureId())
                .param("op", operation)
                .query(String.class)
                .single();
    }

    HttpResponse<String> post(String body, String key) {
        return Signed.post(
                port,
                "/simulators/bank",
                body,
                endpoints.secret(MeasureKind.Channel.BANK),
                clock.instant(),
                Map.of("Idempotency-Key", key));
    }

    /** What the simulated bank did with this key, oldest first. */
    List<String> events(String key) {
        var events = new ArrayList<>(simulators.entries(MeasureKind.Channel.BANK).stream()
                .filter(e -> key.equals(e.idempotencyKey()))
                .map(InstitutionSimulators.Entry::event)
                .toList());
        Collections.reverse(events);
        return events;
    }

    MeasureView view(MeasureView m) {
        return measures.find(m.measureId(), CITY).orElseThrow();
    }

    @Test
    void an_outage_is_retried_and_a_repeated_key_is_executed_once() throws Exception {
        var m = stopPayment();
        var key = m.measureId() + ":EXECUTE:1";
        var body = payload(m, "EXECUTE");

        rates(0, 1);
        var down = post(body, key);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).contains("2");

        rates(0, 0);
        var accepted = post(body, key);
        assertThat(accepted.statusCode()).as("a 503 is not remembered").isEqualTo(202);
        assertThat(json.readTree(accepted.body()).get("status").asText()).isEqualTo("accepted");
        var again = post(body, key);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).get("status").asText()).isEqualTo("duplicate");

        await().atMost(Duration.ofSeconds(20)).until(() -> view(m).state() == MeasureState.EXECUTED);
        // and it stays so for longer than a second execution would take, had the repeat been worked
        await().during(Duration.ofMillis(800))
                .atMost(Duration.ofSeconds(5))
                .until(() -> view(m).history().size() == 3);
        assertThat(view(m).history())
                .extracting(MeasureView.Event::action)
                .containsExactly("REQUESTED", "ACKNOWLEDGED", "EXECUTED");
        assertThat(view(m).amountProtected()).isEqualByComparingTo("6600.00");
        var events = events(key);
        assertThat(events.subList(0, 2)).containsExactly("UNAVAILABLE", "RECEIVED");
        // the repeat may be logged before or after the acknowledgement
        assertThat(events.subList(2, events.size())).containsExactlyInAnyOrder("DUPLICATE", "ACKNOWLEDGED", "EXECUTED");
        assertThat(events.indexOf("ACKNOWLEDGED")).isLessThan(events.indexOf("EXECUTED"));
        var executed = simulators.entries(MeasureKind.Channel.BANK).stream()
                .filter(e -> key.equals(e.idempotencyKey()) && e.event().equals("EXECUTED"))
                .findFirst()
                .orElseThrow();
        assertThat(executed.target()).as("the account masked in the log").contains("*");
        assertThat(executed.detail()).contains("\"applied\":true");
    }

    @Test
    void a_rejection_comes_back_with_a_reason() {
        var m = stopPayment();
        rates(1, 0);
        assertThat(post(payload(m, "EXECUTE"), m.measureId() + ":EXECUTE:1").statusCode())
                .isEqualTo(202);

        var rejected =
                await().atMost(Duration.ofSeconds(20)).until(() -> view(m), v -> v.state() == MeasureState.REJECTED);
        assertThat(rejected.rejectReason()).isIn(InstitutionSimulators.REJECTIONS.get(MeasureKind.Channel.BANK));
        assertThat(rejected.executedAt()).isNull();
    }

    @Test
    void a_release_is_taken_without_a_callback() throws Exception {
        var m = stopPayment();
        measures.answer(m.measureId(), Measures.Answer.EXECUTED, null, null, "bank", null);
        measures.release(m.measureId(), CITY, "资金已安全");
        var key = m.measureId() + ":RELEASE:1";
        assertThat(post(payload(m, "RELEASE"), key).statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(20)).until(() -> events(key).contains("DONE"));
        assertThat(events(key)).containsExactly("RECEIVED", "DONE");
        assertThat(view(m).state()).isEqualTo(MeasureState.RELEASED);
    }

    @Test
    void a_request_without_the_right_signature_or_key_is_refused() {
        var m = stopPayment();
        var key = m.measureId() + ":EXECUTE:1";
        var body = payload(m, "EXECUTE");

        var unsigned =
                Signed.post(port, "/simulators/bank", body, "wrong", clock.instant(), Map.of("Idempotency-Key", key));
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(post(body, "other:EXECUTE:1").statusCode())
                .as("key and body disagree")
                .isEqualTo(400);
        assertThat(Signed.post(
                                port,
                                "/simulators/bank",
                                body,
                                endpoints.secret(MeasureKind.Channel.BANK),
                                clock.instant(),
                                Map.of())
                        .statusCode())
                .as("no key")
                .isEqualTo(400);
        assertThat(events(key)).containsExactly("BAD_SIGNATURE");
        assertThat(view(m).state()).isEqualTo(MeasureState.REQUESTED);
    }

    @Test
    void the_log_is_for_the_center_and_the_administrator() throws Exception {
        var m = stopPayment();
        var key = m.measureId() + ":EXECUTE:1";
        assertThat(post(payload(m, "EXECUTE"), key).statusCode()).isEqualTo(202);

        var center = signIn("center");
        var log = center.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/simulators/bank/log"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(log.statusCode()).isEqualTo(200);
        JsonNode entries = json.readTree(log.body());
        assertThat(entries.isArray()).isTrue();
        assertThat(entries.findValuesAsText("idempotencyKey")).contains(key);
        assertThat(log.body())
                .doesNotContain(jdbc.sql("SELECT target FROM protection.measure WHERE id = :id")
                        .param("id", m.measureId())
                        .query(String.class)
                        .single());

        var station = signIn("station");
        var refused = station.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/simulators/bank/log"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    /** A browser-like session signed in through the form (the log is a page-side address). */
    HttpClient signIn(String username) throws Exception {
        var http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var form = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        var fields = "username=" + username + "&password=demo123&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var reply = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(fields))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(302);
        assertThat(reply.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return http;
    }
}
