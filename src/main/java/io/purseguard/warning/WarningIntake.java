package io.purseguard.warning;

import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.platform.TimeOrderedIds;
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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.springframework.context.ApplicationEventPublisher;
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
    private final WarningRows warningRows;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final IntakeThreads threads;
    private final AuditTrail audit;
    private final Clock clock;

    WarningIntake(
            ClueValidation validation,
            WarningRouter router,
            RuleSets ruleSets,
            JdbcClient jdbc,
            WarningRows warningRows,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            IntakeThreads threads,
            AuditTrail audit,
            Clock clock) {
        this.validation = validation;
        this.router = router;
        this.ruleSets = ruleSets;
        this.jdbc = jdbc;
        this.warningRows = warningRows;
        this.events = events;
        this.transactions = transactions;
        this.threads = threads;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Takes in clues from a door that is no person or token (Kafka, the demo feed), which names itself
     * as the one who took them in; see {@link #take(List, IntakeDoor, Caller)}.
     */
    public List<IntakeResult> take(List<ClueDraft> drafts, IntakeDoor door) {
        return take(drafts, door, null);
    }

    /**
     * Takes in up to {@value #MAX_BATCH} clues and answers one result per clue, in order. Each clue is
     * taken or refused on its own: a clue the database refuses though validation passed it is REJECTED
     * ({@link FieldError.Code#STORAGE}) and the others are stored. The call is audited (who, which door,
     * how many accepted, duplicate and rejected), and its warnings name {@code caller} as who took them
     * in. A station officer may post only clues placed in the station's own area (a clue found
     * locally); one routed elsewhere is REJECTED, naming the field the router placed the person by.
     *
     * @param caller the signed-in user or API token, or null for a door that is neither
     * @throws IllegalArgumentException for a batch larger than {@value #MAX_BATCH}
     */
    public List<IntakeResult> take(List<ClueDraft> drafts, IntakeDoor door, Caller caller) {
        var results = validateAndTake(drafts, door, caller);
        audited(results, door, caller);
        return results;
    }

    /** One audit entry per call, after its writes (their own transactions are not held for it). */
    private void audited(List<IntakeResult> results, IntakeDoor door, Caller caller) {
        var counts = new EnumMap<IntakeResult.Status, Integer>(IntakeResult.Status.class);
        for (var status : IntakeResult.Status.values()) {
            counts.put(status, 0);
        }
        results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        audit.record(
                receivedBy(door, caller),
                AUDIT_ACTION,
                "intake",
                door.name(),
                "accepted " + counts.get(IntakeResult.Status.ACCEPTED) + ", duplicate "
                        + counts.get(IntakeResult.Status.DUPLICATE) + ", rejected "
                        + counts.get(IntakeResult.Status.REJECTED));
    }

    /** The audit trail's action for one intake call; its target is the door. */
    public static final String AUDIT_ACTION = "WARNINGS_TAKEN_IN";

    /** The user or token by name; a door that is neither names itself ({@code kafka}, {@code demo_feed}). */
    private static String receivedBy(IntakeDoor door, Caller caller) {
        return caller != null ? caller.name() : door.name().toLowerCase(Locale.ROOT);
    }

    private List<IntakeResult> validateAndTake(List<ClueDraft> drafts, IntakeDoor door, Caller caller) {
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
            takeValid(valid, door, caller, results);
        }
        return Arrays.asList(results);
    }

    private void takeValid(List<Indexed> valid, IntakeDoor door, Caller caller, IntakeResult[] results) {
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
            var outside = outsideStation(item.clue(), caller, lookups);
            if (outside != null) {
                // before the replay check: a station learns nothing of warnings outside its area
                results[item.index()] = IntakeResult.rejected(clueId, List.of(outside));
                continue;
            }
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
        var shared = new WarningRows.Shared(door, receivedBy(door, caller), now, rules.version());
        if (rows.size() < SPLIT_FROM || TransactionSynchronizationManager.isActualTransactionActive()) {
            commit(rows, shared, results);
            return;
        }
        // The database is intake's bottleneck, and one connection uses one core. The halves go in clue id
        // order like the whole, so batches sharing clues still wait for each other instead of deadlocking.
        var upper = rows.subList(rows.size() / 2, rows.size());
        var second = threads.run(() -> commit(upper, shared, results));
        commit(rows.subList(0, rows.size() / 2), shared, results);
        IntakeThreads.join(second);
    }

    /**
     * The station rule: a station officer's clue is one found locally, so it must be placed in the
     * station's own area. Answers the refusal, on the field the router placed the person by (ID number,
     * phone, or address; the address too when nothing placed them), or null when the rule holds or
     * does not apply.
     */
    private FieldError outsideStation(Clue clue, Caller caller, WarningRouter.Lookups lookups) {
        if (caller == null || caller.role() != Role.STATION_OFFICER) {
            return null;
        }
        var route = router.route(clue, lookups);
        if (caller.scope().code().equals(route.placement().station())) {
            return null;
        }
        var field =
                switch (route.method()) {
                    case REGISTRY_ID_NUMBER, ID_REGION -> "person.idNumber";
                    case REGISTRY_PHONE -> "person.phone";
                    case ADDRESS, MANUAL -> "person.address";
                };
        return FieldError.of(field, FieldError.Code.OUTSIDE_STATION, route.unitCode());
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
    private void commit(List<Taken> rows, WarningRows.Shared shared, IntakeResult[] results) {
        transactions.executeWithoutResult(transaction -> write(rows, shared, results, transaction));
    }

    private void write(
            List<Taken> rows, WarningRows.Shared shared, IntakeResult[] results, TransactionStatus transaction) {
        var written = warningRows.insert(rows, shared, transaction);
        var inserted = written.inserted();
        var refused = written.refused();
        // clues committed by a concurrent batch after our first look: their warnings, in one query
        var raced = rows.size() == inserted.size()
                ? Map.<String, UUID>of()
                : existing(rows.stream()
                        .map(r -> r.clue().clueId())
                        .filter(id -> !inserted.contains(id) && !refused.contains(id))
                        .toList());
        var received = new ArrayList<UUID>(rows.size());
        for (var row : rows) {
            var clueId = row.clue().clueId();
            if (refused.contains(clueId)) {
                results[row.index()] =
                        IntakeResult.rejected(clueId, List.of(FieldError.of("item", FieldError.Code.STORAGE)));
                continue;
            }
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

    private record Indexed(int index, Clue clue) {}

    /** A clue on its way into a row: its place in the batch, its new warning's id, route and grade. */
    record Taken(int index, UUID id, Clue clue, Route route, Triage.Grade grade) {}

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
