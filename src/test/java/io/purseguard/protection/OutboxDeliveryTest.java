package io.purseguard.protection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.PurseguardTest;
import io.purseguard.protection.gateway.Delivery;
import io.purseguard.protection.gateway.DeliveryFailed;
import io.purseguard.protection.gateway.InstitutionGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a bank endpoint the test controls ({@link BankReceiver}): a request survives the
 * bank being down and is delivered once when it is back; a request committed by a process that died
 * before sending is sent by the next process; a crash after sending resends the same intent under the
 * same idempotency key. The sender is driven with explicit instants, past each back-off.
 */
@PurseguardTest
class OutboxDeliveryTest extends BankReceiverContext {

    @Autowired
    Measures measures;

    @Autowired
    RecordingAnswers answers;

    @Autowired
    OutboxSender sender;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    List<InstitutionGateway> gateways;

    @Autowired
    ProtectionProperties properties;

    @Autowired
    Endpoints endpoints;

    @Autowired
    ObjectMapper json;

    @Autowired
    Clock clock;

    @LocalServerPort
    int port;

    record Row(String state, int attempts, Instant nextAttemptAt, String lastError) {}

    MeasureView stopPayment() {
        return TestMeasures.stopPayment(measures, clock, "李四", "5000.00", "outbox-tester");
    }

    Row row(String key) {
        return jdbc.sql("SELECT state, attempts, next_attempt_at, last_error FROM protection.outbox "
                        + "WHERE idempotency_key = :key")
                .param("key", key)
                .query((rs, i) -> new Row(
                        rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .single();
    }

    static String key(MeasureView m) {
        return m.measureId() + ":EXECUTE:1";
    }

    @Test
    void a_request_made_while_the_bank_is_down_is_delivered_exactly_once_when_it_is_back() {
        MeasureView m;
        Instant t0;
        RECEIVER.stop();
        try {
            m = stopPayment();
            t0 = clock.instant().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
            sender.drain(t0);
            var first = row(key(m));
            assertThat(first.state()).isEqualTo("PENDING");
            assertThat(first.attempts()).isEqualTo(1);
            assertThat(first.lastError()).isNotBlank();
            // the first retry waits 2 s, the next 4 s
            assertThat(first.nextAttemptAt()).isEqualTo(t0.plusSeconds(2));

            sender.drain(t0.plusSeconds(1));
            assertThat(row(key(m)).attempts()).as("not due yet").isEqualTo(1);

            sender.drain(t0.plusSeconds(2));
            var second = row(key(m));
            assertThat(second.attempts()).isEqualTo(2);
            assertThat(second.nextAttemptAt()).isEqualTo(t0.plusSeconds(6));
            assertThat(RECEIVER.requests(key(m))).isEmpty();
            assertThat(measures.find(m.measureId(), TestCallers.CITY)
                            .orElseThrow()
                            .state())
                    .isEqualTo(MeasureState.REQUESTED);
        } finally {
            RECEIVER.start();
        }

        sender.drain(t0.plusSeconds(5));
        assertThat(RECEIVER.requests(key(m)))
                .as("the back-off is kept even once the bank is up")
                .isEmpty();

        sender.drain(t0.plusSeconds(6));
        var delivered = row(key(m));
        assertThat(delivered.state()).isEqualTo("DELIVERED");
        assertThat(delivered.attempts()).isEqualTo(3);
        assertThat(delivered.lastError()).isNull();
        var view = measures.find(m.measureId(), TestCallers.CITY).orElseThrow();
        assertThat(view.state()).isEqualTo(MeasureState.SENT);
        assertThat(view.sentAt()).isEqualTo(t0.plusSeconds(6));

        // later drains find nothing more to send
        sender.drain(t0.plusSeconds(60));
        sender.drain(t0.plus(Duration.ofHours(1)));
        var requests = RECEIVER.requests(key(m));
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).signed()).as("HMAC with the bank's secret").isTrue();
        assertThat(requests.get(0).body()).contains("\"idempotencyKey\": \"" + key(m) + "\"");
    }

    @Test
    void a_request_committed_by_a_process_that_died_before_sending_is_sent_once_by_the_next_one() {
        // the request is committed, and the process "dies" before any drain: nothing was sent
        var m = stopPayment();
        assertThat(row(key(m)).state()).isEqualTo("PENDING");
        assertThat(row(key(m)).attempts()).isZero();
        assertThat(RECEIVER.requests(key(m))).isEmpty();

        // the next process: a new sender over the same database and gateways, as after a restart
        var restarted = new OutboxSender(jdbc, transactions, gateways, answers, properties, clock);
        var now = clock.instant();
        assertThat(restarted.drain(now)).isGreaterThanOrEqualTo(1);
        assertThat(RECEIVER.requests(key(m))).hasSize(1);
        assertThat(row(key(m)).state()).isEqualTo("DELIVERED");

        // neither it nor the old sender sends it again
        restarted.drain(now.plusSeconds(600));
        sender.drain(now.plusSeconds(600));
        assertThat(RECEIVER.requests(key(m))).hasSize(1);
        assertThat(measures.find(m.measureId(), TestCallers.CITY).orElseThrow().state())
                .isEqualTo(MeasureState.SENT);
    }

