package io.purseguard.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.purseguard.PurseguardTest;
import io.purseguard.dissuasion.DissuasionConcluded;
import io.purseguard.dissuasion.Outcome;
import io.purseguard.dissuasion.TaskView;
import io.purseguard.dissuasion.Tasks;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import io.purseguard.warning.ClueDraft;
import io.purseguard.warning.FraudType;
import io.purseguard.warning.IntakeDoor;
import io.purseguard.warning.WarningIntake;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cases on the real database: opened from a walk-in report, moved through the guarded lifecycle,
 * drafted once from a DEFRAUDED dissuasion, and flagging 预后被骗 on an earlier warning of the same person.
 */
@PurseguardTest
class CaseworkFlowTest {

    static final String STATION = "329901P01";
    static final Caller OFFICER =
            new Caller("case-officer", "民警甲", Role.STATION_OFFICER, Scope.of(UnitKind.STATION, STATION));
    static final Caller CITY = new Caller("case-city", "市反诈中心", Role.CITY_CENTER, Scope.city());

    @Autowired
    Cases cases;

    @Autowired
    CaseLifecycle lifecycle;

    @Autowired
    CaseDirectory directory;

    @Autowired
    CaseRevisits revisits;

    @Autowired
    DraftCases drafts;

    @Autowired
    WarningIntake intake;

    @Autowired
    Tasks tasks;

    @Autowired
    JdbcClient jdbc;

    record Person(UUID id, String name, String idNumber, String phone, String stationCode) {}

    Person resident(int n) {
        return jdbc.sql("SELECT r.id, r.name, r.id_number, r.phone, r.station_code FROM residents.resident r"
                        + " WHERE r.station_code = :s AND r.phone IS NOT NULL"
                        + " AND r.birth_date BETWEEN DATE '1970-01-01' AND DATE '1995-01-01'"
                        + " AND NOT EXISTS (SELECT 1 FROM jurisdiction.staff s WHERE s.resident_id = r.id)"
                        + " ORDER BY r.id")
                .param("s", STATION)
                .query(Person.class)
                .list()
                .get(n);
    }

    static CaseInput walkIn(String narrative, CaseInput.VictimInput victim) {
        return new CaseInput(
                narrative, List.of(victim), null, null, null, null, null, CaseOrigin.COUNTER, null, null, null, null);
    }

