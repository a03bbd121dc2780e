package io.purseguard.warning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versioned triage parameters. A change is a new version, never an edit, so every warning can
 * say which rules graded it. Intake reads the newest version per batch: a change applies at once, on
 * every node, without a restart.
 */
@Service
public class RuleSets {

    /** One version of the parameters. */
    public record RuleSet(int version, Instant createdAt, String createdBy, TriageParameters parameters) {}

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    RuleSets(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The newest version; the defaults become version 1 the first time anyone asks. */
    @Transactional
    public RuleSet current() {
        return newest().orElseGet(() -> publish(TriageParameters.DEFAULTS, "system"));
    }

    /**
     * Stores {@code parameters} as the next version.
     *
     * @throws IllegalArgumentException when the parameters have problems (see {@link TriageParameters#problems()})
     */
    @Transactional
    public RuleSet publish(TriageParameters parameters, String by) {
        var problems = parameters.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid triage parameters: " + problems);
        }
        jdbc.sql("LOCK TABLE warning.rule_set IN SHARE ROW EXCLUSIVE MODE").update();
        int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM warning.rule_set")
                .query(Integer.class)
                .single();
        var now = clock.instant();
        jdbc.sql("INSERT INTO warning.rule_set (version, created_at, created_by, parameters) "
                        + "VALUES (:v, :at, :by, :p::jsonb)")
                .param("v", version)
                .param("at", Timestamp.from(now))
                .param("by", by)
                .param("p", write(parameters))
                .update();
        return new RuleSet(version, now, by, parameters);
    }

    @Transactional(readOnly = true)
    public List<RuleSet> history() {
        return jdbc.sql("SELECT * FROM warning.rule_set ORDER BY version DESC")
                .query((rs, i) -> row(rs))
                .list();
    }

    private java.util.Optional<RuleSet> newest() {
        return jdbc.sql("SELECT * FROM warning.rule_set ORDER BY version DESC LIMIT 1")
                .query((rs, i) -> row(rs))
                .optional();
    }

    private RuleSet row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new RuleSet(
                rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                read(rs.getString("parameters")));
    }

    private String write(TriageParameters parameters) {
        try {
            return json.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TriageParameters read(String text) {
        try {
            return json.readValue(text, TriageParameters.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rule set is unreadable", e);
        }
    }
}
