package io.purseguard.warning.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.purseguard.scope.Scope;
import io.purseguard.warning.ClueDraft;
import io.purseguard.warning.IntakeDoor;
import io.purseguard.warning.PoisonedClues;
import io.purseguard.warning.WarningIntake;
import io.purseguard.warning.WarningQuery;
import io.purseguard.warning.WarningView;
import io.purseguard.warning.Warnings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The Kafka door end to end, on an embedded KRaft broker and the whole application (its own context:
 * the door is off everywhere else).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "purseguard.intake.kafka.enabled=true",
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "purseguard.embedded-postgres.ephemeral=true",
            // a smaller city than the shared test context's: one resident to route to is enough
            "purseguard.demo.residents=1000"
        })
@EmbeddedKafka(
        kraft = true,
        partitions = 1,
        topics = {KafkaIntakeTest.TOPIC, KafkaIntakeTest.REJECTED})
@ActiveProfiles("test")
@DirtiesContext // a context of its own: close it (broker and database) once done, not at JVM exit
class KafkaIntakeTest {

    static final String TOPIC = "purseguard.warnings";
    static final String REJECTED = "purseguard.warnings.rejected";
    static final String GROUP = "purseguard-intake";
    static final String TOKEN = "test-bootstrap-token";

    @Autowired
    EmbeddedKafkaBroker broker;

    @MockitoSpyBean
    WarningIntake intake;

    @Autowired
    Warnings warnings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    Clock clock;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ConcurrentMessageListenerContainer<String, String> container;

