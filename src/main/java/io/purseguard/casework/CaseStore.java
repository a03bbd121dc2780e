package io.purseguard.casework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.platform.BulkCopy;
import io.purseguard.scope.Placement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes cases and their rows. One case goes in with a plain INSERT that a second draft for the same
 * task or a second import of the same upstream number skips; many (an import, the demo's history)
 * with {@code COPY}. Victims, identifiers, transfers and history lines always go by {@code COPY}.
 */
@Component
class CaseStore {

    static final List<String> CASE_COLUMNS = Placement.columnsAfter(
            "id",
            "case_no",
            "status",
            "origin",
            "upstream_ref",
            "warning_id",
            "task_id",
            "fraud_type",
            "fraud_subtype",
            "suggested_type",
            "suggested_confidence",
            "suggested_reasons",
            "narrative",
            "loss_stated",
            "loss_amount",
            "reported_at",
            "occurred_at",
            "status_at",
            "unit_code",
            "unit_district_code",
            "officer_name",
            "victim_birth_date",
            "victim_gender",
            "created_at",
            "created_by",
            "updated_at");

    private final JdbcClient jdbc;
    private final BulkCopy copy;
    private final ObjectMapper json;

    CaseStore(JdbcClient jdbc, BulkCopy copy, ObjectMapper json) {
        this.jdbc = jdbc;
        this.copy = copy;
        this.json = json;
    }

    /** Inserts one case; false (and nothing written) when its task or upstream number already has one. */
    boolean insert(NewCase c) {
        var columns = String.join(", ", CASE_COLUMNS);
        var params = new ArrayList<String>();
        for (var column : CASE_COLUMNS) {
            params.add(column.equals("suggested_reasons") ? ":suggested_reasons::jsonb" : ":" + column);
        }
        var values = row(c);
        var statement = jdbc.sql("INSERT INTO casework.fraud_case (" + columns + ") VALUES ("
                + String.join(", ", params) + ") ON CONFLICT DO NOTHING");
        for (int i = 0; i < CASE_COLUMNS.size(); i++) {
            var value = jdbcValue(values[i]);
            statement = statement.param(CASE_COLUMNS.get(i), value, sqlType(value));
        }
        if (statement.update() == 0) {
            return false;
        }
        children(List.of(c));
        return true;
    }

    /** Inserts many cases at once, in the caller's transaction. */
    void insertAll(List<NewCase> cases) {
        if (cases.isEmpty()) {
            return;
        }
        copy.copy("casework.fraud_case", CASE_COLUMNS, cases, this::row);
        children(cases);
    }

    private void children(List<NewCase> cases) {
        copy.copy(
                "casework.victim",
                List.of(
                        "case_id",
                        "seq",
                        "resident_id",
                        "name",
                        "id_number",
                        "phone",
                        "birth_date",
                        "gender",
                        "occupation",
                        "employer"),
                () -> cases.stream()
                        .flatMap(c -> c.victims().stream().map(v -> new Object[] {
                            c.id(),
                            v.seq(),
                            v.residentId(),
                            v.name(),
                            v.idNumber(),
                            v.phone(),
                            v.birthDate(),
                            v.gender(),
                            v.occupation(),
                            v.employer()
                        }))
                        .iterator(),
                row -> row);
        copy.copy(
                "casework.identifier",
                List.of("case_id", "kind", "normalized", "value", "detail"),
                () -> cases.stream()
                        .flatMap(c -> c.identifiers().stream().map(i ->
                                new Object[] {c.id(), i.kind().name(), i.normalized(), i.value(), i.detail()}))
                        .iterator(),
                row -> row);
        copy.copy(
                "casework.transfer",
                List.of(
                        "case_id",
                        "seq",
                        "at",
                        "amount",
                        "victim_account",
                        "receiving_account",
                        "receiving_holder",
                        "receiving_bank",
                        "channel",
                        "created_by"),
                () -> cases.stream()
                        .flatMap(c -> c.transfers().stream().map(t -> new Object[] {
                            c.id(),
                            t.seq(),
                            timestamp(t.at()),
                            t.amount(),
                            t.victimAccount(),
                            t.receivingAccount(),
                            t.receivingHolder(),
                            t.receivingBank(),
                            t.channel().name(),
                            t.createdBy()
                        }))
                        .iterator(),
                row -> row);
        copy.copy(
                "casework.history",
                List.of("case_id", "seq", "at", "actor", "action", "from_status", "to_status", "unit_code", "note"),
                () -> cases.stream()
                        .flatMap(c -> c.history().stream().map(h -> new Object[] {
                            c.id(),
                            h.seq(),
                            timestamp(h.at()),
                            h.actor(),
                            h.action(),
                            h.from() == null ? null : h.from().name(),
                            h.to() == null ? null : h.to().name(),
                            h.unitCode(),
                            h.note()
                        }))
                        .iterator(),
                row -> row);
    }

    /** Appends a history line with the next number. */
    void history(
            UUID caseId,
            Instant at,
            String actor,
            String action,
            CaseStatus from,
            CaseStatus to,
            String unit,
            String note) {
        jdbc.sql("""
                        INSERT INTO casework.history (case_id, seq, at, actor, action, from_status, to_status, unit_code, note)
                        SELECT :id, coalesce(max(seq), 0) + 1, :at, :actor, :action, :from, :to, :unit, :note
                        FROM casework.history WHERE case_id = :id
                        """)
                .param("id", caseId)
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .param("action", action)
                .param("from", from == null ? null : from.name(), java.sql.Types.VARCHAR)
                .param("to", to == null ? null : to.name(), java.sql.Types.VARCHAR)
                .param("unit", unit, java.sql.Types.VARCHAR)
                .param("note", note, java.sql.Types.VARCHAR)
                .update();
    }

    /** Adds identifiers a case does not hold yet. */
    void addIdentifiers(UUID caseId, List<NewCase.Identifier> identifiers) {
        for (var i : identifiers) {
            jdbc.sql("INSERT INTO casework.identifier (case_id, kind, normalized, value, detail) "
                            + "VALUES (:id, :kind, :key, :value, :detail) ON CONFLICT DO NOTHING")
                    .param("id", caseId)
                    .param("kind", i.kind().name())
                    .param("key", i.normalized())
                    .param("value", i.value())
                    .param("detail", i.detail(), java.sql.Types.VARCHAR)
                    .update();
        }
    }

    private Object[] row(NewCase c) {
        var s = c.suggested();
        return c.placement()
                .appendTo(
                        c.id(),
                        c.caseNo(),
                        c.status().name(),
                        c.origin().name(),
                        c.upstreamRef(),
                        c.warningId(),
                        c.taskId(),
                        c.fraudType().name(),
                        c.fraudSubtype(),
                        s == null ? null : s.code().name(),
                        s == null ? null : java.math.BigDecimal.valueOf(s.confidence()),
                        s == null ? null : write(s.reasons()),
                        c.narrative(),
                        c.lossStated(),
                        c.lossAmount(),
                        timestamp(c.reportedAt()),
                        timestamp(c.occurredAt()),
                        timestamp(c.statusAt()),
                        c.unitCode(),
                        c.unitDistrictCode(),
                        c.officerName(),
                        c.victimBirthDate(),
                        c.victimGender(),
                        timestamp(c.createdAt()),
                        c.createdBy(),
                        timestamp(c.createdAt()));
    }

    private static Object jdbcValue(Object value) {
        if (value instanceof Instant at) {
            return Timestamp.from(at);
        }
        return value instanceof java.time.LocalDate d ? java.sql.Date.valueOf(d) : value;
    }

    private static int sqlType(Object value) {
        if (value == null) {
            // an untyped null: PostgreSQL takes the column's type
            return java.sql.Types.OTHER;
        }
        if (value instanceof String) {
            return java.sql.Types.VARCHAR;
        }
        if (value instanceof UUID) {
            return java.sql.Types.OTHER;
        }
        if (value instanceof Timestamp) {
            return java.sql.Types.TIMESTAMP;
        }
        if (value instanceof java.time.LocalDate) {
            return java.sql.Types.DATE;
        }
        if (value instanceof java.math.BigDecimal) {
            return java.sql.Types.NUMERIC;
        }
        return java.sql.Types.OTHER;
    }

    /** COPY writes an instant as ISO-8601 with its Z, which timestamptz reads unambiguously. */
    private static Instant timestamp(Instant at) {
        return at;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
