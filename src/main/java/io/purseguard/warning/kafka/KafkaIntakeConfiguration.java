package io.purseguard.warning.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.purseguard.warning.WarningIntake;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The Kafka door, only with {@code purseguard.intake.kafka.enabled=true} (and
 * {@code spring.kafka.bootstrap-servers}). Off, none of this exists: no consumer, no producer, no topic
 * declarations, so Spring Boot's Kafka beans never connect.
 *
 * <p>The consumer and the rejected-topic producer start from Spring Boot's factories (so every
 * {@code spring.kafka.*} connection, security and client setting applies) with these overrides: the
 * group {@code purseguard.intake.kafka.group-id}, String deserializers and serializers, no auto-commit
 * (offsets are committed by the container after each poll's listener returns, {@code AckMode.BATCH}),
 * {@code max.poll.records} from {@code purseguard.intake.kafka.max-poll-records} (one poll is one intake
 * batch) and, unless {@code spring.kafka.consumer.auto-offset-reset} says otherwise, {@code earliest}, so
 * that a new group starts from the oldest clue rather than skipping what is already on the topic.
 * Boot's {@code spring.kafka.listener.*} settings do not apply to this container; it is configured here.
 *
 * <p><b>Errors.</b> Poison records never reach the error handler ({@link KafkaIntake} answers them on the
 * rejected topic). Whatever else the listener throws, a database outage above all, is treated as
 * transient: a {@link DefaultErrorHandler} re-delivers the whole poll with an exponential back-off (1 s
 * doubling to 30 s, for 5 min), every exception type counted as retryable; when that back-off is spent
 * its recoverer refuses to skip the poll, so the container re-seeks it and a new round begins. Clues
 * therefore wait in Kafka until the database is back; they are never skipped, nor sent to the rejected
 * topic, because of an outage. The price: a bug that makes intake throw on one clue holds up its
 * partition (visible as consumer lag and as errors in the log) until fixed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("purseguard.intake.kafka.enabled")
@EnableConfigurationProperties(KafkaIntakeProperties.class)
class KafkaIntakeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaIntakeConfiguration.class);

    static final Duration RETRY_FIRST = Duration.ofSeconds(1);
    static final Duration RETRY_MAX_INTERVAL = Duration.ofSeconds(30);
    static final Duration RETRY_ROUND = Duration.ofMinutes(5);

    @Bean
    RejectedRecords purseguardIntakeRejectedRecords(
            ProducerFactory<?, ?> springProducers, KafkaIntakeProperties properties, ObjectMapper json) {
        var config = new HashMap<>(springProducers.getConfigurationProperties());
        return new RejectedRecords(
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new StringSerializer()),
                properties.rejectedTopic(),
                json);
    }

    @Bean
    KafkaIntake purseguardKafkaIntake(
            WarningIntake intake, ObjectMapper json, RejectedRecords rejected, MeterRegistry meters) {
        return new KafkaIntake(intake, json, rejected, meters);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, String> purseguardIntakeContainerFactory(
            ConsumerFactory<?, ?> springConsumers, KafkaIntakeProperties properties) {
        Map<String, Object> config = new HashMap<>(springConsumers.getConfigurationProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxPollRecords());
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var factory = new ConcurrentKafkaListenerContainerFactory<String, String>();
        factory.setConsumerFactory(
                new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new StringDeserializer()));
        factory.setBatchListener(true);
        factory.setConcurrency(properties.concurrency());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        factory.setCommonErrorHandler(retryUntilTakenIn());
        return factory;
    }

    /** Re-delivers a failed poll with a bounded back-off, then re-seeks it: nothing is skipped. */
    static DefaultErrorHandler retryUntilTakenIn() {
        var backOff = new ExponentialBackOff(RETRY_FIRST.toMillis(), 2.0);
        backOff.setMaxInterval(RETRY_MAX_INTERVAL.toMillis());
        backOff.setMaxElapsedTime(RETRY_ROUND.toMillis());
        var handler = new DefaultErrorHandler(
                (record, e) -> {
                    throw new IllegalStateException(
                            "Kafka intake still failing after " + RETRY_ROUND + "; the poll is re-read, not skipped",
                            e);
                },
                backOff);
        // no exception type skips the retries (the defaults would hand e.g. a ClassCastException straight
        // to the recoverer, which re-seeks at once: a loop with no back-off)
        handler.setClassifications(Map.of(), true);
        return handler;
    }

    @Bean
    ConcurrentMessageListenerContainer<String, String> purseguardIntakeContainer(
            ConcurrentKafkaListenerContainerFactory<String, String> purseguardIntakeContainerFactory,
            KafkaIntake intake,
            KafkaIntakeProperties properties) {
        var container = purseguardIntakeContainerFactory.createContainer(properties.topic());
        container.setupMessageListener(intake);
        log.info(
                "Kafka intake on: topic {}, rejects to {}, group {}",
                properties.topic(),
                properties.rejectedTopic(),
                properties.groupId());
        return container;
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "purseguard.intake.kafka.create-topics", matchIfMissing = true)
    KafkaAdmin.NewTopics purseguardIntakeTopics(KafkaIntakeProperties properties) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(properties.topic()).build(),
                TopicBuilder.name(properties.rejectedTopic()).build());
    }
}
