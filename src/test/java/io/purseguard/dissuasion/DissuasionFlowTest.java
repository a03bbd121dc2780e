package io.purseguard.dissuasion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.purseguard.PurseguardTest;
import io.purseguard.identity.Caller;
import io.purseguard.identity.RevealReason;
import io.purseguard.identity.Role;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import io.purseguard.warning.ClueDraft;
import io.purseguard.warning.IntakeDoor;
import io.purseguard.warning.WarningIntake;
import io.purseguard.warning.WarningLevel;
import io.purseguard.warning.WarningStatus;
import io.purseguard.warning.Warnings;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A warning taken in opens a task with its team and clocks; the clocks climb by themselves; the team
 * logs contacts and an outcome, whose effects follow. Time is passed explicitly to the clock, never
 * waited for.
 */
@PurseguardTest
@RecordApplicationEvents
class DissuasionFlowTest {

    static final Caller CENTER = new Caller("center-flow", "市中心", Role.CITY_CENTER, Scope.city());

    @Autowired
    WarningIntake intake;

    @Autowired
    Warnings warnings;

    @Autowired
    Tasks tasks;

    @Autowired
    EscalatingUncooperative escalating;

    @Autowired
    SlaClock slaClock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TaskNotices notices;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEvents events;

    record Resident(UUID id, String idNumber, String phone, String stationCode, String gridCode) {}

    /**
     * The n-th resident (by id) matching {@code condition}, of working age so that age does not raise
     * the level: each test uses its own people.
     */
    Resident resident(String condition, int n) {
        return jdbc.sql(
                        "SELECT id, id_number, phone, station_code, grid_code FROM residents.resident WHERE "
                                + condition
                                + " AND birth_date BETWEEN DATE '1970-01-01' AND DATE '1990-01-01' ORDER BY id OFFSET :n LIMIT 1")
                .param("n", n)
                .query(Resident.class)
                .single();
    }

