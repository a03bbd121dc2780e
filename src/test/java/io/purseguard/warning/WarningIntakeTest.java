package io.purseguard.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.purseguard.PurseguardTest;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.residents.IdNumber;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Every door's one path, on the demo city: validation, de-duplication, routing, triage, lifecycle. */
@PurseguardTest
class WarningIntakeTest {

    @Autowired
    WarningIntake intake;

    @Autowired
    Warnings warnings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    TransactionTemplate transactions;

    Instant now;

    record Resident(UUID id, String idNumber, String phone, String stationCode, String gridCode) {}

    @BeforeEach
    void now() {
        now = clock.instant();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private Resident resident(String condition) {
        return jdbc.sql("SELECT id, id_number, phone, station_code, grid_code FROM residents.resident WHERE "
                        + condition + " ORDER BY id LIMIT 1")
                .query(Resident.class)
                .single();
    }

    private IntakeResult takeOne(ClueDraft draft) {
        return intake.take(List.of(draft), IntakeDoor.REST).get(0);
    }

    private WarningView view(IntakeResult result) {
        return warnings.find(result.warningId(), Scope.city()).orElseThrow();
    }

    @Test
    void an_area_below_the_district_sees_exactly_the_warnings_placed_in_it() {
        // two people in different townships; each level's scope and the list's unit filter
        record Placed(String idNumber, String township, String community, String grid) {}
        var two = jdbc.sql("""
                        SELECT DISTINCT ON (township_code) id_number, township_code AS township,
                            community_code AS community, grid_code AS grid
                        FROM residents.resident ORDER BY township_code, id LIMIT 2""").query(Placed.class).list();
        assertThat(two).hasSize(2);
        var ids = two.stream()
                .map(p -> takeOne(Clues.fund(unique("AREA"), p.idNumber(), null, "900", now))
                        .warningId())
                .toList();
        var here = two.get(0);
        for (var scope : List.of(
                Scope.of(UnitKind.TOWNSHIP, here.township()),
                Scope.of(UnitKind.COMMUNITY, here.community()),
                Scope.of(UnitKind.GRID, here.grid()))) {
            var seen = warnings.list(new WarningQuery(null, null, null, null, null, null, null, 0, 200), scope);
            assertThat(seen.items())
                    .as("%s", scope)
                    .extracting(WarningView::warningId)
                    .contains(ids.get(0));
            assertThat(seen.items())
                    .as("%s", scope)
                    .extracting(WarningView::warningId)
                    .doesNotContain(ids.get(1));
            long counted = warnings.counts(scope).values().stream()
                    .flatMap(byStatus -> byStatus.values().stream())
                    .mapToLong(Long::longValue)
                    .sum();
            long placed = jdbc.sql("SELECT count(*) FROM warning.warning WHERE "
                            + scope.kind().column() + " = :c")
                    .param("c", scope.code())
                    .query(Long.class)
                    .single();
            assertThat(counted).as("%s", scope).isEqualTo(placed).isEqualTo(seen.total());
        }
        var filtered = warnings.list(
                new WarningQuery(null, null, null, here.community(), null, null, null, 0, 200), Scope.city());
        assertThat(filtered.items())
                .extracting(WarningView::warningId)
                .contains(ids.get(0))
                .doesNotContain(ids.get(1));
    }

    @Test
    void a_registered_person_found_by_id_number_lands_at_their_station_and_grid() {
        var person = resident("phone IS NOT NULL");
        var result = takeOne(Clues.fund(unique("ID"), person.idNumber(), null, "800", now));
        assertThat(result.status()).isEqualTo(IntakeResult.Status.ACCEPTED);
        var w = view(result);
        assertThat(w.routeMethod()).isEqualTo(RouteMethod.REGISTRY_ID_NUMBER);
        assertThat(w.unit().code()).isEqualTo(person.stationCode());
        assertThat(w.gridCode()).isEqualTo(person.gridCode());
        assertThat(w.person().residentId()).isEqualTo(person.id());
        assertThat(w.history()).extracting(WarningView.HistoryLine::action).containsExactly("RECEIVED");
    }

    @Test
    void a_person_known_only_by_phone_is_found_by_phone() {
        var person = resident(
                "phone IS NOT NULL AND (SELECT count(*) FROM residents.resident o WHERE o.phone = resident.phone) = 1");
        var result = takeOne(Clues.contact(unique("PH"), "CALL", "某人", null, person.phone(), null, now));
        var w = view(result);
        assertThat(w.routeMethod()).isEqualTo(RouteMethod.REGISTRY_PHONE);
        assertThat(w.stationCode()).isEqualTo(person.stationCode());
    }

    @Test
    void an_unregistered_id_number_of_a_city_district_goes_to_that_districts_queue() {
        var stranger = IdNumber.of("329902", LocalDate.of(1990, 5, 17), 999).value();
        var w = view(takeOne(Clues.contact(unique("RG"), "SMS", "外来", stranger, null, null, now)));
        assertThat(w.routeMethod()).isEqualTo(RouteMethod.ID_REGION);
        assertThat(w.unit().code()).isEqualTo("329902");
        assertThat(w.stationCode()).isNull();
    }

    @Test
    void an_address_naming_a_community_lands_at_that_communitys_station() {
        var community = jdbc.sql(
                        "SELECT name, station_code FROM jurisdiction.unit WHERE kind = 'COMMUNITY' ORDER BY code LIMIT 1")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        var stranger = IdNumber.of("510823", LocalDate.of(1985, 1, 2), 998).value();
        var w = view(
                takeOne(Clues.contact(unique("AD"), "URL", "租客", stranger, null, "澄川市" + community[0] + " 5栋", now)));
        assertThat(w.routeMethod()).isEqualTo(RouteMethod.ADDRESS);
        assertThat(w.stationCode()).isEqualTo(community[1]);
    }

    @Test
    void what_nothing_places_goes_to_the_city_manual_queue_with_the_reason() {
        var stranger = IdNumber.of("510823", LocalDate.of(1985, 1, 2), 997).value();
        var w = view(takeOne(Clues.contact(unique("MQ"), "APP", "路人", stranger, "13912345678", "外省某地", now)));
        assertThat(w.routeMethod()).isEqualTo(RouteMethod.MANUAL);
        assertThat(w.unit().code()).isEqualTo("329900");
        assertThat(w.routeNote()).contains("not found in the registry").contains("the phone was issued in");
        assertThat(warnings.find(w.warningId(), Scope.of(UnitKind.DISTRICT, "329901")))
                .isEmpty();
    }

    @Test
    void a_replayed_clue_is_a_duplicate_pointing_to_the_first_warning() {
        var person = resident("TRUE");
        var draft = Clues.fund(unique("RP"), person.idNumber(), null, "100", now);
        var first = takeOne(draft);
        var again = intake.take(List.of(draft, draft), IntakeDoor.KAFKA);
        assertThat(again)
                .extracting(IntakeResult::status)
                .containsExactly(IntakeResult.Status.DUPLICATE, IntakeResult.Status.DUPLICATE);
        assertThat(again).extracting(IntakeResult::warningId).containsOnly(first.warningId());
        assertThat(jdbc.sql("SELECT count(*) FROM warning.warning WHERE clue_id = :c")
                        .param("c", draft.clueId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void the_same_clue_in_one_batch_twice_is_taken_once() {
        var draft = Clues.fund(unique("TW"), resident("TRUE").idNumber(), null, "100", now);
        var results = intake.take(List.of(draft, draft), IntakeDoor.REST);
        assertThat(results)
                .extracting(IntakeResult::status)
                .containsExactlyInAnyOrder(IntakeResult.Status.ACCEPTED, IntakeResult.Status.DUPLICATE);
        assertThat(results.get(0).warningId()).isEqualTo(results.get(1).warningId());
    }

    @Test
    void two_concurrent_requests_with_the_same_clue_make_one_warning() throws Exception {
        var person = resident("TRUE");
        var shared = Clues.fund(unique("CC"), person.idNumber(), null, "100", now);
        var barrier = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> {
                barrier.await(10, TimeUnit.SECONDS);
                return intake.take(
                                List.of(shared, Clues.fund(unique("CA"), person.idNumber(), null, "1", now)),
                                IntakeDoor.REST)
                        .get(0);
            });
            var b = pool.submit(() -> {
                barrier.await(10, TimeUnit.SECONDS);
                return intake.take(
                                List.of(Clues.fund(unique("CB"), person.idNumber(), null, "1", now), shared),
                                IntakeDoor.KAFKA)
                        .get(1);
            });
            var ra = a.get(30, TimeUnit.SECONDS);
            var rb = b.get(30, TimeUnit.SECONDS);
            assertThat(List.of(ra.status(), rb.status()))
                    .containsExactlyInAnyOrder(IntakeResult.Status.ACCEPTED, IntakeResult.Status.DUPLICATE);
            assertThat(ra.warningId()).isEqualTo(rb.warningId());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_clue_committed_by_another_batch_while_this_one_inserts_is_a_duplicate_and_the_rest_are_taken()
            throws Exception {
        var person = resident("TRUE");
        var shared = Clues.fund(unique("RS"), person.idNumber(), null, "100", now);
        var own = Clues.fund(unique("RO"), person.idNumber(), null, "1", now);
        var holding = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            // the first batch inserts the shared clue and holds its transaction open
            var first = pool.submit(() -> transactions.execute(status -> {
                var taken = intake.take(List.of(shared), IntakeDoor.KAFKA).get(0);
                holding.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return taken;
            }));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            // the second looks the clue up, does not see it yet, and waits on its key in the index
            var second = pool.submit(() -> intake.take(List.of(own, shared), IntakeDoor.REST));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                            + " AND query LIKE 'INSERT INTO warning.warning%'")
                                    .query(Integer.class)
                                    .single()
                            == 1);
            release.countDown();
            var accepted = first.get(30, TimeUnit.SECONDS);
            var results = second.get(30, TimeUnit.SECONDS);

            assertThat(accepted.status()).isEqualTo(IntakeResult.Status.ACCEPTED);
            assertThat(results.get(0).status()).isEqualTo(IntakeResult.Status.ACCEPTED);
            assertThat(results.get(1).status()).isEqualTo(IntakeResult.Status.DUPLICATE);
            assertThat(results.get(1).warningId()).isEqualTo(accepted.warningId());
            assertThat(jdbc.sql("SELECT count(*) FROM warning.warning WHERE clue_id IN (:a, :b)")
                            .param("a", shared.clueId())
                            .param("b", own.clueId())
                            .query(Integer.class)
                            .single())
                    .isEqualTo(2);
            assertThat(view(results.get(0)).clueId()).isEqualTo(own.clueId());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void a_warning_is_graded_by_a_rule_set_that_exists_and_stays() {
        var taken = takeOne(Clues.fund(unique("RK"), resident("TRUE").idNumber(), null, "100", now));
        var version = view(taken).ruleSetVersion();
        assertThatThrownBy(() -> jdbc.sql("UPDATE warning.warning SET rule_set_version = rule_set_version + 1000"
                                + " WHERE id = :id")
                        .param("id", taken.warningId())
                        .update())
                .hasMessageContaining("a warning keeps the rule set that graded it");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM warning.rule_set WHERE version = :v")
                        .param("v", version)
                        .update())
                .hasMessageContaining("a new version is added instead");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE warning.rule_set CASCADE").update())
                .hasMessageContaining("warnings name its versions");
        // an insert naming a version nobody published is refused as a whole
        assertThatThrownBy(() -> jdbc.sql("""
                                INSERT INTO warning.warning (id, clue_id, source, kind, door, pushed_at, received_at,
                                    person_name, level, level_reasons, rule_set_version, route_method, status,
                                    unit_code, routed_unit_code, updated_at)
                                SELECT gen_random_uuid(), :clue || g, 'BANK', 'FUND', 'REST', now(), now(), '某', 'LOW',
                                    '[]', CASE WHEN g = 2 THEN 99999 ELSE :v END, 'MANUAL', 'RECEIVED', '0', '0', now()
                                FROM generate_series(1, 3) g
                                """)
                        .param("clue", unique("RU"))
                        .param("v", version)
                        .update())
                .hasMessageContaining("rule set 99999, which does not exist");
        assertThat(view(taken).ruleSetVersion()).isEqualTo(version);
    }

    private List<ClueDraft> many(String prefix, int count) {
        var person = resident("TRUE");
        var batch = unique(prefix);
        return IntStream.range(0, count)
                .mapToObj(i -> Clues.fund("%s-%04d".formatted(batch, i), person.idNumber(), null, "100", now))
                .toList();
    }

    private List<String> clueIds(List<ClueDraft> drafts) {
        return drafts.stream().map(ClueDraft::clueId).toList();
    }

    /** How many of these clues have a stored warning. */
    private int stored(List<ClueDraft> drafts) {
        return jdbc.sql("SELECT count(*) FROM warning.warning WHERE clue_id = ANY(:ids)")
                .param("ids", clueIds(drafts).toArray(String[]::new))
                .query(Integer.class)
                .single();
    }

    @Test
    void a_large_batch_is_written_as_two_halves_side_by_side_each_with_its_event() {
        var drafts = new ArrayList<>(many("LH", 2 * WarningIntake.SPLIT_FROM + 1));
        Collections.shuffle(drafts, new Random(3));
        var results = intake.take(drafts, IntakeDoor.REST);
        assertThat(results).extracting(IntakeResult::status).containsOnly(IntakeResult.Status.ACCEPTED);
        assertThat(results).extracting(IntakeResult::clueId).containsExactlyElementsOf(clueIds(drafts));

        // one transaction holds the lower clue ids, the other the upper
        var byTransaction = new TreeMap<String, List<String>>();
        jdbc.sql("SELECT xmin::text, clue_id FROM warning.warning WHERE clue_id = ANY(:ids) ORDER BY clue_id")
                .param("ids", clueIds(drafts).toArray(String[]::new))
                .query(rs -> {
                    byTransaction
                            .computeIfAbsent(rs.getString(1), x -> new ArrayList<>())
                            .add(rs.getString(2));
                });
        assertThat(byTransaction).hasSize(2);
        var halves = byTransaction.values().stream()
                .sorted(Comparator.comparing(half -> half.get(0)))
                .toList();
        assertThat(halves.get(0)).hasSize(WarningIntake.SPLIT_FROM);
        assertThat(halves.get(1)).hasSize(WarningIntake.SPLIT_FROM + 1);
        assertThat(halves.get(0).get(halves.get(0).size() - 1))
                .isLessThan(halves.get(1).get(0));

        // each half's event names its own warnings, and together they name every one once
        var named = jdbc.sql("SELECT DISTINCT serialized_event FROM public.event_publication"
                        + " WHERE event_type LIKE '%WarningsReceived' AND serialized_event LIKE ANY(:ids)")
                .param(
                        "ids",
                        results.stream().map(r -> "%" + r.warningId() + "%").toArray(String[]::new))
                .query(String.class)
                .list();
        assertThat(named).hasSize(2);
        for (var result : results) {
            assertThat(named.stream()
                            .filter(event -> event.contains(result.warningId().toString())))
                    .hasSize(1);
        }
    }

    @Test
    void large_batches_sharing_clues_in_both_halves_neither_deadlock_nor_take_a_clue_twice() throws Exception {
        var pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                var all = many("SH" + round, 3 * WarningIntake.SPLIT_FROM);
                var first = new ArrayList<>(all.subList(0, 2 * WarningIntake.SPLIT_FROM));
                var second = new ArrayList<>(all.subList(WarningIntake.SPLIT_FROM, all.size()));
                Collections.reverse(second);
                var barrier = new CyclicBarrier(2);
                var a = pool.submit(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    return intake.take(first, IntakeDoor.REST);
                });
                var b = pool.submit(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    return intake.take(second, IntakeDoor.KAFKA);
                });
                var taken = new HashMap<String, UUID>();
                var accepted = 0;
                for (var result : concat(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS))) {
                    accepted += result.status() == IntakeResult.Status.ACCEPTED ? 1 : 0;
                    var earlier = taken.putIfAbsent(result.clueId(), result.warningId());
                    assertThat(earlier == null ? result.warningId() : earlier)
                            .as(result.clueId())
                            .isEqualTo(result.warningId());
                }
                assertThat(accepted).isEqualTo(all.size());
                assertThat(stored(all)).isEqualTo(all.size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<IntakeResult> concat(List<IntakeResult> a, List<IntakeResult> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void a_large_batch_in_the_callers_transaction_is_not_split_and_rolls_back_with_it() {
        var drafts = many("RB", 2 * WarningIntake.SPLIT_FROM);
        transactions.executeWithoutResult(status -> {
            assertThat(intake.take(drafts, IntakeDoor.EXCEL))
                    .extracting(IntakeResult::status)
                    .containsOnly(IntakeResult.Status.ACCEPTED);
            status.setRollbackOnly();
        });
        assertThat(stored(drafts)).isZero();
    }

    @Test
    void a_batch_mixing_good_and_bad_items_takes_the_good_ones() {
        var good = Clues.fund(unique("G"), resident("TRUE").idNumber(), null, "100", now);
        var bad = Clues.fund(unique("B"), "110105194912310021", null, "1.234", now);
        var results = intake.take(List.of(bad, good), IntakeDoor.REST);
        assertThat(results.get(0).status()).isEqualTo(IntakeResult.Status.REJECTED);
        assertThat(results.get(0).errors()).extracting(FieldError::field).containsExactly("person.idNumber", "amount");
        assertThat(results.get(1).status()).isEqualTo(IntakeResult.Status.ACCEPTED);
    }

    @Test
    void triage_records_the_level_its_reasons_and_the_rule_set_version() {
        var elderly = resident("birth_date < DATE '1950-01-01'");
        var w = view(takeOne(Clues.fund(unique("TR"), elderly.idNumber(), null, "60000", now)));
        assertThat(w.level()).isEqualTo(WarningLevel.CRITICAL);
        assertThat(w.levelReasons()).extracting(LevelReason::rule).contains("kindBase", "largeAmount", "vulnerableAge");
        assertThat(w.ruleSetVersion()).isPositive();
        var again = view(takeOne(Clues.contact(unique("TR2"), "SMS", "x", elderly.idNumber(), null, null, now)));
        assertThat(again.levelReasons()).extracting(LevelReason::rule).contains("repeatWarning");
    }

    @Test
    void a_station_signs_for_its_warning_once_and_cannot_see_another_stations() {
        var person = resident("station_code = '329901P01'");
        var id = takeOne(Clues.fund(unique("SF"), person.idNumber(), null, "100", now))
                .warningId();
        var officer =
                new Caller("officer-test", "officer", Role.STATION_OFFICER, Scope.of(UnitKind.STATION, "329901P01"));
        var other = new Caller("other-test", "other", Role.STATION_OFFICER, Scope.of(UnitKind.STATION, "329901P02"));

        assertThat(warnings.find(id, other.scope())).isEmpty();
        assertThatThrownBy(() -> warnings.signFor(id, other)).isInstanceOf(Warnings.WarningNotFound.class);

        var signed = warnings.signFor(id, officer);
        assertThat(signed.status()).isEqualTo(WarningStatus.SIGNED_FOR);
        assertThat(signed.signedForBy()).isEqualTo("officer-test");
        assertThatThrownBy(() -> warnings.signFor(id, officer)).isInstanceOf(WarningTransitionRefused.class);
    }

    @Test
    void a_returned_warning_leaves_the_station_and_the_center_transfers_it_with_history() {
        var person = resident("station_code = '329901P01'");
        var id = takeOne(Clues.fund(unique("RT"), person.idNumber(), null, "100", now))
                .warningId();
        var officer =
                new Caller("officer-rt", "officer", Role.STATION_OFFICER, Scope.of(UnitKind.STATION, "329901P01"));
        var center = new Caller("center-rt", "center", Role.CITY_CENTER, Scope.city());

        var returned = warnings.returnToQueue(id, officer, "当事人已搬离本辖区");
        assertThat(returned.status()).isEqualTo(WarningStatus.RETURNED);
        assertThat(returned.unit().code()).isEqualTo("329901");
        assertThat(warnings.find(id, officer.scope())).isEmpty();

        var moved = warnings.transfer(id, center, "329902P01", "新住址在青川");
        assertThat(moved.status()).isEqualTo(WarningStatus.TRANSFERRED);
        assertThat(moved.stationCode()).isEqualTo("329902P01");
        var receiving = new Caller("officer-2", "o", Role.STATION_OFFICER, Scope.of(UnitKind.STATION, "329902P01"));
        assertThat(warnings.signFor(id, receiving).history())
                .extracting(WarningView.HistoryLine::action)
                .containsExactly("RECEIVED", "RETURNED", "TRANSFERRED", "SIGNED_FOR");
        assertThatThrownBy(() -> warnings.transfer(id, officer, "329901P01", null))
                .isInstanceOf(WarningTransitionRefused.class);
    }

    @Test
    void id_numbers_and_phones_in_a_warning_are_masked() {
        var person = resident("phone IS NOT NULL");
        var w = view(takeOne(Clues.fund(unique("MK"), person.idNumber(), person.phone(), "100", now)));
        assertThat(w.person().idNumber()).matches("\\d{4}\\*{10}[\\dX]{4}");
        assertThat(w.person().phone()).matches("1\\d{2}\\*{4}\\d{4}");
        assertThat(w.suspect().account()).matches("6222\\*+3446");
    }
}
