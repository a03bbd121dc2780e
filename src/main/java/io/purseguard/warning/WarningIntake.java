package io.purseguard.warning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.platform.TimeOrderedIds;
import io.purseguard.platform.Unnest;
import io.purseguard.residents.IdNumber;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one path every door takes: validate, de-duplicate by the upstream clue id, triage, route,
 * persist (the row is its own first history line) and {@link WarningsReceived}, in one transaction per
 * batch, or per half of a large one (see {@link #SPLIT_FROM}). Good items of a batch are taken in even
 * when others are refused. Every look-up is made once per batch (known clue ids, registry matches,
 * earlier warnings) and the rows are written in one statement: the per-clue work is in memory.
 */
@Service
public class WarningIntake {

    /** The most items one call takes; larger feeds are split by the caller. */
    public static final int MAX_BATCH = 1_000;

    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    private final ClueValidation validation;
    private final WarningRouter router;
    private final RuleSets ruleSets;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final IntakeThreads threads;
    private final ObjectMapper json;
    private final Clock clock;

    WarningIntake(
            ClueValidation validation,
            WarningRouter router,
            RuleSets ruleSets,
            JdbcClient jdbc,
            JdbcTemplate batch,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            IntakeThreads threads,
            ObjectMapper json,
            Clock clock) {
        this.validation = validation;
        this.router = router;
        this.ruleSets = ruleSets;
        this.jdbc = jdbc;
        this.batch = batch;
        this.events = events;
        this.transactions = transactions;
        this.threads = threads;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Takes in up to {@value #MAX_BATCH} clues and answers one result per clue, in order.
     *
     * @throws IllegalArgumentException for a batch larger than {@value #MAX_BATCH}
     */
    public List<IntakeResult> take(List<ClueDraft> drafts, IntakeDoor door) {
        if (drafts.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " clues per batch, got " + drafts.size());
        }
        var results = new IntakeResult[drafts.size()];
        // each clue's validation is its own, and it is the batch's largest piece of work in the JVM
        var checked = new ClueValidation.Result[drafts.size()];
        IntStream.range(0, drafts.size())
                .parallel()
                .forEach(i -> checked[i] = drafts.get(i) == null
                        ? new ClueValidation.Result(
                                null, List.of(FieldError.of("items[" + i + "]", FieldError.Code.EMPTY)))
                        : validation.validate(drafts.get(i)));
        var valid = new ArrayList<Indexed>();
        for (int i = 0; i < drafts.size(); i++) {
            if (checked[i].valid()) {
                valid.add(new Indexed(i, checked[i].clue()));
            } else {
                var draft = drafts.get(i);
                results[i] = IntakeResult.rejected(draft == null ? null : draft.clueId(), checked[i].errors());
            }
        }
        if (!valid.isEmpty()) {
            // the same order in every batch, so two batches sharing clue ids wait for each other
            // instead of deadlocking
            valid.sort(Comparator.comparing(v -> v.clue().clueId()));
            takeValid(valid, door, results);
        }
        return Arrays.asList(results);
    }

    private void takeValid(List<Indexed> valid, IntakeDoor door, IntakeResult[] results) {
        var rules = ruleSets.current();
        var now = clock.instant();
        var clues = valid.stream().map(Indexed::clue).toList();
        // Three reads of committed data that do not depend on each other: side by side, each on its own
        // connection, before the transaction, which then holds its connection only for the writes. A
        // clue committed by another batch after this look is caught by the insert (see insert). The
        // registry and earlier warnings are read for replayed clues too: replays are rare, and waiting
        // for the known ids first would put the reads back in a row.
        var looked = threads.submit(() -> router.lookUp(clues));
        var earlier = threads.submit(() -> new EarlierWarnings(clues, rules.parameters(), now));
        var known = existing(clues.stream().map(Clue::clueId).toList());
        var lookups = IntakeThreads.join(looked);
        var earlierWarnings = IntakeThreads.join(earlier);

        var fresh = new ArrayList<Indexed>();
        var firstInBatch = new HashMap<String, UUID>();
        for (var item : valid) {
            var clueId = item.clue().clueId();
            var first = known.containsKey(clueId) ? known.get(clueId) : firstInBatch.get(clueId);
            if (first != null) {
                results[item.index()] = IntakeResult.duplicate(clueId, first);
            } else {
                firstInBatch.put(clueId, TimeOrderedIds.next());
                fresh.add(item);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        var rows = new ArrayList<Taken>(fresh.size());
        for (var item : fresh) {
            var clue = item.clue();
            var facts = new TriageFacts(clue, age(clue), earlierWarnings.countAndRemember(clue), now);
            rows.add(new Taken(
                    item.index(),
                    firstInBatch.get(clue.clueId()),
                    clue,
                    router.route(clue, lookups),
                    Triage.grade(facts, rules.parameters(), rules.version())));
        }
        if (rows.size() < SPLIT_FROM || TransactionSynchronizationManager.isActualTransactionActive()) {
            commit(rows, door, now, rules.version(), results);
            return;
        }
        // The database is intake's bottleneck, and one connection uses one core. The halves go in clue id
        // order like the whole, so batches sharing clues still wait for each other instead of deadlocking.
        var upper = rows.subList(rows.size() / 2, rows.size());
        var second = threads.run(() -> commit(upper, door, now, rules.version(), results));
        commit(rows.subList(0, rows.size() / 2), door, now, rules.version(), results);
        IntakeThreads.join(second);
    }

    /**
     * From this many rows a batch is written as two halves side by side, each in its own transaction with
     * its own {@link WarningsReceived}. Below it a second commit would cost more than the half saves. A
     * caller's own transaction is never split: its batch commits or rolls back with it. Should one half
     * fail after the other committed, the call fails and the committed half stays; the clue id makes a
     * retry safe, answering those clues as duplicates of their warnings.
     */
    static final int SPLIT_FROM = 200;

    /** Inserts the rows and publishes their event in one transaction (or the caller's), filling in results. */
    private void commit(List<Taken> rows, IntakeDoor door, Instant now, int ruleSetVersion, IntakeResult[] results) {
        transactions.executeWithoutResult(transaction -> write(rows, door, now, ruleSetVersion, results, transaction));
    }

    private void write(
            List<Taken> rows,
            IntakeDoor door,
            Instant now,
            int ruleSetVersion,
            IntakeResult[] results,
            TransactionStatus transaction) {
        var inserted = insert(rows, door, now, ruleSetVersion, transaction);
        // clues committed by a concurrent batch after our first look: their warnings, in one query
        var raced = rows.size() == inserted.size()
                ? Map.<String, UUID>of()
                : existing(rows.stream()
                        .map(r -> r.clue().clueId())
                        .filter(id -> !inserted.contains(id))
                        .toList());
        var received = new ArrayList<UUID>(rows.size());
        for (var row : rows) {
            var clueId = row.clue().clueId();
            if (!inserted.contains(clueId)) {
                results[row.index()] = IntakeResult.duplicate(clueId, raced.get(clueId));
                continue;
            }
            results[row.index()] = IntakeResult.accepted(clueId, row.id());
            received.add(row.id());
        }
        if (!received.isEmpty()) {
            events.publishEvent(new WarningsReceived(List.copyOf(received)));
        }
    }

    private Map<String, UUID> existing(List<String> clueIds) {
        var found = new HashMap<String, UUID>();
        jdbc.sql("SELECT clue_id, id FROM warning.warning WHERE clue_id = ANY(:c)")
                .param("c", clueIds.toArray(String[]::new))
                .query(rs -> {
                    found.put(rs.getString(1), rs.getObject(2, UUID.class));
                });
        return found;
    }

    private Integer age(Clue clue) {
        var id = clue.person().idNumber();
        if (id == null) {
            return null;
        }
        LocalDate birth = new IdNumber(id).birthDate();
        return Period.between(birth, LocalDate.ofInstant(clock.instant(), LOCAL))
                .getYears();
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
     * (door, received and updated at, rule set version, in that order) or taken from another column.
     */
    private static final String[][] SHARED = {
        {"door", "?::text"},
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

    private static final String[] TYPES = Arrays.stream(COLUMNS).map(c -> c[1]).toArray(String[]::new);

    /**
     * All rows in one statement (arrays unnested server-side): one round trip and one plan instead of
     * a thousand. Answers which clue ids were inserted; the others were committed concurrently.
     *
     * <p>The clue ids were looked up a moment ago, so a conflict means a concurrent batch committed
     * one of them since, which is rare. The plain insert comes first; only on that conflict is the
     * batch redone with {@code ON CONFLICT}, whose speculative insertion would otherwise cost every row.
     */
    private Set<String> insert(
            List<Taken> rows, IntakeDoor door, Instant now, int ruleSetVersion, TransactionStatus transaction) {
        var at = Timestamp.from(now);
        var shared = new Object[] {door.name(), at, at, ruleSetVersion};
        var values = rows.parallelStream().map(this::row).toList();
        var savepoint = transaction.createSavepoint();
        try {
            Unnest.update(batch, INSERT, shared, TYPES, values);
            transaction.releaseSavepoint(savepoint);
            return rows.stream().map(r -> r.clue().clueId()).collect(Collectors.toSet());
        } catch (DuplicateKeyException raced) {
            transaction.rollbackToSavepoint(savepoint);
            return new HashSet<>(
                    Unnest.query(batch, INSERT_NEW_ONLY, shared, TYPES, values, (rs, i) -> rs.getString(1)));
        }
    }

    private Object[] row(Taken r) {
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

    private record Indexed(int index, Clue clue) {}

    private record Taken(int index, UUID id, Clue clue, Route route, Triage.Grade grade) {}

    /**
     * Earlier warnings of the same person (ID number or phone) within the repeat window: those already
     * stored, found by ID number and by phone (one query each), plus those earlier in this very batch.
     */
    private final class EarlierWarnings {

        private record Stored(UUID id, String idNumber, String phone) {}

        private final Map<String, Set<UUID>> byIdNumber = new HashMap<>();
        private final Map<String, Set<UUID>> byPhone = new HashMap<>();
        private long taken;

        /** Answers the stored ones by ID number and by phone, each read side by side with the other. */
        EarlierWarnings(List<Clue> clues, TriageParameters parameters, Instant now) {
            var since = Timestamp.from(now.minus(Duration.ofDays(parameters.repeatWindowDays())));
            var byPhone = threads.submit(() -> stored("person_phone", keys(clues, Clue.Person::phone), since));
            var byIdNumber = stored("person_id_number", keys(clues, Clue.Person::idNumber), since);
            for (var found : List.of(byIdNumber, IntakeThreads.join(byPhone))) {
                found.forEach(w -> remember(w.id(), w.idNumber(), w.phone()));
            }
        }

        private static String[] keys(List<Clue> clues, Function<Clue.Person, String> key) {
            return clues.stream()
                    .map(c -> key.apply(c.person()))
                    .filter(Objects::nonNull)
                    .distinct()
                    .toArray(String[]::new);
        }

        private List<Stored> stored(String column, String[] keys, Timestamp since) {
            if (keys.length == 0) {
                return List.of();
            }
            return jdbc.sql("SELECT id, person_id_number, person_phone FROM warning.warning WHERE " + column
                            + " = ANY(:keys) AND received_at >= :since")
                    .param("keys", keys)
                    .param("since", since)
                    .query((rs, i) -> new Stored(
                            rs.getObject("id", UUID.class),
                            rs.getString("person_id_number"),
                            rs.getString("person_phone")))
                    .list();
        }

        /** How many distinct earlier warnings this clue's person has; then counts this clue too. */
        int countAndRemember(Clue clue) {
            var person = clue.person();
            var seen = new HashSet<UUID>();
            if (person.idNumber() != null) {
                seen.addAll(byIdNumber.getOrDefault(person.idNumber(), Set.of()));
            }
            if (person.phone() != null) {
                seen.addAll(byPhone.getOrDefault(person.phone(), Set.of()));
            }
            // a stand-in id: only distinctness counts, and no stored warning has it
            remember(new UUID(0, ++taken), person.idNumber(), person.phone());
            return seen.size();
        }

        private void remember(UUID warning, String idNumber, String phone) {
            if (idNumber != null) {
                byIdNumber.computeIfAbsent(idNumber, k -> new HashSet<>()).add(warning);
            }
            if (phone != null) {
                byPhone.computeIfAbsent(phone, k -> new HashSet<>()).add(warning);
            }
        }
    }
}
