package io.purseguard.warning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.platform.Unnest;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;

/**
 * Writes a batch's warning rows: all in one statement (arrays unnested server-side), one round trip
 * and one plan instead of a thousand. Should the database refuse a row that validation passed, the
 * row is found and refused alone and the others are written: no row can sink its batch.
 */
@Component
class WarningRows {

    private static final Logger log = LoggerFactory.getLogger(WarningRows.class);

    private final JdbcTemplate batch;
    private final ObjectMapper json;

    WarningRows(JdbcTemplate batch, ObjectMapper json) {
        this.batch = batch;
        this.json = json;
    }

    /**
     * What became of the rows: the clue ids inserted, and those the database refused (each alone). A
     * row in neither was committed concurrently by another batch.
     */
    record Written(Set<String> inserted, Set<String> refused) {}

    /** The values every row of one insert shares. */
    record Shared(IntakeDoor door, String receivedBy, Instant now, int ruleSetVersion) {

        Object[] parameters() {
            var at = Timestamp.from(now);
            return new Object[] {door.name(), receivedBy, at, at, ruleSetVersion};
        }
    }

    /**
     * Inserts the rows in {@code transaction}. The clue ids were looked up a moment ago, so a conflict
     * means a concurrent batch committed one of them since, which is rare: the plain insert comes
     * first, and only on that conflict is the batch redone with {@code ON CONFLICT}, whose speculative
     * insertion would otherwise cost every row. A data error (SQLState class 22 or 23) is the other
     * way off the fast path: see {@link #isolate}.
     */
    Written insert(List<WarningIntake.Taken> rows, Shared shared, TransactionStatus transaction) {
        var parameters = shared.parameters();
        var values = rows.parallelStream().map(this::row).toList();
        var savepoint = transaction.createSavepoint();
        try {
            Unnest.update(batch, INSERT, parameters, TYPES, values);
            transaction.releaseSavepoint(savepoint);
            return new Written(rows.stream().map(r -> r.clue().clueId()).collect(Collectors.toSet()), Set.of());
        } catch (DataAccessException e) {
            if (!(e instanceof DuplicateKeyException) && !dataError(e)) {
                throw e;
            }
            transaction.rollbackToSavepoint(savepoint);
            transaction.releaseSavepoint(savepoint);
            var written = new Written(new HashSet<>(), new HashSet<>());
            isolate(rows, values, parameters, transaction, written);
            return written;
        }
    }

    /**
     * The rows again, new ones only, each part under a savepoint: when the database refuses a part, it
     * is rolled back and halved until the refused rows stand alone. k bad rows among n cost about
     * k·log2(n) statements; a batch without one costs one.
     */
    private void isolate(
            List<WarningIntake.Taken> rows,
            List<Object[]> values,
            Object[] parameters,
            TransactionStatus transaction,
            Written written) {
        var savepoint = transaction.createSavepoint();
        try {
            written.inserted()
                    .addAll(Unnest.query(
                            batch, INSERT_NEW_ONLY, parameters, TYPES, values, (rs, i) -> rs.getString(1)));
            transaction.releaseSavepoint(savepoint);
        } catch (DataAccessException e) {
            if (!dataError(e)) {
                throw e;
            }
            transaction.rollbackToSavepoint(savepoint);
            transaction.releaseSavepoint(savepoint);
            if (rows.size() == 1) {
                var clueId = rows.get(0).clue().clueId();
                // what the database said, without the row's values: they are personal data
                log.warn(
                        "Warning intake: the database refused clue {} ({}); the rest of its batch is kept",
                        clueId,
                        refusal(e));
                written.refused().add(clueId);
                return;
            }
            int half = rows.size() / 2;
            isolate(rows.subList(0, half), values.subList(0, half), parameters, transaction, written);
            isolate(
                    rows.subList(half, rows.size()),
                    values.subList(half, rows.size()),
                    parameters,
                    transaction,
                    written);
        }
    }

    /** Class 22 (data exception: too long, out of range, bad encoding) or 23 (a constraint). */
    static boolean dataError(Throwable e) {
        var state = sqlState(e);
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private static String sqlState(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** The SQLState and what PostgreSQL names (constraint, column), never the failing row's values. */
    private static String refusal(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException p && p.getServerErrorMessage() != null) {
                var m = p.getServerErrorMessage();
                return "SQLState " + m.getSQLState()
                        + (m.getConstraint() == null ? "" : ", constraint " + m.getConstraint())
                        + (m.getColumn() == null ? "" : ", column " + m.getColumn());
            }
        }
        return "SQLState " + sqlState(e);
    }

