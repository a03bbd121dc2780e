package io.purseguard.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.PurseguardTest;
import io.purseguard.scope.Placement;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The law's clocks, with fixed instants handed to {@link LegalClock#tick} and to the answers: the
 * 48-hour stop-payment, the refused third stop-payment, the freeze's alarm and renewal, and the return
 * due within three working days across a holiday and a 调休 Saturday. The fixed instants lie in the
 * past, so the ticks touch only this test's measures.
 */
@PurseguardTest
class LegalClocksTest {

    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    /** A real station and its district, so that the freeze's alarm has units to go to. */
    static final Placement QINGSHI = new Placement("329901", "329901P01", null, null, null);

    @Autowired
    Measures measures;

    @Autowired
    LegalClock legalClock;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    Clock clock;

    @LocalServerPort
    int port;

    static String account() {
        return "6217" + (100000000000000L + ThreadLocalRandom.current().nextLong(800000000000000L));
    }

    MeasureView request(MeasureKind kind, String account, String caseRef, BigDecimal amount, UUID follows) {
        return measures.request(
                new MeasureRequest(
                        kind, "澄川银行", account, "李四", amount, null, "法定时限测试", null, null, caseRef, follows, QINGSHI),
                "clock-tester");
    }

    MeasureView view(UUID id) {
        return measures.find(id, TestCallers.CITY).orElseThrow();
    }

    @Test
    void a_stop_payment_lapses_48_hours_after_execution() {
        var m = request(MeasureKind.STOP_PAYMENT, account(), "CASE-" + UUID.randomUUID(), new BigDecimal("900"), null);
        var executed = Instant.parse("2024-03-04T02:00:00Z");
        assertThat(measures.answer(m.measureId(), Measures.Answer.EXECUTED, null, null, "bank", executed))
                .isTrue();
        assertThat(view(m.measureId()).expiresAt()).isEqualTo(Instant.parse("2024-03-06T02:00:00Z"));

        legalClock.tick(Instant.parse("2024-03-06T01:59:59Z"));
        assertThat(view(m.measureId()).state()).isEqualTo(MeasureState.EXECUTED);

        legalClock.tick(Instant.parse("2024-03-06T02:00:00Z"));
        var lapsed = view(m.measureId());
        assertThat(lapsed.state()).isEqualTo(MeasureState.EXPIRED);
        assertThat(lapsed.history().get(lapsed.history().size() - 1))
                .extracting(MeasureView.Event::action, MeasureView.Event::at)
                .containsExactly("EXPIRED", Instant.parse("2024-03-06T02:00:00Z"));
        // a lapsed stop-payment is no longer answered
        assertThat(measures.answer(m.measureId(), Measures.Answer.EXECUTED, null, null, "bank", null))
                .isFalse();
    }

    @Test
    void a_third_stop_payment_of_one_account_for_one_case_is_refused_with_the_reason() {
        var account = account();
        var caseRef = "CASE-" + UUID.randomUUID();
        // a rejected one does not count: the bank never held the money
        var rejected = request(MeasureKind.STOP_PAYMENT, account, caseRef, new BigDecimal("900"), null);
        measures.answer(rejected.measureId(), Measures.Answer.REJECTED, "户名与账号不符", null, "bank", null);
        var first = request(MeasureKind.STOP_PAYMENT, account, caseRef, new BigDecimal("900"), null);
        measures.answer(first.measureId(), Measures.Answer.EXECUTED, null, null, "bank", null);
        var second = request(MeasureKind.STOP_PAYMENT, account, caseRef, new BigDecimal("900"), null);
        assertThat(second.followsId()).as("the repeat follows the first").isEqualTo(first.measureId());

        assertThatThrownBy(() -> request(MeasureKind.STOP_PAYMENT, account, caseRef, new BigDecimal("900"), null))
                .isInstanceOf(MeasureRefused.class)
                .hasMessageContaining("already been stopped 2 times")
                .hasMessageContaining("freeze the account instead")
                .extracting(e -> ((MeasureRefused) e).field())
                .isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM protection.measure WHERE target = :t AND state <> 'REJECTED'")
                        .param("t", account)
                        .query(Integer.class)
                        .single())
                .as("nothing written for the refused one")
                .isEqualTo(2);

