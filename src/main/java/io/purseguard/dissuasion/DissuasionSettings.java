package io.purseguard.dissuasion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.identity.AuditTrail;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versioned settings of dissuasion: the policy (clocks, revisits, watch) and the two checklists.
 * A change is a new version, audited; the newest applies to the next task opened, on every node.
 */
@Service
public class DissuasionSettings {

    public static final String POLICY = "policy";

    /** One version of a setting. */
    public record Version<T>(int version, Instant createdAt, String createdBy, T body) {}

    private static final Map<String, Object> DEFAULTS = Map.of(
            POLICY,
            DissuasionPolicy.DEFAULTS,
            Checklist.DISSUASION,
            Checklist.DISSUASION_DEFAULT,
            Checklist.REVISIT,
            Checklist.REVISIT_DEFAULT,
            Checklist.CASE_REVISIT,
            Checklist.CASE_REVISIT_DEFAULT);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final Clock clock;

    DissuasionSettings(JdbcClient jdbc, ObjectMapper json, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Version<DissuasionPolicy> policy() {
        return current(POLICY, DissuasionPolicy.class);
    }

    /** {@link Checklist#DISSUASION}, {@link Checklist#REVISIT} or {@link Checklist#CASE_REVISIT}. */
    @Transactional
    public Version<Checklist> checklist(String name) {
        requireKnown(name);
        return current(name, Checklist.class);
    }

    @Transactional(readOnly = true)
    public Optional<Version<Checklist>> checklist(String name, int version) {
        requireKnown(name);
        return jdbc.sql("SELECT * FROM dissuasion.setting WHERE name = :n AND version = :v")
                .param("n", name)
                .param("v", version)
                .query((rs, i) -> version(rs, Checklist.class))
                .optional();
    }

    @Transactional
    public Version<DissuasionPolicy> publishPolicy(DissuasionPolicy policy, String by) {
        requireUsable(policy.problems());
        return publish(POLICY, policy, by);
    }

    @Transactional
    public Version<Checklist> publishChecklist(String name, Checklist checklist, String by) {
        requireKnown(name);
        requireUsable(checklist.problems());
        return publish(name, checklist, by);
    }

    @Transactional(readOnly = true)
    public <T> List<Version<T>> history(String name, Class<T> type) {
        requireKnown(name);
        return jdbc.sql("SELECT * FROM dissuasion.setting WHERE name = :n ORDER BY version DESC")
                .param("n", name)
                .query((rs, i) -> version(rs, type))
                .list();
    }

    private <T> Version<T> current(String name, Class<T> type) {
        return jdbc.sql("SELECT * FROM dissuasion.setting WHERE name = :n ORDER BY version DESC LIMIT 1")
                .param("n", name)
                .query((rs, i) -> version(rs, type))
                .optional()
                .orElseGet(() -> publish(name, type.cast(DEFAULTS.get(name)), "system"));
    }

    private <T> Version<T> publish(String name, T body, String by) {
        // one writer at a time per setting, so versions never collide
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('dissuasion.setting:' || :n))")
                .param("n", name)
                .query((rs, i) -> 1)
                .list();
        int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM dissuasion.setting WHERE name = :n")
                .param("n", name)
                .query(Integer.class)
                .single();
        var now = clock.instant();
        jdbc.sql("INSERT INTO dissuasion.setting (name, version, created_at, created_by, body) "
                        + "VALUES (:n, :v, :at, :by, :body::jsonb)")
                .param("n", name)
                .param("v", version)
                .param("at", Timestamp.from(now))
                .param("by", by)
                .param("body", write(body))
                .update();
        if (!"system".equals(by)) {
            audit.record(by, "DISSUASION_SETTING_PUBLISHED", "setting", name, "version " + version);
        }
        return new Version<>(version, now, by, body);
    }

    private <T> Version<T> version(java.sql.ResultSet rs, Class<T> type) throws java.sql.SQLException {
        try {
            return new Version<>(
                    rs.getInt("version"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getString("created_by"),
                    json.readValue(rs.getString("body"), type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored setting is unreadable", e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireKnown(String name) {
        if (!DEFAULTS.containsKey(name)) {
            throw new IllegalArgumentException("no setting " + name);
        }
    }

    private static void requireUsable(Map<String, String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidSetting(problems);
        }
    }

    /** A setting with problems, by field; the API answers it as a 400 naming each field. */
    public static class InvalidSetting extends IllegalArgumentException {

        private final Map<String, String> problems;

        public InvalidSetting(Map<String, String> problems) {
            super("invalid setting: " + problems);
            this.problems = Map.copyOf(problems);
        }

        public Map<String, String> problems() {
            return problems;
        }
    }
}