    /** A fund clue of {@code amount} yuan for the person, taken in by REST; answers the task once opened. */
    TaskView warn(Resident person, String amount) {
        var now = clock.instant();
        var draft = new ClueDraft(
                "flow-" + UUID.randomUUID(),
                "NATIONAL",
                "FUND",
                at(now.minusSeconds(30)),
                new ClueDraft.Person("测试人", person.idNumber(), person.phone(), null, null),
                new ClueDraft.Suspect(new ClueDraft.Account("某银行", "6222020200112233446", "李四"), null, null, null),
                amount,
                // a day and more ago, and no risky type: the amount alone sets the level
                at(now.minus(Duration.ofHours(30))),
                "OTHER",
                null);
        var result = intake.take(List.of(draft), IntakeDoor.REST).get(0);
        assertThat(result.warningId()).as(result.toString()).isNotNull();
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> tasks.ofWarning(result.warningId(), CENTER).orElse(null), t -> t != null);
    }

    static String at(Instant instant) {
        return instant.atOffset(ZoneOffset.ofHours(8)).toString();
    }

    static Map<String, Boolean> fullChecklist() {
        return Map.of(
                "ask-contact", true, "ask-app", true, "ask-transfer", false, "tell-method", true, "tell-hotline", true);
    }

    @Test
    void a_critical_warning_opens_a_task_with_its_team_and_three_clocks_from_receipt() {
        var person = resident("grid_code IS NOT NULL", 11);
        var task = warn(person, "80000");

        assertThat(task.level()).isEqualTo(WarningLevel.CRITICAL);
        assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(task.stationCode()).isEqualTo(person.stationCode());
        assertThat(task.team()).extracting(TaskView.Member::role).contains(TeamRole.OFFICER, TeamRole.GRID_WORKER);
        assertThat(task.team()).filteredOn(m -> !m.missing()).allSatisfy(m -> assertThat(m.name())
                .contains("*"));
        // CRITICAL: 2 min to sign for, 5 to the first call, 60 to face-to-face
        assertThat(Duration.between(task.receivedAt(), task.deadlines().signFor()))
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(Duration.between(task.receivedAt(), task.deadlines().firstContact()))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(Duration.between(task.receivedAt(), task.deadlines().faceToFace()))
                .isEqualTo(Duration.ofMinutes(60));
        // the warning's API answer carries the task
        assertThat(tasks.timeline(task.id(), CENTER))
                .extracting(Tasks.TimelineLine::action)
                .containsExactly("OPENED");
    }

    @Test
    void a_missed_sign_for_climbs_one_step_at_a_time_and_survives_a_restart() {
        var task = warn(resident("grid_code IS NOT NULL", 12), "80000");
        var received = task.receivedAt();

        // one second before the deadline nothing happens; just after it the station's head is told
        slaClock.tick(received.plus(Duration.ofMinutes(2)).minusSeconds(1));
        assertThat(escalations(task.id())).isEmpty();
        slaClock.tick(received.plus(Duration.ofMinutes(2)).plusSeconds(1));
        assertThat(escalations(task.id())).containsExactly("SIGN_FOR:1:STATION_HEAD");

        // a "restarted" node: a fresh clock on the same database carries on where the first stopped
        var restarted = new SlaClock(jdbc, transactions, escalating, notices, incomplete, clock, true);
        restarted.tick(received.plus(Duration.ofMinutes(4)).plusSeconds(2));
        assertThat(escalations(task.id())).containsExactly("SIGN_FOR:1:STATION_HEAD", "SIGN_FOR:2:DISTRICT_CENTER");
        // one step per clock per tick: the first call (due at 5 min) starts at the station's head
        restarted.tick(received.plus(Duration.ofHours(3)));
        assertThat(escalations(task.id()))
                .containsExactly(
                        "SIGN_FOR:1:STATION_HEAD",
                        "SIGN_FOR:2:DISTRICT_CENTER",
                        // in the order the steps fell due
                        "FIRST_CONTACT:1:STATION_HEAD",
                        "SIGN_FOR:3:CITY_CENTER",
                        "FACE_TO_FACE:1:STATION_HEAD");
        restarted.tick(received.plus(Duration.ofHours(6)));
        assertThat(escalations(task.id()))
                .as("the city center is the top: a clock climbs no further")
                .filteredOn(e -> e.startsWith("SIGN_FOR"))
                .hasSize(3);
        var seen = tasks.find(task.id(), CENTER).orElseThrow();
        assertThat(seen.overdue()).isTrue();
        assertThat(tasks.list(CENTER, Tasks.Filter.OVERDUE, 500))
                .extracting(Tasks.TaskLine::id)
                .contains(task.id());
    }

    @Test
    void two_clock_instances_against_one_database_never_fire_the_same_step_twice() throws Exception {
        var first = warn(resident("grid_code IS NOT NULL", 13), "80000");
        var second = warn(resident("grid_code IS NOT NULL", 14), "80000");
        var other = new SlaClock(jdbc, transactions, escalating, notices, incomplete, clock, true);
        var when = first.receivedAt().plus(Duration.ofMinutes(70));
        var barrier = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> a = () -> {
                barrier.await(10, TimeUnit.SECONDS);
                return slaClock.tick(when);
            };
            Callable<Integer> b = () -> {
                barrier.await(10, TimeUnit.SECONDS);
                return other.tick(when);
            };
            var results = pool.invokeAll(List.of(a, b));
            results.get(0).get();
            results.get(1).get();
        } finally {
            pool.shutdownNow();
        }
        for (var task : List.of(first, second)) {
            // each clock climbed exactly one step, once, whichever node took it
            assertThat(escalations(task.id()))
                    .containsExactlyInAnyOrder(
                            "SIGN_FOR:1:STATION_HEAD", "FIRST_CONTACT:1:STATION_HEAD", "FACE_TO_FACE:1:STATION_HEAD");
        }
    }

    @Test
    void signing_for_and_reaching_the_person_stop_their_clocks() {
        var task = warn(resident("grid_code IS NOT NULL", 15), "80000");
        var station =
                new Caller("station-flow", "所", Role.STATION_OFFICER, Scope.of(UnitKind.STATION, task.stationCode()));
        warnings.signFor(task.warningId(), station);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> clockOf(task.id(), DeadlineKind.SIGN_FOR).metAt() != null);

        var worked = tasks.logContact(
                task.id(),
                station,
                new Tasks.ContactInput(ContactChannel.PHONE, ContactResult.ANSWERED, null, null, null, null, "接通"));
        assertThat(worked.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(clockOf(task.id(), DeadlineKind.FIRST_CONTACT).metAt()).isNotNull();
        assertThat(clockOf(task.id(), DeadlineKind.FACE_TO_FACE).metAt()).isNull();
        assertThat(warnings.find(task.warningId(), Scope.city()).orElseThrow().status())
                .isEqualTo(WarningStatus.IN_PROGRESS);

        slaClock.tick(task.receivedAt().plus(Duration.ofMinutes(10)));
        assertThat(escalations(task.id())).isEmpty();
    }

    @Test
    void dissuaded_schedules_revisits_starts_the_watch_and_publishes_the_conclusion() {
        var task = warn(resident("grid_code IS NOT NULL", 16), "80000");
        var concluded = tasks.conclude(
                task.id(), CENTER, new Tasks.OutcomeInput(Outcome.DISSUADED, true, null, fullChecklist(), "已劝阻"));

        assertThat(concluded.status()).isEqualTo(TaskStatus.CONCLUDED);
        assertThat(concluded.outcome().checklistVersion()).isNotNull();
        assertThat(concluded.revisits()).extracting(TaskView.Revisit::day).containsExactly(3, 30);
        assertThat(concluded.watch().until()).isAfter(clock.instant().plus(Duration.ofDays(360)));
        assertThat(concluded.clocks()).allSatisfy(c -> assertThat(c.overdue()).isFalse());
        assertThat(warnings.find(task.warningId(), Scope.city()).orElseThrow().status())
                .isEqualTo(WarningStatus.DISSUADED);
        assertThat(events.stream(DissuasionConcluded.class)
                        .filter(e -> e.taskId().equals(task.id())))
                .singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcome.DISSUADED));

        // revisits close the task
        for (var revisit : concluded.revisits()) {
            tasks.completeRevisit(
                    revisit.id(),
                    CENTER,
                    new Tasks.RevisitInput(
                            Map.of("clear-facts", true, "clear-situation", true, "clear-policy", true), null));
        }
        assertThat(tasks.find(task.id(), CENTER).orElseThrow().status()).isEqualTo(TaskStatus.CLOSED);
        assertThat(warnings.find(task.warningId(), Scope.city()).orElseThrow().status())
                .isEqualTo(WarningStatus.CLOSED);
    }

    @Test
    void an_outcome_without_the_checklist_or_a_loss_without_its_amount_is_refused_by_field() {
        var task = warn(resident("grid_code IS NOT NULL", 17), "80000");
        assertThatThrownBy(() -> tasks.conclude(
                        task.id(), CENTER, new Tasks.OutcomeInput(Outcome.DISSUADED, true, null, Map.of(), null)))
                .isInstanceOfSatisfying(
                        Tasks.InvalidTaskInput.class, e -> assertThat(e.field()).isEqualTo("checklist"));
        assertThatThrownBy(() -> tasks.conclude(
                        task.id(),
                        CENTER,
                        new Tasks.OutcomeInput(Outcome.DEFRAUDED, false, null, fullChecklist(), null)))
                .isInstanceOfSatisfying(
                        Tasks.InvalidTaskInput.class, e -> assertThat(e.field()).isEqualTo("lossAmount"));
        assertThat(tasks.find(task.id(), CENTER).orElseThrow().outcome()).isNull();
    }

    @Test
    void a_refusal_escalates_raises_the_level_requests_protection_and_schedules_a_second_visit() {
        var task = warn(resident("grid_code IS NOT NULL", 18), "20000");
        assertThat(task.level()).isEqualTo(WarningLevel.HIGH);

        var concluded = tasks.conclude(
                task.id(), CENTER, new Tasks.OutcomeInput(Outcome.REFUSED, true, null, Map.of(), "拒不配合"));

        assertThat(concluded.level()).isEqualTo(WarningLevel.CRITICAL);
        assertThat(concluded.escalations())
                .extracting(TaskView.Escalation::kind)
                .contains("UNCOOPERATIVE");
        assertThat(concluded.revisits()).extracting(TaskView.Revisit::kind).contains("SECOND_VISIT");
        var warning = warnings.find(task.warningId(), Scope.city()).orElseThrow();
        assertThat(warning.status()).isEqualTo(WarningStatus.ESCALATED);
        assertThat(warning.level()).isEqualTo(WarningLevel.CRITICAL);
        assertThat(events.stream(ProtectionRequested.class)
                        .filter(e -> e.taskId().equals(task.id())))
                .singleElement()
                .satisfies(e -> assertThat(e.measures())
                        .containsExactly(
                                ProtectionRequested.Measure.STOP_PAYMENT_ALL_ACCOUNTS,
                                ProtectionRequested.Measure.PHONE_RESTRICTION));
        assertThat(tasks.list(CENTER, Tasks.Filter.ESCALATED, 500))
                .extracting(Tasks.TaskLine::id)
                .contains(task.id());
    }

    @Test
    void unreachable_escalates_only_once_the_face_to_face_deadline_has_passed() {
        var task = warn(resident("grid_code IS NOT NULL", 19), "80000");
        tasks.conclude(task.id(), CENTER, new Tasks.OutcomeInput(Outcome.UNREACHABLE, false, null, null, null));
        assertThat(tasks.find(task.id(), CENTER).orElseThrow().escalations()).isEmpty();

        slaClock.tick(task.deadlines().faceToFace().plusSeconds(1));

        var after = tasks.find(task.id(), CENTER).orElseThrow();
        assertThat(after.escalations()).extracting(TaskView.Escalation::kind).containsExactly("UNCOOPERATIVE");
        assertThat(warnings.find(task.warningId(), Scope.city()).orElseThrow().status())
                .isEqualTo(WarningStatus.ESCALATED);
    }

    @Test
    void a_person_defrauded_after_being_warned_flags_the_earlier_warning() {
        var person = resident("grid_code IS NOT NULL", 20);
        var first = warn(person, "80000");
        tasks.conclude(
                first.id(), CENTER, new Tasks.OutcomeInput(Outcome.DISSUADED, true, null, fullChecklist(), null));

        var second = warn(person, "30000");
        tasks.conclude(
                second.id(),
                CENTER,
                new Tasks.OutcomeInput(Outcome.DEFRAUDED, true, new BigDecimal("30000.00"), fullChecklist(), null));

        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        tasks.find(first.id(), CENTER).orElseThrow().watch().defraudedAfterAt() != null);
        assertThat(tasks.find(second.id(), CENTER).orElseThrow().watch().defraudedAfterAt())
                .as("its own loss is not 'after the warning'")
                .isNull();
        assertThat(tasks.list(CENTER, Tasks.Filter.DEFRAUDED_AFTER, 500))
                .extracting(Tasks.TaskLine::id)
                .contains(first.id())
                .doesNotContain(second.id());
    }

    @Test
    void a_grid_worker_sees_only_the_tasks_they_are_on() {
        var gridStaff = jdbc.sql("SELECT staff_id FROM identity.app_user WHERE username = 'grid'")
                .query(UUID.class)
                .single();
        var gridCode = "32990110120101";
        var grid = new Caller("grid-flow", "网格员", Role.GRID_WORKER, Scope.of(UnitKind.GRID, gridCode), gridStaff);
        var theirs = warn(resident("grid_code = '" + gridCode + "'", 0), "80000");
        var elsewhere = warn(resident("grid_code <> '" + gridCode + "'", 21), "80000");

        assertThat(theirs.team()).anySatisfy(m -> assertThat(m.staffId()).isEqualTo(gridStaff));
        assertThat(tasks.list(grid, Tasks.Filter.MINE, 500))
                .extracting(Tasks.TaskLine::id)
                .contains(theirs.id())
                .doesNotContain(elsewhere.id());
        assertThat(tasks.find(elsewhere.id(), grid)).isEmpty();
        assertThatThrownBy(() -> tasks.logContact(
                        elsewhere.id(),
                        grid,
                        new Tasks.ContactInput(
                                ContactChannel.PHONE, ContactResult.ANSWERED, null, null, null, null, null)))
                .isInstanceOf(Tasks.TaskNotFound.class);
        // a team member may reveal the number they must call; it is audited
        assertThat(tasks.reveal(theirs.id(), grid, new RevealReason(RevealReason.Purpose.VISIT, null))
                        .phone())
                .doesNotContain("*");
        assertThat(jdbc.sql("SELECT count(*) FROM identity.audit_entry WHERE action = 'TASK_PERSON_REVEALED' "
                                + "AND target_id = :t AND actor = 'grid-flow'")
                        .param("t", theirs.id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private List<String> escalations(UUID taskId) {
        return jdbc.sql("SELECT deadline_kind || ':' || step || ':' || target FROM dissuasion.escalation "
                        + "WHERE task_id = :t AND kind = 'OVERDUE' ORDER BY seq")
                .param("t", taskId)
                .query(String.class)
                .list();
    }

    private TaskView.Clock clockOf(UUID taskId, DeadlineKind kind) {
        return tasks.find(taskId, CENTER).orElseThrow().clocks().stream()
                .filter(c -> c.kind() == kind)
                .findFirst()
                .orElseThrow();
    }
}