    @Test
    void a_crash_after_sending_but_before_the_commit_resends_the_same_intent_under_the_same_key() {
        var m = stopPayment();
        // the real gateways, except that the process "dies" right after handing this message over,
        // before the outbox commits it delivered
        InstitutionGateway crashing = new InstitutionGateway() {
            @Override
            public boolean serves(String institution, String channel) {
                return true;
            }

            @Override
            public void deliver(Delivery delivery) throws DeliveryFailed {
                gateways.stream()
                        .filter(g -> g.serves(delivery.institution(), delivery.channel()))
                        .findFirst()
                        .orElseThrow()
                        .deliver(delivery);
                if (delivery.idempotencyKey().equals(key(m))) {
                    throw new IllegalStateException("killed after sending");
                }
            }
        };
        var dying = new OutboxSender(jdbc, transactions, List.of(crashing), answers, properties, clock);
        var now = clock.instant();
        try {
            dying.drain(now);
        } catch (IllegalStateException expected) {
            // the transaction that would have marked it delivered rolled back
        }
        assertThat(row(key(m)).state()).isEqualTo("PENDING");
        assertThat(RECEIVER.requests(key(m))).hasSize(1);

        sender.drain(now.plusSeconds(1));
        var requests = RECEIVER.requests(key(m));
        assertThat(requests).hasSize(2);
        // the bank recognises the resend: same key, same body (docs/integrations/bank-http.md)
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
        assertThat(row(key(m)).state()).isEqualTo("DELIVERED");
    }

    @Test
    void the_outbox_message_carries_what_the_bank_checks() throws Exception {
        var m = stopPayment();
        sender.drain(clock.instant());
        var received = RECEIVER.requests(key(m));
        assertThat(received).hasSize(1);
        var body = json.readTree(received.get(0).body());
        assertThat(body.get("idempotencyKey").asText()).isEqualTo(key(m));
        assertThat(body.get("operation").asText()).isEqualTo("EXECUTE");
        assertThat(body.get("measureId").asText()).isEqualTo(m.measureId().toString());
        assertThat(body.get("kind").asText()).isEqualTo("STOP_PAYMENT");
        assertThat(body.get("institution").asText()).isEqualTo("澄川银行");
        assertThat(body.get("target").asText()).matches("\\d{19}");
        assertThat(body.get("holder").asText()).isEqualTo("李四");
        assertThat(body.get("amount").decimalValue()).isEqualByComparingTo("5000.00");
        assertThat(body.get("transactedAt").asText()).isEqualTo(m.transactedAt().toString());
        assertThat(body.get("documentNo").asText()).isEqualTo(m.documentNo());
        assertThat(body.get("legalBasis").asText()).isNotBlank();
        assertThat(body.get("issuedAt").asText()).isNotBlank();
    }

    @Test
    void a_channel_with_a_real_endpoint_has_no_simulator_here() {
        var body = "{\"idempotencyKey\":\"x:EXECUTE:1\"}";
        var bank = Signed.post(
                port,
                "/simulators/bank",
                body,
                endpoints.secret(MeasureKind.Channel.BANK),
                clock.instant(),
                Map.of("Idempotency-Key", "x:EXECUTE:1"));
        assertThat(bank.statusCode()).isEqualTo(404);
        // the carrier is still simulated here: it answers, and refuses a wrong signature
        var carrier = Signed.post(
                port, "/simulators/carrier", body, "wrong", clock.instant(), Map.of("Idempotency-Key", "x:EXECUTE:1"));
        assertThat(carrier.statusCode()).isEqualTo(401);
    }

    @Test
    void a_request_lifted_before_any_attempt_is_never_sent() {
        var m = stopPayment();
        var released = measures.release(m.measureId(), TestCallers.CITY, "号码录错，撤回");
        assertThat(released.state()).isEqualTo(MeasureState.RELEASED);
        sender.drain(clock.instant().plusSeconds(1));
        assertThat(RECEIVER.requests(key(m))).isEmpty();
        assertThat(RECEIVER.requests(m.measureId() + ":RELEASE:1")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM protection.outbox WHERE measure_id = :m")
                        .param("m", m.measureId())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void a_request_lifted_after_a_failed_attempt_that_may_have_reached_the_bank_is_released_there() {
        var m = stopPayment();
        var t0 = clock.instant().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        RECEIVER.status = 503; // the bank records it, then fails: did it execute? Purseguard cannot know
        try {
            sender.drain(t0);
        } finally {
            RECEIVER.status = 202;
        }
        assertThat(RECEIVER.requests(key(m))).hasSize(1);
        assertThat(row(key(m)).attempts()).isEqualTo(1);

        measures.release(m.measureId(), TestCallers.CITY, "资金已安全");
        sender.drain(t0.plusSeconds(10));

        assertThat(RECEIVER.requests(key(m))).as("the execution is not resent").hasSize(1);
        var release = RECEIVER.requests(m.measureId() + ":RELEASE:1");
        assertThat(release).hasSize(1);
        assertThat(release.get(0).body()).contains("\"operation\": \"RELEASE\"");
    }
}
