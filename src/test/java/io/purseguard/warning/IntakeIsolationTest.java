package io.purseguard.warning;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.PurseguardTest;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.residents.IdNumber;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each clue is taken or refused on its own, even when the database refuses what validation passed;
 * every call is audited and its warnings name who took them in; a station posts only its own clues.
 */
@PurseguardTest
class IntakeIsolationTest {

    /** The name the test's constraint refuses: a check validation does not know. */
    static final String REFUSED_NAME = "库拒";

    @Autowired
    WarningIntake intake;

    @Autowired
    Warnings warnings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    Instant now;

    @BeforeEach
    void now() {
        now = clock.instant();
    }

    record Resident(String idNumber, String stationCode) {}

    private Resident resident(String condition) {
        return jdbc.sql("SELECT id_number, station_code FROM residents.resident WHERE " + condition
                        + " ORDER BY id LIMIT 1")
                .query(Resident.class)
                .single();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static ClueDraft named(ClueDraft d, String name) {
        var p = d.person();
        return new ClueDraft(
                d.clueId(),
                d.source(),
                d.kind(),
                d.pushedAt(),
                new ClueDraft.Person(name, p.idNumber(), p.phone(), p.address(), p.account()),
                d.suspect(),
                d.amount(),
                d.transactedAt(),
                d.fraudTypeHint(),
                d.upstreamLevel());
    }

    private int stored(List<ClueDraft> drafts) {
        return jdbc.sql("SELECT count(*) FROM warning.warning WHERE clue_id = ANY(:ids)")
                .param("ids", drafts.stream().map(ClueDraft::clueId).toArray(String[]::new))
                .query(Integer.class)
                .single();
    }

    @Test
    void rows_the_database_refuses_are_rejected_alone_and_the_rest_of_their_batch_is_stored() {
        var person = resident("TRUE");
        var batch = unique("DB");
        // 300 rows: written as two halves; refused rows in both halves, first and last among them
        var refusedAt = List.of(0, 7, 150, 151, 299);
        var drafts = IntStream.range(0, 300)
                .mapToObj(i -> {
                    var d = Clues.fund("%s-%04d".formatted(batch, i), person.idNumber(), null, "100", now);
                    return refusedAt.contains(i) ? named(d, REFUSED_NAME) : d;
                })
                .toList();
        var small = List.of(
                Clues.fund(unique("DBS"), person.idNumber(), null, "1", now),
                named(Clues.fund(unique("DBS"), person.idNumber(), null, "1", now), REFUSED_NAME));
        // a rule of the database that validation does not know, as a type's range or an encoding would be
        jdbc.sql("ALTER TABLE warning.warning ADD CONSTRAINT test_refuses_a_name CHECK (person_name <> '" + REFUSED_NAME
                        + "') NOT VALID")
                .update();
        List<IntakeResult> results;
        List<IntakeResult> smallResults;
        try {
            results = intake.take(drafts, IntakeDoor.REST);
            smallResults = intake.take(small, IntakeDoor.REST);
        } finally {
            jdbc.sql("ALTER TABLE warning.warning DROP CONSTRAINT test_refuses_a_name")
                    .update();
        }
        for (int i = 0; i < results.size(); i++) {
            var result = results.get(i);
            if (refusedAt.contains(i)) {
                assertThat(result.status()).as("item %d", i).isEqualTo(IntakeResult.Status.REJECTED);
                assertThat(result.errors()).containsExactly(FieldError.of("item", FieldError.Code.STORAGE));
            } else {
                assertThat(result.status()).as("item %d", i).isEqualTo(IntakeResult.Status.ACCEPTED);
            }
        }
        assertThat(stored(drafts)).isEqualTo(295);
        assertThat(smallResults)
                .extracting(IntakeResult::status)
                .containsExactly(IntakeResult.Status.ACCEPTED, IntakeResult.Status.REJECTED);
        // no SQL, constraint or value reaches the client
        assertThat(smallResults.get(1).errors().get(0).message())
                .isEqualTo("could not be stored; the other clues of the batch are not affected")
                .doesNotContain("constraint", "INSERT", REFUSED_NAME);
        assertThat(stored(small)).isEqualTo(1);
    }

    @Test
    void every_call_is_audited_with_who_which_door_and_how_many_and_the_history_names_who() {
        var person = resident("TRUE");
        var bridge = new Caller("token:provincial-bridge", "provincial-bridge", Role.CITY_CENTER, Scope.city());
        var first = Clues.fund(unique("AU"), person.idNumber(), null, "100", now);
        var drafts = new ArrayList<ClueDraft>();
        drafts.add(first);
        drafts.add(Clues.fund(unique("AU"), person.idNumber(), null, "200", now));
        drafts.add(first);
        drafts.add(Clues.fund(unique("AU"), person.idNumber(), null, "-5", now));
        var results = intake.take(drafts, IntakeDoor.REST, bridge);
        assertThat(results)
                .extracting(IntakeResult::status)
                .containsExactly(
                        IntakeResult.Status.ACCEPTED,
                        IntakeResult.Status.ACCEPTED,
                        IntakeResult.Status.DUPLICATE,
                        IntakeResult.Status.REJECTED);
        assertThat(lastIntakeAudit("token:provincial-bridge"))
                .containsEntry("target_type", "intake")
                .containsEntry("target_id", "REST")
                .containsEntry("detail", "accepted 2, duplicate 1, rejected 1");

        var history = warnings.find(results.get(0).warningId(), Scope.city())
                .orElseThrow()
                .history();
        assertThat(history.get(0).action()).isEqualTo("RECEIVED");
        assertThat(history.get(0).actor()).isEqualTo("token:provincial-bridge");

        // a door that is no user or token names itself, and an all-refused call is audited too
        var kafka =
                intake.take(List.of(Clues.fund(unique("AK"), person.idNumber(), null, "100", now)), IntakeDoor.KAFKA);
        assertThat(warnings.find(kafka.get(0).warningId(), Scope.city())
                        .orElseThrow()
                        .history()
                        .get(0)
                        .actor())
                .isEqualTo("kafka");
        var before = auditCount();
        intake.take(List.of(Clues.fund(unique("AR"), null, "12", "100", now)), IntakeDoor.EXCEL);
        assertThat(auditCount()).isEqualTo(before + 1);
        assertThat(lastIntakeAudit("excel"))
                .containsEntry("target_id", "EXCEL")
                .containsEntry("detail", "accepted 0, duplicate 0, rejected 1");
    }

    private long auditCount() {
        return jdbc.sql("SELECT count(*) FROM identity.audit_entry WHERE action = :a")
                .param("a", WarningIntake.AUDIT_ACTION)
                .query(Long.class)
                .single();
    }

    private Map<String, Object> lastIntakeAudit(String actor) {
        return jdbc.sql("SELECT target_type, target_id, detail FROM identity.audit_entry"
                        + " WHERE action = :a AND actor = :actor ORDER BY seq DESC LIMIT 1")
                .param("a", WarningIntake.AUDIT_ACTION)
                .param("actor", actor)
                .query()
                .singleRow();
    }

    @Test
    void a_station_officer_posts_only_clues_placed_in_its_own_area() {
        var own = resident("station_code IS NOT NULL");
        var other = resident("station_code IS NOT NULL AND station_code <> '" + own.stationCode() + "'");
        var officer = new Caller(
                "officer-" + own.stationCode(),
                "民警",
                Role.STATION_OFFICER,
                Scope.of(UnitKind.STATION, own.stationCode()));
        var stranger = IdNumber.of("510823", LocalDate.of(1985, 1, 2), 996).value();
        var elsewhere = Clues.fund(unique("ST"), other.idNumber(), null, "100", now);
        var results = intake.take(
                List.of(
                        Clues.fund(unique("ST"), own.idNumber(), null, "100", now),
                        elsewhere,
                        Clues.contact(unique("ST"), "CALL", "路人", stranger, null, "外省某地", now)),
                IntakeDoor.REST,
                officer);
        assertThat(results.get(0).status()).isEqualTo(IntakeResult.Status.ACCEPTED);
        assertThat(results.get(1).status()).isEqualTo(IntakeResult.Status.REJECTED);
        assertThat(results.get(1).errors())
                .containsExactly(
                        FieldError.of("person.idNumber", FieldError.Code.OUTSIDE_STATION, other.stationCode()));
        // nothing places the person: not found locally either, said on the address
        assertThat(results.get(2).errors())
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("person.address", "clue.error.outsideStation"));
        assertThat(stored(List.of(elsewhere))).isZero();

        // a replay of another area's clue tells the station nothing about that warning
        intake.take(List.of(elsewhere), IntakeDoor.REST);
        var replay = intake.take(List.of(elsewhere), IntakeDoor.REST, officer).get(0);
        assertThat(replay.status()).isEqualTo(IntakeResult.Status.REJECTED);
        assertThat(replay.warningId()).isNull();
        // a center is not bound to a station
        var center = new Caller("center", "中心", Role.CITY_CENTER, Scope.city());
        assertThat(intake.take(
                                List.of(Clues.fund(unique("SC"), other.idNumber(), null, "100", now)),
                                IntakeDoor.REST,
                                center)
                        .get(0)
                        .status())
                .isEqualTo(IntakeResult.Status.ACCEPTED);
    }
}
