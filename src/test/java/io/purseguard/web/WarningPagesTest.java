package io.purseguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.PurseguardTest;
import io.purseguard.identity.Masking;
import io.purseguard.residents.IdNumber;
import io.purseguard.scope.Scope;
import io.purseguard.warning.ClueDraft;
import io.purseguard.warning.ClueKind;
import io.purseguard.warning.ClueSource;
import io.purseguard.warning.FraudType;
import io.purseguard.warning.IntakeDoor;
import io.purseguard.warning.IntakeResult;
import io.purseguard.warning.RouteMethod;
import io.purseguard.warning.WarningIntake;
import io.purseguard.warning.WarningLevel;
import io.purseguard.warning.WarningStatus;
import io.purseguard.warning.Warnings;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 预警 pages over real HTTP: the centers' board and its polled counts, a station's list with the htmx
 * sign-for, scope (404 and absence), the manual queue's transfer, return with a reason, and the labels
 * every lifecycle constant needs in both languages.
 */
@PurseguardTest
class WarningPagesTest {

    static final String PASSWORD = "demo123";
    static final String MY_STATION = "329901P01";
    static final String OTHER_STATION = "329901P02";
    static final Pattern FINGERPRINT = Pattern.compile("seen=([0-9.\\-]+)");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WarningIntake intake;

    @Autowired
    Warnings warnings;

    record Person(String name, String idNumber) {}

    private Person residentOf(String station) {
        return jdbc.sql("SELECT name, id_number FROM residents.resident WHERE station_code = :s ORDER BY id"
                        + " OFFSET 7 LIMIT 1")
                .param("s", station)
                .query(Person.class)
                .single();
    }

    private static String at(Instant instant) {
        return instant.atOffset(ZoneOffset.ofHours(8)).toString();
    }

    /** A fund warning of ¥60,000 (CRITICAL by the default rules) about {@code person}. */
    static ClueDraft fund(String clueId, String name, String idNumber, String phone) {
        var now = Instant.now();
        return new ClueDraft(
                clueId,
                ClueSource.NATIONAL.name(),
                ClueKind.FUND.name(),
                at(now.minusSeconds(30)),
                new ClueDraft.Person(name, idNumber, phone, null, null),
                new ClueDraft.Suspect(new ClueDraft.Account("某银行", "6222020200112233446", "李四"), null, null, null),
                "60000",
                at(now.minusSeconds(600)),
                FraudType.FAKE_INVESTMENT.name(),
                "高");
    }

    private UUID take(ClueDraft draft) {
        var result = intake.take(List.of(draft), IntakeDoor.REST).get(0);
        assertThat(result.status()).as("%s", result.errors()).isEqualTo(IntakeResult.Status.ACCEPTED);
        return result.warningId();
    }

    private UUID warningAt(String station) {
        var person = residentOf(station);
        return take(fund("WP-" + UUID.randomUUID(), person.name(), person.idNumber(), null));
    }

    /** Someone from another province with no address: nothing places them, so the city's manual queue. */
    private UUID unplacedWarning() {
        var outside = IdNumber.of("510722", LocalDate.of(1990, 1, 1), 123).value();
        return take(fund("WQ-" + UUID.randomUUID(), "外省人", outside, "13912345678"));
    }

    @Test
    void the_board_shows_the_counts_in_chinese_for_the_center() {
        var center = WebSession.signedIn(port, "center", PASSWORD);
        var board = center.get("/warnings/board");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.body())
                .contains("预警看板", "id=\"board-counts\"", "按等级与状态统计", "特危", "高危", "中危", "低危")
                .contains("待签收", "已签收", "已退回", "已移交", "合计", "人工分派队列", "id=\"board-chart\"")
                .contains("every 5s", "id=\"results\"");
        // the nav marks 预警 as the current section and the tabs offer the list too
        assertThat(board.body()).contains("href=\"/warnings/board\"", "href=\"/warnings\"");