    @Test
    void a_walk_in_report_becomes_a_case_with_its_identifiers_type_and_loss_and_walks_the_guarded_lifecycle() {
        var person = resident(31);
        var opened = cases.open(
                walkIn(
                        "报案人称在抖音看到兼职刷单广告，加了QQ 1791360311，对方让其先垫付做连单任务，说完成后返佣金。"
                                + "先后向卡号6222 0202 0011 2233 446转账5000元和1.2万元，后无法提现。",
                        new CaseInput.VictimInput(null, null, person.idNumber(), person.phone(), "会计", null)),
                OFFICER);

        assertThat(opened.caseNo()).matches("A329901P01\\d{4}\\d{6}");
        assertThat(opened.status()).isEqualTo(CaseStatus.REPORTED);
        assertThat(opened.fraudType()).isEqualTo(FraudType.REBATE_ORDERS);
        assertThat(opened.suggested().reasons()).anyMatch(r -> r.contains("垫付"));
        assertThat(opened.lossAmount()).isEqualByComparingTo("17000");
        assertThat(opened.identifiers())
                .extracting(CaseView.Identifier::kind)
                .contains(IdentifierKind.QQ, IdentifierKind.BANK_CARD);
        // linked to the registry by the ID number; masked everywhere by default
        assertThat(opened.victims().get(0).residentId()).isEqualTo(person.id());
        assertThat(opened.victims().get(0).idNumber()).contains("*").doesNotContain(person.idNumber());
        assertThat(opened.narrative()).doesNotContain("6222 0202 0011 2233 446").doesNotContain("1791360311");
        assertThat(opened.identifiers())
                .allSatisfy(i -> assertThat(i.normalized()).contains("*"));

        // the guards: no filing before acceptance; not filing needs a reason; closed is the end
        assertThatThrownBy(() ->
                        lifecycle.move(opened.id(), OFFICER, new CaseLifecycle.Step(CaseStatus.FILED, null, null)))
                .isInstanceOf(CaseRefused.class)
                .satisfies(e -> assertThat(((CaseRefused) e).field()).isNull());
        var accepted = lifecycle.move(opened.id(), OFFICER, new CaseLifecycle.Step(CaseStatus.ACCEPTED, null, null));
        assertThat(accepted.officerName()).isEqualTo("民警甲");
        assertThatThrownBy(() ->
                        lifecycle.move(opened.id(), OFFICER, new CaseLifecycle.Step(CaseStatus.NOT_FILED, " ", null)))
                .isInstanceOf(CaseRefused.class)
                .satisfies(e -> assertThat(((CaseRefused) e).field()).isEqualTo("reason"));
        var filed = lifecycle.move(opened.id(), OFFICER, new CaseLifecycle.Step(CaseStatus.FILED, null, null));
        var solved = lifecycle.move(opened.id(), OFFICER, new CaseLifecycle.Step(CaseStatus.SOLVED, null, null));
        var closed = lifecycle.move(opened.id(), OFFICER, new CaseLifecycle.Step(CaseStatus.CLOSED, null, null));
        assertThatThrownBy(() ->
                        lifecycle.move(opened.id(), OFFICER, new CaseLifecycle.Step(CaseStatus.ACCEPTED, null, null)))
                .isInstanceOf(CaseRefused.class);
        assertThat(closed.history())
                .extracting(CaseView.HistoryLine::to)
                .containsExactly(
                        CaseStatus.REPORTED,
                        CaseStatus.ACCEPTED,
                        CaseStatus.FILED,
                        CaseStatus.SOLVED,
                        CaseStatus.CLOSED);
        assertThat(closed.history()).allSatisfy(h -> assertThat(h.actor()).isNotBlank());
        assertThat(filed.status()).isEqualTo(CaseStatus.FILED);
        assertThat(solved.statusAt()).isNotNull();
        // filing scheduled the revisits on days 7 and 30, with the recovery-scam warning on the checklist
        var scheduled = revisits.ofCase(opened.id(), OFFICER);
        assertThat(scheduled).extracting(CaseRevisits.Revisit::day).containsExactly(7, 30);
        assertThat(revisits.checklist().body().ids()).contains("recovery-scam");
        var answers = new java.util.HashMap<String, Boolean>();
        revisits.checklist().body().ids().forEach(id -> answers.put(id, true));
        var done = revisits.complete(scheduled.get(0).id(), OFFICER, answers, "已提醒谨防追损诈骗");
        assertThat(done.doneAt()).isNotNull();
        assertThatThrownBy(() -> revisits.complete(scheduled.get(1).id(), OFFICER, Map.of("recovery-scam", true), null))
                .isInstanceOf(CaseRefused.class);
    }

    @Test
    void a_case_outside_the_station_is_not_found_and_its_numbers_are_unique_per_unit_and_year() {
        var other = new Caller("case-other", "民警乙", Role.STATION_OFFICER, Scope.of(UnitKind.STATION, "329902P01"));
        var person = resident(32);
        var victim = new CaseInput.VictimInput(null, null, person.idNumber(), null, null, null);
        var first = cases.open(walkIn("对方冒充公安局民警，称其涉嫌洗钱，让其把钱转到安全账户。", victim), OFFICER);
        var second = cases.open(walkIn("对方冒充公安局民警，称其涉嫌洗钱，让其把钱转到安全账户。", victim), OFFICER);
        assertThat(first.caseNo()).isNotEqualTo(second.caseNo());
        assertThat(directory.find(first.id(), other)).isEmpty();
        assertThat(directory.find(first.id(), CITY)).isPresent();
        assertThatThrownBy(() ->
                        lifecycle.move(first.id(), other, new CaseLifecycle.Step(CaseStatus.ACCEPTED, null, null)))
                .isInstanceOf(CaseNotFound.class);
        assertThat(directory.list(CaseQuery.all(200), other).items())
                .extracting(CaseLine::id)
                .doesNotContain(first.id());
    }

