package io.purseguard.warning.kafka;

import io.purseguard.warning.WarningIntake;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Kafka door ({@code purseguard.intake.kafka.*}). The connection itself (servers, security, client
 * id) is Spring Boot's {@code spring.kafka.*}.
 *
 * @param enabled off by default; with it off nothing Kafka-related is created or connects
 * @param topic clues in, one JSON object per record, keyed by {@code clueId}
 * @param rejectedTopic records that are not a valid clue, each in an envelope naming the errors
 * @param groupId the consumer group whose committed offsets say how far intake has come
 * @param maxPollRecords the most records in one poll, which is one call of {@link WarningIntake#take}
 *     (at most {@value WarningIntake#MAX_BATCH})
 * @param concurrency consumers in this instance (useful up to the topic's partition count)
 * @param createTopics declare both topics so that they are created on start when missing (broker
 *     defaults for partitions and replicas); off where topics are provisioned by the platform team
 */
@ConfigurationProperties("purseguard.intake.kafka")
record KafkaIntakeProperties(
        boolean enabled,
        @DefaultValue("purseguard.warnings") String topic,
        @DefaultValue("purseguard.warnings.rejected") String rejectedTopic,
        @DefaultValue("purseguard-intake") String groupId,
        @DefaultValue("500") int maxPollRecords,
        @DefaultValue("1") int concurrency,
        @DefaultValue("true") boolean createTopics) {

    KafkaIntakeProperties {
        if (maxPollRecords < 1 || maxPollRecords > WarningIntake.MAX_BATCH) {
            throw new IllegalArgumentException("purseguard.intake.kafka.max-poll-records must be 1.."
                    + WarningIntake.MAX_BATCH + ", got " + maxPollRecords);
        }
        if (topic.equals(rejectedTopic)) {
            throw new IllegalArgumentException(
                    "purseguard.intake.kafka.rejected-topic must differ from the topic (" + topic + ")");
        }
    }
}