        var english = center.get("/warnings/board?lang=en");
        assertThat(english.body()).contains("Warning board", "Critical", "To sign for", "Manual queue");
    }

    @Test
    void the_counts_fragment_answers_htmx_with_only_the_fragment_and_says_when_something_changed() {
        var center = WebSession.signedIn(port, "center", PASSWORD);
        var first = center.get("/warnings/board/counts?seen=stale", "HX-Request", "true");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().strip()).startsWith("<section id=\"board-counts\"");
        assertThat(first.body()).doesNotContain("<html", "<nav", "<head").contains("特危", "待签收");
        assertThat(first.header("HX-Trigger")).isEqualTo("warnings-changed");

        var seen = fingerprint(first.body());
        warningAt(MY_STATION);
        var after = center.get("/warnings/board/counts?seen=" + seen, "HX-Request", "true");
        assertThat(fingerprint(after.body())).isNotEqualTo(seen);
        assertThat(after.header("HX-Trigger")).isEqualTo("warnings-changed");

        var again = center.get("/warnings/board/counts?seen=" + fingerprint(after.body()), "HX-Request", "true");
        // unchanged, unless something else arrived in between (then the page must reload)
        assertThat(again.header("HX-Trigger"))
                .isEqualTo(fingerprint(again.body()).equals(fingerprint(after.body())) ? "" : "warnings-changed");

        // the board's list answers an htmx filter with the results only
        var list = center.get("/warnings/board?level=CRITICAL", "HX-Request", "true");
        assertThat(list.body().strip()).startsWith("<section id=\"results\"");
        assertThat(list.body()).doesNotContain("<html", "id=\"board-counts\"");
    }

    @Test
    void a_station_officer_sees_their_warning_not_another_stations_and_signs_for_it_by_htmx() {
        var mine = warningAt(MY_STATION);
        var theirs = warningAt(OTHER_STATION);
        var station = WebSession.signedIn(port, "station", PASSWORD);

        var list = station.get("/warnings");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"w-" + mine + "\"").doesNotContain(theirs.toString());
        var row = rowOf(list.body(), mine);
        assertThat(row).contains("特危", "待签收", "签收", "¥60,000.00", "青石派出所");

        var other = station.get("/warnings?clue=" + clueOf(theirs), "HX-Request", "true");
        assertThat(other.body()).contains("共 0 条").doesNotContain(theirs.toString());

        var signed = station.post(
                "/warnings/" + mine + "/sign-for",
                Map.of(),
                "HX-Request",
                "true",
                "X-CSRF-TOKEN",
                WebSession.csrfOf(list));
        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.body().strip()).startsWith("<tr").contains("id=\"w-" + mine + "\"", "已签收");
        assertThat(signed.body()).doesNotContain("<html", "hx-post");
        assertThat(warnings.find(mine, Scope.city()).orElseThrow().status()).isEqualTo(WarningStatus.SIGNED_FOR);

        // a second click (another tab) gets the row as it is, not an error
        var twice = station.post(
                "/warnings/" + mine + "/sign-for",
                Map.of(),
                "HX-Request",
                "true",
                "X-CSRF-TOKEN",
                WebSession.csrfOf(list));
        assertThat(twice.status()).isEqualTo(200);
        assertThat(twice.body()).contains("已签收");

        // the other station's officer cannot sign for it either
        var station2 = WebSession.signedIn(port, "station2", PASSWORD);
        var page2 = station2.get("/warnings");
        var refused = station2.post(
                "/warnings/" + mine + "/sign-for",
                Map.of(),
                "HX-Request",
                "true",
                "X-CSRF-TOKEN",
                WebSession.csrfOf(page2));
        assertThat(refused.status()).isEqualTo(404);
    }

    @Test
    void a_warnings_page_shows_reasons_masked_person_facts_and_history_and_another_stations_is_404() {
        var person = residentOf(MY_STATION);
        var id = take(fund("WD-" + UUID.randomUUID(), person.name(), person.idNumber(), null));
        var station = WebSession.signedIn(port, "station", PASSWORD);

        var page = station.get("/warnings/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains(person.name() + "的预警", "特危", "预警等级与理由", Masking.idNumber(person.idNumber()))
                .contains("资金预警", "国家反诈大数据平台", "虚假网络投资理财", "¥60,000.00", "6222***********3446")
                .contains("实有人口库（身份证号）", "青石派出所", "处理记录", "接收", "签收", "退回")
                .doesNotContain(person.idNumber(), "6222020200112233446");
        var reasons = warnings.find(id, Scope.city()).orElseThrow().levelReasons();
        assertThat(reasons).isNotEmpty();
        assertThat(page.body()).contains(reasons.get(0).zh());
        assertThat(station.get("/warnings/" + id + "?lang=en").body())
                .contains(reasons.get(0).en());

        var other = WebSession.signedIn(port, "station2", PASSWORD).get("/warnings/" + id);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.header("Content-Type")).startsWith("text/html");
        assertThat(other.body()).contains("找不到该页面").doesNotContain(person.name());

        assertThat(station.get("/warnings/not-a-uuid").status()).isEqualTo(404);
    }

    @Test
    void the_manual_queue_lists_an_unplaced_warning_and_the_center_transfers_it_to_a_station() {
        var id = unplacedWarning();
        var view = warnings.find(id, Scope.city()).orElseThrow();
        assertThat(view.routeMethod()).isEqualTo(RouteMethod.MANUAL);
        assertThat(view.level()).isEqualTo(WarningLevel.CRITICAL);

        var center = WebSession.signedIn(port, "center", PASSWORD);
        var board = center.get("/warnings/board");
        assertThat(board.body()).contains("id=\"q-" + id + "\"");
        var queue = center.get("/warnings/board/queue", "HX-Request", "true");
        assertThat(queue.body().strip()).startsWith("<section id=\"queue\"");
        assertThat(queue.body()).contains("id=\"q-" + id + "\"", "无法定位，待人工分派", "青石派出所");

        var moved = center.post(
                "/warnings/" + id + "/transfer",
                Map.of("unit", MY_STATION, "reason", "住在青石辖区"),
                "HX-Request",
                "true",
                "X-CSRF-TOKEN",
                WebSession.csrfOf(board));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().strip()).startsWith("<tr");
        assertThat(moved.body()).contains("已移交至青石派出所").doesNotContain("<select");
        var now = warnings.find(id, Scope.city()).orElseThrow();
        assertThat(now.status()).isEqualTo(WarningStatus.TRANSFERRED);
        assertThat(now.stationCode()).isEqualTo(MY_STATION);
        assertThat(center.get("/warnings/board/queue", "HX-Request", "true").body())
                .doesNotContain(id.toString());

        // the station now holds it and may sign for it
        var station = WebSession.signedIn(port, "station", PASSWORD);
        var row = rowOf(station.get("/warnings?clue=" + now.clueId()).body(), id);
        assertThat(row).contains("已移交", "sign-for");

        // a unit outside the caller's scope is refused
        var district = WebSession.signedIn(port, "district", PASSWORD);
        var elsewhere = district.post(
                "/warnings/" + id + "/transfer",
                Map.of("unit", "329902P01"),
                "HX-Request",
                "true",
                "X-CSRF-TOKEN",
                WebSession.csrfOf(district.get("/warnings/board")));
        assertThat(elsewhere.status()).isEqualTo(400);
    }

    @Test
    void a_station_returns_a_warning_with_a_reason_and_it_leaves_their_list() {
        var id = warningAt(MY_STATION);
        var station = WebSession.signedIn(port, "station", PASSWORD);
        var page = station.get("/warnings/" + id);
        var csrf = WebSession.csrfOf(page);

        var noReason = station.post("/warnings/" + id + "/return", Map.of("_csrf", csrf, "reason", " "));
        assertThat(noReason.status()).isEqualTo(302);
        assertThat(station.get(path(noReason.location())).body()).contains("退回须填写原因");

        var returned = station.post("/warnings/" + id + "/return", Map.of("_csrf", csrf, "reason", "当事人已搬离本所辖区"));
        assertThat(returned.status()).isEqualTo(302);
        assertThat(returned.location()).endsWith("/warnings");
        assertThat(station.get(path(returned.location())).body()).contains("预警已退回");
        assertThat(station.get("/warnings/" + id).status()).isEqualTo(404);
        var now = warnings.find(id, Scope.city()).orElseThrow();
        assertThat(now.status()).isEqualTo(WarningStatus.RETURNED);
        assertThat(now.history()).extracting(h -> h.note()).contains("当事人已搬离本所辖区");

        // back in the district's queue, where the district center sees it
        var district = WebSession.signedIn(port, "district", PASSWORD);
        assertThat(district.get("/warnings/board").body()).contains("id=\"q-" + id + "\"");
    }

    @Test
    void the_navigation_offers_warnings_to_roles_that_see_people_and_the_board_to_centers() {
        assertThat(WebSession.signedIn(port, "center", PASSWORD).get("/").body())
                .contains("href=\"/warnings/board\"");
        var station = WebSession.signedIn(port, "station", PASSWORD);
        assertThat(station.get("/").body())
                .contains("href=\"/warnings\"", ">预警<")
                .doesNotContain("/warnings/board");
        assertThat(station.get("/warnings/board").status()).isEqualTo(403);
        assertThat(station.get("/warnings/board/counts").status()).isEqualTo(403);
        assertThat(WebSession.signedIn(port, "grid", PASSWORD).get("/warnings").status())
                .isEqualTo(200);

        var bank = WebSession.signedIn(port, "bank", PASSWORD);
        assertThat(bank.get("/").body()).doesNotContain("href=\"/warnings");
        assertThat(bank.get("/warnings").status()).isEqualTo(403);
    }

    /** Labels the templates build from a prefix and a constant: every constant, both languages. */
    @Test
    void every_lifecycle_constant_has_a_label_in_chinese_and_english() throws IOException {
        var expected = new ArrayList<String>();
        for (var level : WarningLevel.values()) {
            expected.add("warning.level." + level);
        }
        for (var status : WarningStatus.values()) {
            expected.add("warning.status." + status);
            expected.add("warning.detail.action." + status);
        }
        for (var kind : ClueKind.values()) {
            expected.add("warning.kind." + kind);
        }
        for (var method : RouteMethod.values()) {
            expected.add("warning.route." + method);
        }
        for (var source : ClueSource.values()) {
            expected.add("warning.detail.source." + source);
        }
        for (var type : FraudType.values()) {
            expected.add("warning.detail.fraudType." + type);
        }
        for (var door : IntakeDoor.values()) {
            expected.add("warning.detail.door." + door);
        }
        for (var bundle : List.of("messages.properties", "messages_en.properties")) {
            var properties = new Properties();
            try (Reader reader = Files.newBufferedReader(
                    Path.of("src/main/resources/i18n").resolve(bundle), StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            assertThat(expected).as(bundle).allMatch(properties::containsKey);
        }
    }

    private static String fingerprint(String body) {
        var matcher = FINGERPRINT.matcher(body);
        assertThat(matcher.find()).as("a fingerprint in %s", body).isTrue();
        return matcher.group(1);
    }

    /** A redirect's target as a path (the server may send an absolute URL). */
    private static String path(String location) {
        return URI.create(location).getRawPath();
    }

    private String clueOf(UUID id) {
        return warnings.find(id, Scope.city()).orElseThrow().clueId();
    }

    /** The {@code <tr>} of one warning in a list page. */
    private static String rowOf(String body, UUID id) {
        int start = body.indexOf("<tr class=\"warning\" id=\"w-" + id + "\"");
        assertThat(start).as("row of %s", id).isNotNegative();
        return body.substring(start, body.indexOf("</tr>", start));
    }

    @Test
    void the_warning_page_masks_the_suspects_phone_and_reveals_every_identifier_with_a_reason() {
        var person = residentOf(MY_STATION);
        var d = fund("WR-" + UUID.randomUUID(), person.name(), person.idNumber(), null);
        var suspectPhone = "+8613812349876";
        var id = take(new ClueDraft(
                d.clueId(),
                d.source(),
                d.kind(),
                d.pushedAt(),
                d.person(),
                new ClueDraft.Suspect(d.suspect().account(), suspectPhone, null, null),
                d.amount(),
                d.transactedAt(),
                d.fraudTypeHint(),
                d.upstreamLevel()));
        var station = WebSession.signedIn(port, "station", PASSWORD);
        var page = station.get("/warnings/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("+86*******9876", "显示完整号码和账号", "name=\"purpose\"")
                .doesNotContain(suspectPhone, person.idNumber(), "6222020200112233446");
        var list = station.get("/warnings?clue=" + d.clueId());
        assertThat(list.body()).doesNotContain(suspectPhone);

        var bare = station.post(
                "/warnings/" + id + "/reveal",
                Map.of("reason", "没有事由"),
                "HX-Request",
                "true",
                "X-CSRF-TOKEN",
                WebSession.csrfOf(page));
        assertThat(bare.status()).isEqualTo(400);
        assertThat(bare.body()).doesNotContain(suspectPhone);
        var revealed = station.post(
                "/warnings/" + id + "/reveal",
                Map.of("purpose", "VISIT", "reason", "上门核查"),
                "HX-Request",
                "true",
                "X-CSRF-TOKEN",
                WebSession.csrfOf(page));
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.body())
                .doesNotContain("<html")
                .contains(suspectPhone, person.idNumber(), "6222020200112233446", "已记入审计");
        assertThat(jdbc.sql("SELECT count(*) FROM identity.audit_entry WHERE action = 'WARNING_REVEAL'"
                                + " AND target_id = :id AND detail = 'VISIT: 上门核查'")
                        .param("id", id.toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // a township head sees the warning masked and is offered no reveal
        var township = WebSession.signedIn(port, "township", PASSWORD);
        var theirs = township.get("/warnings/" + id);
        if (theirs.status() == 200) {
            assertThat(theirs.body()).doesNotContain(suspectPhone, "显示完整号码和账号");
        }
    }
}