    /** The warning columns in {@link #row} order, with each one's SQL array type for {@code unnest}. */
    private static final String[][] COLUMNS = {
        {"id", "uuid"},
        {"clue_id", "text"},
        {"source", "text"},
        {"kind", "text"},
        {"pushed_at", "timestamptz"},
        {"person_name", "text"},
        {"person_id_number", "text"},
        {"person_phone", "text"},
        {"person_address", "text"},
        {"person_bank", "text"},
        {"person_account", "text"},
        {"suspect_bank", "text"},
        {"suspect_account", "text"},
        {"suspect_holder", "text"},
        {"suspect_phone", "text"},
        {"suspect_url", "text"},
        {"suspect_app", "text"},
        {"amount", "numeric"},
        {"transacted_at", "timestamptz"},
        {"fraud_type", "text"},
        {"upstream_level", "text"},
        {"level", "text"},
        {"level_reasons", "text"},
        {"resident_id", "uuid"},
        {"route_method", "text"},
        {"route_note", "text"},
        {"unit_code", "text"},
        {"district_code", "text"},
        {"station_code", "text"},
        {"township_code", "text"},
        {"community_code", "text"},
        {"grid_code", "text"}
    };

    /**
     * The columns that are the same for every row of a batch, with their SQL: bound once as {@code ?}
     * (door, who took it in, received and updated at, rule set version, in that order) or taken from
     * another column.
     */
    private static final String[][] SHARED = {
        {"door", "?::text"},
        {"received_by", "?::text"},
        {"received_at", "?::timestamptz"},
        {"updated_at", "?::timestamptz"},
        {"rule_set_version", "?::int4"},
        {"routed_unit_code", "t.unit_code"},
        {"status", "'RECEIVED'"}
    };

    private static final String INSERT = "INSERT INTO warning.warning ("
            + String.join(
                    ", ",
                    Stream.concat(Arrays.stream(SHARED), Arrays.stream(COLUMNS))
                            .map(c -> c[0])
                            .toList())
            + ") SELECT "
            + String.join(
                    ", ",
                    Stream.concat(
                                    Arrays.stream(SHARED).map(c -> c[1]),
                                    Arrays.stream(COLUMNS)
                                            .map(c -> c[0].equals("level_reasons")
                                                    ? "t.level_reasons::jsonb"
                                                    : "t." + c[0]))
                            .toList())
            + " FROM unnest("
            + String.join(
                    ", ", Arrays.stream(COLUMNS).map(c -> "?::" + c[1] + "[]").toList()) + ") AS t("
            + String.join(", ", Arrays.stream(COLUMNS).map(c -> c[0]).toList())
            + ")";

    private static final String INSERT_NEW_ONLY =
            INSERT + " ON CONFLICT ON CONSTRAINT warning_clue_id_key DO NOTHING RETURNING clue_id";

    static final String[] TYPES = Arrays.stream(COLUMNS).map(c -> c[1]).toArray(String[]::new);

    private Object[] row(WarningIntake.Taken r) {
        var clue = r.clue();
        var p = clue.person();
        var s = clue.suspect();
        var placement = r.route().placement();
        return new Object[] {
            r.id(),
            clue.clueId(),
            clue.source().name(),
            clue.kind().name(),
            Timestamp.from(clue.pushedAt()),
            p.name(),
            p.idNumber(),
            p.phone(),
            p.address(),
            p.account() == null ? null : p.account().bank(),
            p.account() == null ? null : p.account().number(),
            s.account() == null ? null : s.account().bank(),
            s.account() == null ? null : s.account().number(),
            s.account() == null ? null : s.account().holder(),
            s.phone(),
            s.url(),
            s.app(),
            clue.amount(),
            clue.transactedAt() == null ? null : Timestamp.from(clue.transactedAt()),
            clue.fraudType() == null ? null : clue.fraudType().name(),
            clue.upstreamLevel(),
            r.grade().level().name(),
            write(r.grade().reasons()),
            r.route().residentId(),
            r.route().method().name(),
            r.route().note(),
            r.route().unitCode(),
            placement.district(),
            placement.station(),
            placement.township(),
            placement.community(),
            placement.grid()
        };
    }

    private String write(List<LevelReason> reasons) {
        try {
            return json.writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
