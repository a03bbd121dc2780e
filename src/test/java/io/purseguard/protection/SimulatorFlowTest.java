package io.purseguard.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.PurseguardTest;
import io.purseguard.warning.ClueDraft;
import io.purseguard.warning.IntakeDoor;
import io.purseguard.warning.WarningIntake;
import io.purseguard.warning.WarningLevel;
import io.purseguard.warning.Warnings;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "以快制快" end to end on the demo's simulated bank: a HIGH fund warning taken in stops the suspect's
 * account by itself, the outbox sends it to the simulator, which acknowledges and executes it through
 * the signed callback. And the callback endpoint itself: a replayed answer is harmless, a bad signature
 * is refused.
 */
@PurseguardTest
class SimulatorFlowTest {

    static final String CALLBACK = "/api/v1/protection/callbacks/bank";

    @Autowired
    WarningIntake intake;

    @Autowired
    Warnings warnings;

    @Autowired
    Measures measures;

    @Autowired
    OutboxSender sender;

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

    record Resident(String idNumber, String phone) {}

    Resident resident(int n) {
        return jdbc.sql(
                        "SELECT id_number, phone FROM residents.resident WHERE grid_code IS NOT NULL AND phone IS NOT NULL"
                                + " AND birth_date BETWEEN DATE '1970-01-01' AND DATE '1990-01-01' ORDER BY id DESC"
                                + " OFFSET :n LIMIT 1")
                .param("n", n)
                .query(Resident.class)
                .single();
    }

    static String at(Instant instant) {
        return instant.atOffset(ZoneOffset.ofHours(8)).toString();
    }

    String secret() {
        return endpoints.secret(MeasureKind.Channel.BANK);
    }

    MeasureView stopPayment() {
        return TestMeasures.stopPayment(measures, clock, "李四", "3000.00", "callback-tester");
    }