        // another case may stop the same account, and the API says why it refuses
        request(MeasureKind.STOP_PAYMENT, account, "CASE-" + UUID.randomUUID(), new BigDecimal("900"), null);
        var body = new LinkedHashMap<String, Object>();
        body.put("kind", "STOP_PAYMENT");
        body.put("institution", "澄川银行");
        body.put("target", account);
        body.put("reason", "第三次止付");
        body.put("caseRef", caseRef);
        var reply = Signed.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/measures"))
                .header("Authorization", "Bearer test-bootstrap-token")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)))
                .build());
        assertThat(reply.statusCode()).isEqualTo(409);
        assertThat(reply.body()).contains("already been stopped 2 times");
    }

    @Test
    void a_freeze_rings_its_alarm_7_days_before_it_lapses_and_a_renewal_adds_6_months() {
        var m = request(MeasureKind.FREEZE, account(), "CASE-" + UUID.randomUUID(), new BigDecimal("50000"), null);
        // 10:00 in Beijing on 10 January 2024
        var executed = Instant.parse("2024-01-10T02:00:00Z");
        measures.answer(m.measureId(), Measures.Answer.EXECUTED, null, null, "bank", executed);
        var frozen = view(m.measureId());
        assertThat(frozen.expiresAt()).isEqualTo(Instant.parse("2024-07-10T02:00:00Z"));
        assertThat(frozen.alarmAt()).isEqualTo(Instant.parse("2024-07-03T02:00:00Z"));
        assertThat(frozen.amountProtected()).isEqualByComparingTo("50000");

        legalClock.tick(Instant.parse("2024-07-03T01:59:59Z"));
        assertThat(actions(m.measureId())).doesNotContain("EXPIRY_ALARM");
        legalClock.tick(Instant.parse("2024-07-03T02:00:00Z"));
        legalClock.tick(Instant.parse("2024-07-03T03:00:00Z"));
        assertThat(actions(m.measureId()))
                .as("rings once")
                .filteredOn("EXPIRY_ALARM"::equals)
                .hasSize(1);
        assertThat(notices(frozen.documentNo()))
                .as("the station and its district are told")
                .containsExactlyInAnyOrder("329901P01", "329901");

        var renewed = measures.renew(m.measureId(), TestCallers.CITY);
        assertThat(renewed.renewals()).isEqualTo(1);
        assertThat(renewed.expiresAt()).isEqualTo(Instant.parse("2025-01-10T02:00:00Z"));
        assertThat(renewed.alarmAt()).isEqualTo(Instant.parse("2025-01-03T02:00:00Z"));
        assertThat(jdbc.sql("SELECT count(*) FROM protection.outbox WHERE idempotency_key = :k")
                        .param("k", m.measureId() + ":RENEW:1")
                        .query(Integer.class)
                        .single())
                .as("the bank is told of the renewal")
                .isEqualTo(1);

        legalClock.tick(Instant.parse("2024-07-10T02:00:00Z"));
        assertThat(view(m.measureId()).state())
                .as("the old expiry has passed harmlessly")
                .isEqualTo(MeasureState.EXECUTED);
        legalClock.tick(Instant.parse("2025-01-03T02:00:00Z"));
        assertThat(actions(m.measureId())).filteredOn("EXPIRY_ALARM"::equals).hasSize(2);
        legalClock.tick(Instant.parse("2025-01-10T02:00:00Z"));
        assertThat(view(m.measureId()).state()).isEqualTo(MeasureState.EXPIRED);
    }

    @Test
    void working_days_skip_holidays_and_count_a_working_saturday() {
        // a fake National Day week in 2031: 1-7 October off, Saturdays 27 September and 11 October worked
        var rows = new LinkedHashMap<LocalDate, Boolean>();
        for (int d = 1; d <= 7; d++) {
            rows.put(LocalDate.of(2031, 10, d), false);
        }
        rows.put(LocalDate.of(2031, 9, 27), true);
        rows.put(LocalDate.of(2031, 10, 11), true);
        withCalendar(rows, () -> {
            assertThat(workingDays.isWorkingDay(LocalDate.of(2031, 10, 1))).isFalse(); // a Wednesday off
            assertThat(workingDays.isWorkingDay(LocalDate.of(2031, 9, 27))).isTrue(); // a Saturday worked
            assertThat(workingDays.isWorkingDay(LocalDate.of(2031, 10, 12))).isFalse(); // a plain Sunday
            // Tuesday 30 September + 3: the holiday week, then 8, 9, 10 October
            assertThat(workingDays.plus(LocalDate.of(2031, 9, 30), 3)).isEqualTo(LocalDate.of(2031, 10, 10));
            // Friday 26 September + 1: the Saturday worked
            assertThat(workingDays.plus(LocalDate.of(2031, 9, 26), 1)).isEqualTo(LocalDate.of(2031, 9, 27));
            // Thursday 9 October + 2: Friday, then the Saturday worked
            assertThat(workingDays.plus(LocalDate.of(2031, 10, 9), 2)).isEqualTo(LocalDate.of(2031, 10, 11));
            // without exceptions: Friday + 3 is Wednesday
            assertThat(workingDays.plus(LocalDate.of(2031, 11, 14), 3)).isEqualTo(LocalDate.of(2031, 11, 19));
        });
    }

    @Test
    void frozen_money_is_due_back_within_3_working_days_across_a_holiday_and_a_worked_saturday() {
        // the return is decided today; make every day from tomorrow up to the first Saturday at least
        // ten days away a holiday, and that Saturday a 调休 working day
        var today = LocalDate.ofInstant(clock.instant(), LOCAL);
        var saturday = today.plusDays(10);
        while (saturday.getDayOfWeek() != DayOfWeek.SATURDAY) {
            saturday = saturday.plusDays(1);
        }
        var rows = new LinkedHashMap<LocalDate, Boolean>();
        for (var d = today.plusDays(1); d.isBefore(saturday); d = d.plusDays(1)) {
            rows.put(d, false);
        }
        rows.put(saturday, true);
        var worked = saturday;
        withCalendar(rows, () -> {
            var freeze =
                    request(MeasureKind.FREEZE, account(), "CASE-" + UUID.randomUUID(), new BigDecimal("30000"), null);
            measures.answer(freeze.measureId(), Measures.Answer.EXECUTED, null, null, "bank", null);

            var back = request(
                    MeasureKind.UNFREEZE_RETURN,
                    rawTarget(freeze.measureId()),
                    null,
                    new BigDecimal("30000"),
                    freeze.measureId());

            // working days after today: the Saturday (1), Monday (2), Tuesday (3); due by the end of Tuesday
            var due = worked.plusDays(4).atStartOfDay(LOCAL).toInstant();
            assertThat(back.dueAt()).isEqualTo(due);
            assertThat(worked.plusDays(3).getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
        });
    }

    @Test
    void a_return_needs_an_executed_freeze_and_cannot_exceed_it() {
        var freeze = request(MeasureKind.FREEZE, account(), "CASE-" + UUID.randomUUID(), new BigDecimal("1000"), null);
        var target = rawTarget(freeze.measureId());
        assertThatThrownBy(() ->
                        request(MeasureKind.UNFREEZE_RETURN, target, null, new BigDecimal("10"), freeze.measureId()))
                .isInstanceOf(MeasureRefused.class)
                .hasMessageContaining("executed freeze");
        measures.answer(freeze.measureId(), Measures.Answer.EXECUTED, null, null, "bank", null);
        assertThatThrownBy(() -> request(
                        MeasureKind.UNFREEZE_RETURN, target, null, new BigDecimal("1000.01"), freeze.measureId()))
                .isInstanceOf(MeasureRefused.class)
                .hasMessageContaining("cannot exceed");
    }

    // ------------------------------------------------------------------ helpers

    List<String> actions(UUID id) {
        return view(id).history().stream().map(MeasureView.Event::action).toList();
    }

    List<String> notices(String documentNo) {
        return jdbc.sql("SELECT audience_id FROM notification.notice WHERE title_zh = :t")
                .param("t", "冻结即将到期：" + documentNo)
                .query(String.class)
                .list();
    }

    String rawTarget(UUID id) {
        return jdbc.sql("SELECT target FROM protection.measure WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    /** Runs {@code body} with these calendar rows, then puts back whatever was there before. */
    void withCalendar(Map<LocalDate, Boolean> rows, Runnable body) {
        var before = new LinkedHashMap<LocalDate, Object[]>();
        var days = List.copyOf(rows.keySet());
        jdbc.sql("SELECT day, working, name FROM protection.calendar_day WHERE day IN (:days)")
                .param("days", days)
                .query(rs -> {
                    before.put(rs.getObject(1, LocalDate.class), new Object[] {rs.getBoolean(2), rs.getString(3)});
                });
        try {
            rows.forEach((day, working) -> jdbc.sql("""
                            INSERT INTO protection.calendar_day (day, working, name) VALUES (:day, :working, :name)
                            ON CONFLICT (day) DO UPDATE SET working = EXCLUDED.working, name = EXCLUDED.name
                            """)
                    .param("day", day)
                    .param("working", working)
                    .param("name", working ? "测试调休上班" : "测试假期")
                    .update());
            body.run();
        } finally {
            jdbc.sql("DELETE FROM protection.calendar_day WHERE day IN (:days)")
                    .param("days", days)
                    .update();
            before.forEach((day, row) -> jdbc.sql(
                            "INSERT INTO protection.calendar_day (day, working, name) VALUES (:day, :working, :name)")
                    .param("day", day)
                    .param("working", row[0])
                    .param("name", row[1])
                    .update());
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
