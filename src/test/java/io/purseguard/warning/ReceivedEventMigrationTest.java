package io.purseguard.warning;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.PurseguardTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * V13 rewrites the {@link WarningsReceived} publications still waiting in the event registry from the
 * old shape (every warning's facts) to the new one (their ids), so a restart after the upgrade resubmits
 * them instead of failing on them. Completed ones and other events are left as they were.
 */
@PurseguardTest
class ReceivedEventMigrationTest {

    static final String TYPE = WarningsReceived.class.getName();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate template;

    @Autowired
    EventSerializer serializer;

    @Test
    void waiting_publications_of_the_old_shape_are_rewritten_to_ids() throws Exception {
        var first = UUID.randomUUID();
        var second = UUID.randomUUID();
        var old = """
                {"warnings":[{"warningId":"%s","clueId":"C-1","kind":"FUND","level":"HIGH"},
                             {"warningId":"%s","clueId":"C-2","kind":"SMS","level":"LOW"}]}""".formatted(first, second);
        var waiting = publication(TYPE, old, null);
        var done = publication(TYPE, old, Instant.now());
        var other = publication("io.purseguard.warning.WarningSignedFor", "{\"warnings\":[]}", null);

        template.execute(
                Files.readString(Path.of("src/main/resources/db/migration/V13__warning_received_event_names_ids.sql")));

        var rewritten = serializedEvent(waiting);
        assertThat(serializer.deserialize(rewritten, WarningsReceived.class))
                .isEqualTo(new WarningsReceived(List.of(first, second)));
        assertThat(serializedEvent(done)).isEqualTo(old);
        assertThat(serializedEvent(other)).isEqualTo("{\"warnings\":[]}");
    }

    private UUID publication(String type, String event, Instant completed) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
                            completion_date)
                        VALUES (:id, 'test.listener', :type, :event, now(), :completed)
                        """)
                .param("id", id)
                .param("type", type)
                .param("event", event)
                .param("completed", completed == null ? null : java.sql.Timestamp.from(completed))
                .update();
        return id;
    }

    private String serializedEvent(UUID id) {
        return jdbc.sql("SELECT serialized_event FROM event_publication WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