    @Test
    void a_high_fund_warning_stops_the_suspect_account_and_the_simulated_bank_executes_it() {
        var person = resident(7);
        var now = clock.instant();
        var account = "330501617627" + String.format("%08d", (long) (Math.random() * 1e8));
        var draft = new ClueDraft(
                "protect-" + UUID.randomUUID(),
                "NATIONAL",
                "FUND",
                at(now.minusSeconds(30)),
                new ClueDraft.Person("测试人", person.idNumber(), person.phone(), null, null),
                new ClueDraft.Suspect(new ClueDraft.Account("澄川农村商业银行", account, "王五"), null, null, null),
                "20000",
                // a day and more ago and no risky type: a fund warning of ¥20,000 is HIGH
                at(now.minus(Duration.ofHours(30))),
                "OTHER",
                null);
        var result = intake.take(List.of(draft), IntakeDoor.REST).get(0);
        assertThat(result.warningId()).as(result.toString()).isNotNull();
        assertThat(warnings.facts(result.warningId()).orElseThrow().level()).isEqualTo(WarningLevel.HIGH);

        // requested by the event listener, before anyone has called
        var requested = await().atMost(Duration.ofSeconds(30))
                .until(() -> measures.ofWarning(result.warningId(), TestCallers.CITY), l -> !l.isEmpty())
                .get(0);
        assertThat(requested.kind()).isEqualTo(MeasureKind.STOP_PAYMENT);
        assertThat(requested.state()).isEqualTo(MeasureState.REQUESTED);
        assertThat(requested.institution()).isEqualTo("澄川农村商业银行");
        assertThat(requested.holder()).isEqualTo("王五");
        assertThat(requested.amount()).isEqualByComparingTo("20000");
        assertThat(requested.target()).contains("*").doesNotContain(account);
        assertThat(requested.requestedBy()).isEqualTo("system");

        assertThat(sender.drain(clock.instant())).isGreaterThanOrEqualTo(1);

        var executed = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> measures.find(requested.measureId(), TestCallers.CITY)
                                .orElseThrow(),
                        m -> m.state() == MeasureState.EXECUTED);
        assertThat(executed.sentAt()).isNotNull();
        assertThat(executed.acknowledgedAt()).isNotNull().isBeforeOrEqualTo(executed.executedAt());
        assertThat(executed.expiresAt()).isEqualTo(executed.executedAt().plus(Duration.ofHours(48)));
        assertThat(executed.amountProtected()).isEqualByComparingTo("20000");
        assertThat(executed.history())
                .extracting(MeasureView.Event::action)
                .containsExactly("REQUESTED", "SENT", "ACKNOWLEDGED", "EXECUTED");
        assertThat(executed.history())
                .filteredOn(e -> e.action().equals("EXECUTED"))
                .extracting(MeasureView.Event::actor)
                .containsExactly("bank:callback");
    }

    @Test
    void a_replayed_callback_changes_nothing() throws Exception {
        var m = stopPayment();
        var executedAt = clock.instant().minusSeconds(20);
        var body = json.writeValueAsString(Map.of(
                "idempotencyKey",
                m.measureId() + ":EXECUTE:1",
                "status",
                "EXECUTED",
                "amount",
                new BigDecimal("2800.00"),
                "at",
                at(executedAt)));

        var first = Signed.post(port, CALLBACK, body, secret(), clock.instant(), Map.of());
        var second = Signed.post(port, CALLBACK, body, secret(), clock.instant(), Map.of());
        // a late acknowledgement after the execution is harmless too
        var late = Signed.post(
                port,
                CALLBACK,
                json.writeValueAsString(Map.of("measureId", m.measureId(), "status", "ACKNOWLEDGED")),
                secret(),
                clock.instant(),
                Map.of());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json.readTree(first.body()).get("applied").asBoolean()).isTrue();
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json.readTree(second.body()).get("applied").asBoolean()).isFalse();
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(json.readTree(late.body()).get("applied").asBoolean()).isFalse();
        var view = measures.find(m.measureId(), TestCallers.CITY).orElseThrow();
        assertThat(view.state()).isEqualTo(MeasureState.EXECUTED);
        assertThat(view.history()).extracting(MeasureView.Event::action).containsExactly("REQUESTED", "EXECUTED");
        assertThat(view.amountProtected()).isEqualByComparingTo("2800.00");
        assertThat(view.expiresAt()).isEqualTo(view.executedAt().plus(Duration.ofHours(48)));
    }

    @Test
    void a_callback_with_a_bad_signature_is_refused_and_changes_nothing() throws Exception {
        var m = stopPayment();
        var body = json.writeValueAsString(Map.of("measureId", m.measureId(), "status", "EXECUTED"));

        var wrongSecret = Signed.post(port, CALLBACK, body, "not-the-secret", clock.instant(), Map.of());
        var stale = Signed.post(port, CALLBACK, body, secret(), clock.instant().minus(Duration.ofMinutes(6)), Map.of());
        // signed for one body, sent with another
        var tampered = Signed.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + CALLBACK))
                .header("Content-Type", "application/json")
                .header(
                        io.purseguard.protection.gateway.Signatures.TIMESTAMP,
                        Long.toString(clock.instant().getEpochSecond()))
                .header(
                        io.purseguard.protection.gateway.Signatures.SIGNATURE,
                        io.purseguard.protection.gateway.Signatures.sign(
                                secret(), clock.instant().getEpochSecond(), body.replace("EXECUTED", "ACKNOWLEDGED")))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build());
        var unsigned = Signed.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + CALLBACK))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                        .build());

        assertThat(List.of(wrongSecret, stale, tampered, unsigned))
                .extracting(java.net.http.HttpResponse::statusCode)
                .containsOnly(401);
        assertThat(measures.find(m.measureId(), TestCallers.CITY).orElseThrow().state())
                .isEqualTo(MeasureState.REQUESTED);
    }

    @Test
    void a_callback_that_can_never_apply_is_a_4xx_so_the_institution_does_not_retry_it() throws Exception {
        var m = stopPayment();
        var noReason = Signed.post(
                port,
                CALLBACK,
                json.writeValueAsString(Map.of("measureId", m.measureId(), "status", "REJECTED")),
                secret(),
                clock.instant(),
                Map.of());
        var notJson = Signed.post(port, CALLBACK, "status=EXECUTED", secret(), clock.instant(), Map.of());
        var badKey = Signed.post(
                port,
                CALLBACK,
                "{\"idempotencyKey\":\"nonsense:EXECUTE:1\",\"status\":\"EXECUTED\"}",
                secret(),
                clock.instant(),
                Map.of());
        var badStatus = Signed.post(
                port,
                CALLBACK,
                json.writeValueAsString(Map.of("measureId", m.measureId(), "status", "DONE")),
                secret(),
                clock.instant(),
                Map.of());
        var unknown = Signed.post(
                port,
                CALLBACK,
                json.writeValueAsString(Map.of("measureId", UUID.randomUUID(), "status", "EXECUTED")),
                secret(),
                clock.instant(),
                Map.of());

        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(measures.find(m.measureId(), TestCallers.CITY).orElseThrow().state())
                .isEqualTo(MeasureState.REQUESTED);
    }
}