    @Test
    void a_defrauded_outcome_opens_one_draft_case_even_when_the_event_comes_twice() {
        var person = resident(33);
        var task = warn(person);
        tasks.conclude(
                task.id(),
                CITY,
                new Tasks.OutcomeInput(Outcome.DEFRAUDED, true, new BigDecimal("38000.00"), checklist(), "已被骗"));

        var draft = await().atMost(Duration.ofSeconds(30)).until(() -> caseOfTask(task.id()), c -> c != null);
        var view = directory.find(draft, CITY).orElseThrow();
        assertThat(view.origin()).isEqualTo(CaseOrigin.DISSUASION);
        assertThat(view.warningId()).isEqualTo(task.warningId());
        assertThat(view.lossAmount()).isEqualByComparingTo("38000");
        assertThat(view.victims().get(0).residentId()).isEqualTo(person.id());
        assertThat(view.identifiers()).extracting(CaseView.Identifier::kind).contains(IdentifierKind.BANK_CARD);
        assertThat(view.stationCode()).isEqualTo(STATION);

        // the event registry redelivers: nothing opens twice
        drafts.on(new DissuasionConcluded(
                task.id(),
                task.warningId(),
                Outcome.DEFRAUDED,
                true,
                new BigDecimal("38000.00"),
                person.id(),
                person.idNumber(),
                person.phone(),
                STATION,
                "case-city",
                Instant.now()));
        assertThat(jdbc.sql("SELECT count(*) FROM casework.fraud_case WHERE task_id = :t")
                        .param("t", task.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void a_case_for_a_person_under_the_watch_flags_the_earlier_warning_as_defrauded_after_warning() {
        var person = resident(34);
        var task = warn(person);
        tasks.conclude(task.id(), CITY, new Tasks.OutcomeInput(Outcome.DISSUADED, true, null, checklist(), "劝阻成功"));
        assertThat(tasks.find(task.id(), CITY).orElseThrow().watch().defraudedAfterAt())
                .isNull();

        var opened = cases.open(
                walkIn(
                        "两周后又接到自称客服的电话，称要给其理赔退款，按对方要求开启屏幕共享后被转走8000元。",
                        new CaseInput.VictimInput(null, person.name(), null, person.phone(), null, null)),
                OFFICER);

        var flagged = await().atMost(Duration.ofSeconds(30))
                .until(() -> tasks.find(task.id(), CITY).orElseThrow().watch(), w -> w.defraudedAfterAt() != null);
        assertThat(flagged.defraudedAfterNote()).contains("CASE").contains(opened.caseNo());
    }

    private UUID caseOfTask(UUID taskId) {
        return jdbc.sql("SELECT id FROM casework.fraud_case WHERE task_id = :t")
                .param("t", taskId)
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    private TaskView warn(Person person) {
        var now = Instant.now();
        var draft = new ClueDraft(
                "case-" + UUID.randomUUID(),
                "NATIONAL",
                "FUND",
                now.minusSeconds(30).atOffset(ZoneOffset.ofHours(8)).toString(),
                new ClueDraft.Person(person.name(), person.idNumber(), person.phone(), null, null),
                new ClueDraft.Suspect(new ClueDraft.Account("工商银行", "6222020200112233446", "李四"), null, null, null),
                "20000",
                now.minus(Duration.ofHours(30)).atOffset(ZoneOffset.ofHours(8)).toString(),
                "REBATE_ORDERS",
                null);
        var result = intake.take(List.of(draft), IntakeDoor.REST).get(0);
        assertThat(result.warningId()).as(result.toString()).isNotNull();
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> tasks.ofWarning(result.warningId(), CITY).orElse(null), t -> t != null);
    }

    static Map<String, Boolean> checklist() {
        return Map.of(
                "ask-contact", true, "ask-app", true, "ask-transfer", true, "tell-method", true, "tell-hotline", true);
    }
}
