package io.purseguard.casework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.dissuasion.Checklist;
import io.purseguard.dissuasion.DissuasionSettings;
import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Masking;
import io.purseguard.platform.Text;
import io.purseguard.platform.TimeOrderedIds;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 案件回访: a filed case's victim is revisited on days {@link #DAYS}, each time working through the
 * case-revisit checklist, which warns against "recovery" scams (追损/退款诈骗). The checklist is
 * dissuasion's versioned checklist mechanism ({@link DissuasionSettings}, {@link Checklist#CASE_REVISIT})
 * and every revisit records the version it used, as a dissuasion revisit does.
 */
@Service
public class CaseRevisits {

    /** Days after filing. */
    public static final List<Integer> DAYS = List.of(7, 30);

    /** One revisit, with its case for the list. */
    public record Revisit(
            UUID id,
            UUID caseId,
            String caseNo,
            String victimName,
            int day,
            Instant dueAt,
            boolean overdue,
            Instant doneAt,
            String doneBy,
            Integer checklistVersion,
            Map<String, Boolean> answers,
            String note) {}

    private final JdbcClient jdbc;
    private final CaseDirectory directory;
    private final DissuasionSettings settings;
    private final CaseStore store;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;

    CaseRevisits(
            JdbcClient jdbc,
            CaseDirectory directory,
            DissuasionSettings settings,
            CaseStore store,
            AuditTrail audit,
            ObjectMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.settings = settings;
        this.store = store;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** The checklist a revisit works through now. */
    public DissuasionSettings.Version<Checklist> checklist() {
        return settings.checklist(Checklist.CASE_REVISIT);
    }

    void schedule(UUID caseId, Instant filedAt) {
        for (int day : DAYS) {
            jdbc.sql("INSERT INTO casework.revisit (id, case_id, day, due_at) VALUES (:id, :case, :day, :due) "
                            + "ON CONFLICT (case_id, day) DO NOTHING")
                    .param("id", TimeOrderedIds.next())
                    .param("case", caseId)
                    .param("day", day)
                    .param("due", Timestamp.from(filedAt.plus(Duration.ofDays(day))))
                    .update();
        }
    }

    @Transactional(readOnly = true)
    public List<Revisit> ofCase(UUID caseId, Caller caller) {
        directory.requireVisible(caseId, caller);
        return query("r.case_id = :case", Map.of("case", caseId), caller, 100);
    }

    /** Revisits not yet done in the cases the caller sees, soonest first. */
    @Transactional(readOnly = true)
    public List<Revisit> due(Caller caller, int limit) {
        if (!CaseScope.worksCases(caller)) {
            return List.of();
        }
        return query("r.done_at IS NULL", Map.of(), caller, limit);
    }

    /** Marks a revisit done with every item of the current checklist answered. */
    @Transactional
    public Revisit complete(UUID revisitId, Caller caller, Map<String, Boolean> answers, String note) {
        var caseId = jdbc.sql("SELECT case_id FROM casework.revisit WHERE id = :id")
                .param("id", revisitId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new CaseNotFound(revisitId));
        directory.requireVisible(caseId, caller);
        var checklist = checklist();
        var given = answers == null ? Map.<String, Boolean>of() : answers;
        if (!given.keySet().equals(checklist.body().ids())) {
            throw new CaseRefused("checklist", "answer every item of checklist version " + checklist.version());
        }
        var text = CaseInputs.text(note, "note", Text.NOTE);
        var now = clock.instant();
        int updated = jdbc.sql("""
                        UPDATE casework.revisit SET done_at = :now, done_by = :by, checklist_version = :v,
                            answers = :answers::jsonb, note = :note
                        WHERE id = :id AND done_at IS NULL
                        """)
                .param("now", Timestamp.from(now))
                .param("by", caller.name())
                .param("v", checklist.version())
                .param("answers", write(given))
                .param("note", text, java.sql.Types.VARCHAR)
                .param("id", revisitId)
                .update();
        if (updated == 0) {
            throw new CaseRefused(null, "this revisit is already done");
        }
        store.history(caseId, now, caller.name(), "REVISIT", null, null, null, text);
        audit.record(caller.name(), "CASE_REVISITED", "case", caseId.toString(), "checklist v" + checklist.version());
        return query("r.id = :id", Map.of("id", revisitId), caller, 1).get(0);
    }

    private List<Revisit> query(String where, Map<String, Object> params, Caller caller, int limit) {
        var now = clock.instant();
        return jdbc.sql(
                        "SELECT r.*, c.case_no, (SELECT v.name FROM casework.victim v WHERE v.case_id = c.id ORDER BY v.seq"
                                + " LIMIT 1) AS victim FROM casework.revisit r JOIN casework.fraud_case c ON c.id = r.case_id WHERE "
                                + where + " AND " + CaseScope.visible(caller) + " ORDER BY r.due_at LIMIT :limit")
                .params(params)
                .params(CaseScope.params(caller))
                .param("limit", Math.max(1, Math.min(limit, 500)))
                .query((rs, i) -> {
                    var due = rs.getTimestamp("due_at").toInstant();
                    var done = rs.getTimestamp("done_at");
                    return new Revisit(
                            rs.getObject("id", UUID.class),
                            rs.getObject("case_id", UUID.class),
                            rs.getString("case_no"),
                            Masking.name(rs.getString("victim")),
                            rs.getInt("day"),
                            due,
                            done == null && !due.isAfter(now),
                            done == null ? null : done.toInstant(),
                            rs.getString("done_by"),
                            (Integer) rs.getObject("checklist_version"),
                            read(rs.getString("answers")),
                            rs.getString("note"));
                })
                .list();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Boolean> read(String value) {
        if (value == null) {
            return Map.of();
        }
        try {
            return json.readValue(value, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Boolean>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