    KafkaProducer<String, String> producer;
    Admin admin;
    String idNumber;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(),
                new StringSerializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
        idNumber = jdbc.sql("SELECT id_number FROM residents.resident ORDER BY id LIMIT 1")
                .query(String.class)
                .single();
    }

    @AfterEach
    void disconnect() {
        producer.close();
        admin.close();
    }

    @Test
    void a_clue_by_kafka_then_by_rest_is_one_warning() throws Exception {
        var clue = clue(unique(), idNumber);
        awaitConsumed(send(clue.clueId(), write(clue)));
        var warning = only(clue.clueId());
        assertThat(warning.door()).isEqualTo(IntakeDoor.KAFKA.name());

        var result = post(clue);
        assertThat(result.path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(result.path("warningId").asText())
                .isEqualTo(warning.warningId().toString());
        assertThat(only(clue.clueId()).warningId()).isEqualTo(warning.warningId());
    }

    @Test
    void a_clue_by_rest_then_by_kafka_is_one_warning() throws Exception {
        var clue = clue(unique(), idNumber);
        var result = post(clue);
        assertThat(result.path("status").asText()).isEqualTo("ACCEPTED");
        var duplicates = count("duplicate");

        awaitConsumed(send(clue.clueId(), write(clue)));

        var warning = only(clue.clueId());
        assertThat(warning.warningId().toString())
                .isEqualTo(result.path("warningId").asText());
        assertThat(warning.door()).isEqualTo(IntakeDoor.REST.name());
        assertThat(count("duplicate")).isEqualTo(duplicates + 1);
        assertThat(rejectedFor(clue.clueId())).isEmpty();
    }

    @Test
    void a_replayed_record_makes_one_warning() throws Exception {
        var clue = clue(unique(), idNumber);
        var value = write(clue);
        var accepted = count("accepted");
        var duplicates = count("duplicate");

        // twice in one poll, so in one intake batch
        pause();
        send(clue.clueId(), value);
        long last = send(clue.clueId(), value);
        container.resume();
        awaitConsumed(last);
        var warning = only(clue.clueId());

        // and once more, in a later poll
        awaitConsumed(send(clue.clueId(), value));
        assertThat(only(clue.clueId()).warningId()).isEqualTo(warning.warningId());
        assertThat(count("accepted")).isEqualTo(accepted + 1);
        assertThat(count("duplicate")).isEqualTo(duplicates + 2);
        assertThat(rejectedFor(clue.clueId())).isEmpty();
    }

    @Test
    void poison_records_go_to_the_rejected_topic_with_their_errors_and_the_good_one_of_the_same_poll_is_taken_in()
            throws Exception {
        var good = clue(unique(), idNumber);
        var badId = clue(unique(), otherCheckCharacter(idNumber));
        var notJson = unique();
        var notAnObject = unique();
        var rejectedBefore = count("rejected");

        // paused, so that the four records arrive in one poll
        pause();
        send(notJson, "not json");
        send(badId.clueId(), write(badId));
        send(notAnObject, "[1, 2]");
        long last = send(good.clueId(), write(good));
        container.resume();
        awaitConsumed(last);

        // one poll, one intake batch: the good clue with the invalid one (the unreadable never get that far)
        verify(intake)
                .take(
                        argThat(drafts -> drafts.stream()
                                .map(ClueDraft::clueId)
                                .toList()
                                .equals(List.of(badId.clueId(), good.clueId()))),
                        eq(IntakeDoor.KAFKA));
        assertThat(only(good.clueId()).door()).isEqualTo(IntakeDoor.KAFKA.name());
        assertThat(warnings(badId.clueId())).isEmpty();
        assertThat(rejectedFor(good.clueId())).isEmpty();

        var poison = envelope(notJson);
        assertThat(poison.path("record").asText()).isEqualTo("not json");
        assertThat(poison.path("topic").asText()).isEqualTo(TOPIC);
        assertThat(poison.path("offset").asLong()).isEqualTo(last - 3);
        assertThat(poison.path("errors").get(0).path("field").asText()).isEqualTo("record");
        assertThat(poison.path("errors").get(0).path("message").asText()).startsWith("is not JSON");

        var invalid = envelope(badId.clueId());
        assertThat(invalid.path("record").asText()).isEqualTo(write(badId));
        assertThat(invalid.path("offset").asLong()).isEqualTo(last - 2);
        assertThat(invalid.path("errors"))
                .extracting(e -> e.path("field").asText())
                .containsExactly("person.idNumber");
        assertThat(invalid.path("errors").get(0).path("message").asText()).contains("GB 11643");

        var array = envelope(notAnObject);
        assertThat(array.path("errors").get(0).path("field").asText()).isEqualTo("record");
        assertThat(array.path("errors").get(0).path("message").asText()).isEqualTo("is not a clue object");

        assertThat(count("rejected")).isEqualTo(rejectedBefore + 3);
    }

    @Test
    void a_database_outage_is_retried_and_rejects_nothing() throws Exception {
        var clue = clue(unique(), idNumber);
        var failed = new AtomicBoolean();
        doAnswer(call -> {
                    List<ClueDraft> drafts = call.getArgument(0);
                    if (drafts.stream().anyMatch(d -> clue.clueId().equals(d.clueId()))
                            && failed.compareAndSet(false, true)) {
                        throw new CannotGetJdbcConnectionException("the database is down (simulated)");
                    }
                    return call.callRealMethod();
                })
                .when(intake)
                .take(anyList(), eq(IntakeDoor.KAFKA));

        awaitConsumed(send(clue.clueId(), write(clue)));

        assertThat(failed).isTrue();
        assertThat(only(clue.clueId()).door()).isEqualTo(IntakeDoor.KAFKA.name());
        assertThat(rejectedFor(clue.clueId())).isEmpty();
    }

    @Test
    void off_by_default_nothing_kafka_is_created() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
                .withUserConfiguration(KafkaIntakeConfiguration.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(KafkaIntake.class);
                    assertThat(context).doesNotHaveBean(MessageListenerContainer.class);
                    assertThat(context).doesNotHaveBean(KafkaAdmin.NewTopics.class);
                });
    }

    @Test
    void a_thousand_records_with_fifty_poisoned_store_exactly_the_nine_hundred_and_fifty_good() throws Exception {
        var idNumbers = jdbc.sql("SELECT id_number FROM residents.resident ORDER BY id LIMIT 40")
                .query(String.class)
                .list();
        var items = PoisonedClues.batch(unique(), idNumbers, clock.instant());
        long last = -1;
        for (var item : items) {
            last = producer.send(new ProducerRecord<>(TOPIC, item.draft().clueId(), write(item.draft())))
                    .get()
                    .offset();
        }
        var partition = new TopicPartition(TOPIC, 0);
        long end = last;
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            var committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .get(partition);
            return committed != null && committed.offset() > end;
        });

        var clueIds = items.stream().map(i -> i.draft().clueId()).toArray(String[]::new);
        assertThat(jdbc.sql("SELECT count(*) FROM warning.warning WHERE clue_id = ANY(:ids)")
                        .param("ids", clueIds)
                        .query(Integer.class)
                        .single())
                .isEqualTo(950);
        // every poisoned record on the rejected topic once, naming its field; no good one there
        var rejected = new java.util.HashMap<String, List<String>>();
        for (var record : rejectedFor(key -> true)) {
            rejected.put(
                    record.key(), json.readTree(record.value()).path("errors").findValuesAsText("field"));
        }
        for (var item : items) {
            if (item.poisoned()) {
                assertThat(rejected.get(item.draft().clueId()))
                        .as(item.poison())
                        .containsExactly(item.field());
            } else {
                assertThat(rejected).doesNotContainKey(item.draft().clueId());
            }
        }
    }

    // --- helpers

    private static String unique() {
        return "KAFKA-" + UUID.randomUUID();
    }

    private static String at(Instant instant) {
        return instant.atOffset(ZoneOffset.ofHours(8)).toString();
    }

    private ClueDraft clue(String clueId, String idNumber) {
        var now = clock.instant();
        return new ClueDraft(
                clueId,
                "BANK",
                "FUND",
                at(now.minusSeconds(60)),
                new ClueDraft.Person("王五", idNumber, null, null, null),
                new ClueDraft.Suspect(new ClueDraft.Account("某银行", "6222020200112233446", "李四"), null, null, null),
                "800",
                at(now.minusSeconds(3600)),
                "FAKE_INVESTMENT",
                null);
    }

    private static String otherCheckCharacter(String idNumber) {
        char check = idNumber.charAt(17);
        return idNumber.substring(0, 17) + (check == '0' ? '1' : '0');
    }

    private String write(ClueDraft clue) throws Exception {
        return json.writeValueAsString(clue);
    }

    /** Holds the consumer, so that what is sent next arrives in one poll after {@code container.resume()}. */
    private void pause() {
        container.pause();
        await().atMost(Duration.ofSeconds(10)).until(container::isContainerPaused);
    }

    /** Sends one record and answers its offset. */
    private long send(String key, String value) throws Exception {
        return producer.send(new ProducerRecord<>(TOPIC, key, value)).get().offset();
    }

    /** Waits until the intake group has committed past {@code offset}: the listener is done with it. */
    private void awaitConsumed(long offset) {
        var partition = new TopicPartition(TOPIC, 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .get(partition);
            return committed != null && committed.offset() > offset;
        });
    }

    private JsonNode post(ClueDraft clue) {
        var headers = new HttpHeaders();
        headers.setBearerAuth(TOKEN);
        headers.setContentType(MediaType.APPLICATION_JSON);
        var response = rest.postForEntity(
                "/api/v1/warnings", new HttpEntity<>(Map.of("items", List.of(clue)), headers), JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody().path("results").get(0);
    }

    private List<WarningView> warnings(String clueId) {
        return warnings.list(new WarningQuery(clueId, null, null, null, null, null, null, 0, 20), Scope.city())
                .items();
    }

    private WarningView only(String clueId) {
        var found = warnings(clueId);
        assertThat(found).as("warnings for clue %s", clueId).hasSize(1);
        return found.get(0);
    }

    private double count(String status) {
        return meters.get(KafkaIntake.METER).tag("status", status).counter().count();
    }

    /** Everything on the rejected topic under this key, read from the beginning to the end. */
    private List<ConsumerRecord<String, String>> rejectedFor(String key) {
        return rejectedFor(key::equals);
    }

    private List<ConsumerRecord<String, String>> rejectedFor(java.util.function.Predicate<String> key) {
        var found = new ArrayList<ConsumerRecord<String, String>>();
        var partition = new TopicPartition(REJECTED, 0);
        try (var consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.getBrokersAsString(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && key.test(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    private JsonNode envelope(String key) throws Exception {
        var found = rejectedFor(key);
        assertThat(found).as("rejected records keyed %s", key).hasSize(1);
        return json.readTree(found.get(0).value());
    }
}
