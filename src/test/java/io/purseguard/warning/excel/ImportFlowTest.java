package io.purseguard.warning.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.purseguard.PurseguardTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Excel/CSV door end to end on the demo city: the API's synchronous import and its report, replays,
 * CSV, refusals, upstream feedback, and the page's upload, progress polling and error workbook.
 */
@PurseguardTest
class ImportFlowTest {

    static final String TOKEN = "test-bootstrap-token";
    static final String PASSWORD = "demo123";
    static final String MY_STATION = "329901P01";
    static final List<String> HEADERS = List.of("线索编号", "来源", "类型", "推送时间", "姓名", "身份证号", "手机号", "金额", "交易时间", "诈骗类型");
    static final Pattern JOB = Pattern.compile("/warnings/import/([0-9a-f-]{36})$");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    record Resident(String name, String idNumber, String phone, String stationCode) {}

    List<Resident> residents;
    String batch;

    @BeforeEach
    void people() {
        // two at my station, three elsewhere: enough to see routing and the station's scope. Picked in an
        // order of their own, so other tests' people (taken by id) do not get these warnings as earlier ones
        // (which would raise their level)
        residents = new ArrayList<>(jdbc.sql("SELECT name, id_number, phone, station_code FROM residents.resident "
                        + "WHERE station_code = :s ORDER BY md5(id::text || 'excel') LIMIT 2")
                .param("s", MY_STATION)
                .query(Resident.class)
                .list());
        residents.addAll(jdbc.sql("SELECT name, id_number, phone, station_code FROM residents.resident "
                        + "WHERE station_code <> :s ORDER BY md5(id::text || 'excel') LIMIT 3")
                .param("s", MY_STATION)
                .query(Resident.class)
                .list());
        batch = "XLS-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    /** Five good rows (rows 2, 3, 5, 6, 8) and three bad ones (4: ID checksum, 7: 3 decimals, 9: no clue id). */
    private List<List<Object>> rows() {
        var pushed = LocalDateTime.now(clock.withZone(CellText.LOCAL))
                .minusMinutes(30)
                .withNano(0);
        var paid = pushed.minusHours(2);
        var a = residents.get(0);
        var b = residents.get(1);
        var c = residents.get(2);
        var d = residents.get(3);
        var e = residents.get(4);
        var badId = a.idNumber().substring(0, 17) + (a.idNumber().endsWith("0") ? "1" : "0");
        return List.of(
                row(batch + 1, "国家", "资金", pushed, a.name(), a.idNumber(), null, 60000, paid, "虚假投资理财"),
                row(
                        batch + 2,
                        "BANK",
                        "FUND",
                        pushed.toString().replace('T', ' '),
                        b.name(),
                        b.idNumber(),
                        null,
                        "800.50",
                        paid,
                        null),
                row(batch + 3, "省", "资金", pushed, c.name(), badId, null, 100, paid, null),
                row(batch + 4, "运营商", "电话", pushed, c.name(), c.idNumber(), null, null, null, "冒充公检法"),
                row(batch + 5, "96110", "短信", pushed, d.name(), d.idNumber(), null, null, null, null),
                row(batch + 6, "国家", "资金", pushed, d.name(), d.idNumber(), null, 12.345, paid, null),
                row(batch + 7, "本地", "网址", pushed, e.name(), e.idNumber(), null, null, null, "刷单返利"),
                row(null, "国家", "资金", pushed, e.name(), e.idNumber(), null, 100, paid, null));
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private String clue(int n) {
        return batch + n;
    }

    @Test
    void the_api_takes_the_good_rows_reports_the_bad_ones_and_a_second_import_is_all_duplicates() {
        var api = Http.bearer(port, TOKEN);
        var file = Sheets.xlsx(HEADERS, rows());

        var reply = api.upload("/api/v1/warnings/import", "clues.xlsx", "application/octet-stream", file);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        var report = reply.json();
        assertThat(report.get("accepted").asInt()).isEqualTo(5);
        assertThat(report.get("duplicate").asInt()).isZero();
        assertThat(report.get("rejected").asInt()).isEqualTo(3);
        var errors = new ArrayList<String>();
        report.get("errors")
                .forEach(e -> errors.add(e.get("row").asInt() + " "
                        + e.get("column").asText() + " " + e.get("field").asText()));
        assertThat(errors).containsExactly("4 身份证号 person.idNumber", "7 金额 amount", "9 线索编号 clueId");
        report.get("errors").forEach(e -> assertThat(e.get("message").asText()).isNotBlank());
        // the machine contract: English words, and the code they come from
        assertThat(report.get("errors").get(0).get("message").asText())
                .isEqualTo("check character does not match (GB 11643)");
        assertThat(report.get("errors").get(0).get("code").asText()).isEqualTo("clue.error.idNumber.check");
        report.get("errors").forEach(e -> assertThat(e.get("code").asText()).startsWith("clue.error."));
        report.get("errors").forEach(e -> assertThat(e.has("args")).isFalse());

        // taken in by the Excel door and routed to each person's station
        for (int n : List.of(1, 2, 4, 5, 7)) {
            var stored = jdbc.sql("SELECT door, station_code FROM warning.warning WHERE clue_id = :c")
                    .param("c", clue(n))
                    .query((rs, i) -> rs.getString(1) + " " + rs.getString(2))
                    .single();
            var person = residents.get(n == 1 ? 0 : n == 2 ? 1 : n == 4 ? 2 : n == 5 ? 3 : 4);
            assertThat(stored).isEqualTo("EXCEL " + person.stationCode());
        }

        var again = api.upload("/api/v1/warnings/import", "clues.xlsx", "application/octet-stream", file)
                .json();
        assertThat(again.get("accepted").asInt()).isZero();
        assertThat(again.get("duplicate").asInt()).isEqualTo(5);
        assertThat(again.get("rejected").asInt()).isEqualTo(3);
    }

    @Test
    void a_utf8_csv_file_imports_like_the_workbook() {
        var csv = "\uFEFF" + Sheets.csv(HEADERS, rows());

        var reply = Http.bearer(port, TOKEN)
                .upload("/api/v1/warnings/import", "clues.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().get("accepted").asInt()).isEqualTo(5);
        assertThat(reply.json().get("rejected").asInt()).isEqualTo(3);
        assertThat(count(clue(1))).isEqualTo(1);
    }

    @Test
    void a_file_that_is_no_spreadsheet_is_a_400_naming_the_file() {
        var api = Http.bearer(port, TOKEN);
        for (var reply : List.of(
                api.upload("/api/v1/warnings/import", "photo.xlsx", "image/png", new byte[] {
                    (byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0
                }),
                api.upload(
                        "/api/v1/warnings/import", "notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)),
                api.upload(
                        "/api/v1/warnings/import",
                        "old.csv",
                        "text/csv",
                        "姓名,电话\n张三,1\n".getBytes(StandardCharsets.UTF_8)))) {
            assertThat(reply.status()).as(reply.text()).isEqualTo(400);
            assertThat(reply.header("Content-Type")).contains("application/problem+json");
            assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("file");
            assertThat(reply.json().get("errors").get(0).get("message").asText())
                    .isNotBlank();
        }
    }

    @Test
    void the_template_downloads_with_the_headers_and_an_explanation_sheet() throws IOException {
        for (var path : List.of("/api/v1/warnings/import/template.xlsx")) {
            var reply = Http.bearer(port, TOKEN).get(path);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("Content-Type")).startsWith("application/vnd.openxmlformats");
            assertThat(reply.header("Content-Disposition")).contains("attachment", ".xlsx");
            try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(reply.body()))) {
                assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                        .isEqualTo("线索编号");
                assertThat(workbook.getSheetAt(0).getRow(0).getCell(18).getStringCellValue())
                        .isEqualTo("诈骗类型");
                assertThat(workbook.getSheetName(1)).isEqualTo("说明");
            }
        }
    }

    @Test
    void feedback_lists_an_imported_warning_since_a_time_before_the_import_and_not_since_after_it() throws IOException {
        var api = Http.bearer(port, TOKEN);
        var before = clock.instant().minusSeconds(1);
        assertThat(api.upload(
                                "/api/v1/warnings/import",
                                "clues.xlsx",
                                "application/octet-stream",
                                Sheets.xlsx(HEADERS, rows()))
                        .status())
                .isEqualTo(200);
        var after = clock.instant().plusMillis(1);

        var since = api.get("/api/v1/warnings/feedback?since=" + before);
        assertThat(since.status()).as(since.text()).isEqualTo(200);
        var mine = new ArrayList<String>();
        since.json().forEach(item -> {
            if (item.get("clueId").asText().startsWith(batch)) {
                mine.add(item.get("clueId").asText());
                assertThat(item.get("warningId").asText()).isNotBlank();
                assertThat(item.get("status").asText()).isEqualTo("RECEIVED");
                assertThat(item.get("level").asText()).isIn("CRITICAL", "HIGH", "MEDIUM", "LOW");
                assertThat(item.get("unit").get("code").asText()).isNotBlank();
                assertThat(Instant.parse(item.get("updatedAt").asText())).isAfterOrEqualTo(before);
            }
        });
        assertThat(mine).containsExactlyInAnyOrder(clue(1), clue(2), clue(4), clue(5), clue(7));

        var later = api.get("/api/v1/warnings/feedback?since=" + after).json();
        later.forEach(item -> assertThat(item.get("clueId").asText()).doesNotStartWith(batch));

        // a station sees the feedback on its own warnings only
        var station = Http.signedIn(port, "station", PASSWORD);
        var seen = new ArrayList<String>();
        station.get("/api/v1/warnings/feedback?since=" + before).json().forEach(item -> {
            if (item.get("clueId").asText().startsWith(batch)) {
                seen.add(item.get("clueId").asText());
            }
        });
        assertThat(seen).containsExactlyInAnyOrder(clue(1), clue(2));

        var workbook = api.get("/api/v1/warnings/feedback.xlsx?since=" + before);
        assertThat(workbook.status()).isEqualTo(200);
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(workbook.body()))) {
            var sheet = book.getSheetAt(0);
            var formatter = new DataFormatter();
            var headers = new ArrayList<String>();
            sheet.getRow(0).forEach(c -> headers.add(formatter.formatCellValue(c)));
            assertThat(headers).startsWith("线索编号", "预警编号", "预警等级", "状态", "签收单位").contains("签收时间", "更新时间");
            var clueIds = new ArrayList<String>();
            sheet.forEach(r -> clueIds.add(formatter.formatCellValue(r.getCell(0))));
            assertThat(clueIds).contains(clue(1), clue(7));
            var first = sheet.getRow(clueIds.indexOf(clue(1)));
            assertThat(formatter.formatCellValue(first.getCell(3))).isEqualTo("待签收");
        }

        assertThat(api.get("/api/v1/warnings/feedback").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/warnings/feedback?since=yesterday")
                        .json()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("since");
    }

    @Test
    void the_page_uploads_shows_progress_until_done_then_the_report_and_the_error_workbook() throws IOException {
        var center = Http.signedIn(port, "center", PASSWORD);
        var form = center.get("/warnings/import");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text())
                .contains("enctype=\"multipart/form-data\"", "/warnings/import/template.xlsx", "id=\"file-hint\"");
        var csrf = center.csrf("/warnings/import");

        var upload = center.upload(
                "/warnings/import",
                "线索.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                Sheets.xlsx(HEADERS, rows()),
                "_csrf",
                csrf);
        assertThat(upload.status()).as(upload.text()).isEqualTo(303);
        var matcher = JOB.matcher(upload.header("Location"));
        assertThat(matcher.find()).as(upload.header("Location")).isTrue();
        var job = "/warnings/import/" + matcher.group(1);

        var page = center.get(job);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("<nav", "id=\"import-job\"", "线索.xlsx");
        if (!page.text().contains("data-state=\"DONE\"")) {
            assertThat(page.text()).contains("hx-trigger=\"every 1s\"", "hx-get=\"" + job + "/progress\"", "<progress");
        }

        // htmx polls the fragment every second until the job is done
        var last = new AtomicReference<String>();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    var fragment = center.get(job + "/progress", "HX-Request", "true");
                    assertThat(fragment.status()).isEqualTo(200);
                    last.set(fragment.text());
                    return fragment.text().contains("data-state=\"DONE\"");
                });
        var done = last.get();
        assertThat(done.strip()).startsWith("<section id=\"import-job\"");
        assertThat(done).doesNotContain("<html", "<nav", "hx-trigger");
        assertThat(done).containsPattern("id=\"import-accepted\">5<").containsPattern("id=\"import-rejected\">3<");
        assertThat(done).contains("身份证号", "金额", "线索编号", job + "/errors.xlsx");
        // the reasons in Chinese, the page's language, though the import ran without a request
        assertThat(done)
                .contains("校验位不正确（GB 11643）", "最多两位小数", "必填")
                .doesNotContain("check character does not match", "must have at most 2 decimals");

        var errors = center.get(job + "/errors.xlsx");
        assertThat(errors.status()).isEqualTo(200);
        assertThat(errors.header("Content-Type")).startsWith("application/vnd.openxmlformats");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(errors.body()))) {
            var sheet = book.getSheetAt(0);
            var formatter = new DataFormatter();
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(formatter.formatCellValue(sheet.getRow(1).getCell(0))).isEqualTo("4");
            assertThat(formatter.formatCellValue(sheet.getRow(1).getCell(1))).isEqualTo("身份证号");
            assertThat(formatter.formatCellValue(sheet.getRow(2).getCell(0))).isEqualTo("7");
            assertThat(formatter.formatCellValue(sheet.getRow(3).getCell(1))).isEqualTo("线索编号");
            assertThat(formatter.formatCellValue(sheet.getRow(1).getCell(2))).isEqualTo("身份证号：校验位不正确（GB 11643）");
            var row4 = new ArrayList<String>();
            sheet.getRow(1).forEach(c -> row4.add(formatter.formatCellValue(c)));
            assertThat(row4).contains(residents.get(2).name());
        }

        // in English (?lang=en, then remembered), the page and the workbook give the reasons in English
        var english = center.get(job + "?lang=en");
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.text())
                .contains("check character does not match (GB 11643)", "must have at most 2 decimals (yuan and fen)")
                .doesNotContain("校验位不正确");
        try (var book = new XSSFWorkbook(
                new ByteArrayInputStream(center.get(job + "/errors.xlsx").body()))) {
            assertThat(new DataFormatter()
                            .formatCellValue(book.getSheetAt(0).getRow(1).getCell(2)))
                    .isEqualTo("身份证号: check character does not match (GB 11643)");
        }
        assertThat(count(clue(1))).isEqualTo(1);

        // the job is its uploader's: another center does not find it
        var district = Http.signedIn(port, "district", PASSWORD);
        assertThat(district.get(job).status()).isEqualTo(404);
        assertThat(district.get(job + "/errors.xlsx").status()).isEqualTo(404);
    }

    @Test
    void the_page_refuses_a_file_that_is_no_spreadsheet_and_a_station_may_not_import() {
        var center = Http.signedIn(port, "center", PASSWORD);
        var csrf = center.csrf("/warnings/import");
        var refused = center.upload(
                "/warnings/import",
                "photo.png",
                "image/png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0},
                "_csrf",
                csrf);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text())
                .contains("class=\"notice error\"", "aria-invalid=\"true\"", "enctype=\"multipart/form-data\"");

        // a job this node does not hold: the page is a 404; a poll is told to stop (htmx's 286) and why
        var unknown = "/warnings/import/" + UUID.randomUUID();
        assertThat(center.get(unknown).status()).isEqualTo(404);
        var gone = center.get(unknown + "/progress", "HX-Request", "true");
        assertThat(gone.status()).isEqualTo(286);
        assertThat(gone.text()).contains("id=\"import-job\"", "notice error").doesNotContain("hx-trigger");

        var station = Http.signedIn(port, "station", PASSWORD);
        assertThat(station.get("/warnings/import").status()).isEqualTo(403);
        assertThat(Http.bearer(port, TOKEN)
                        .get("/warnings/import/template.xlsx")
                        .status())
                .as("pages are for people signed in")
                .isNotEqualTo(200);
    }

    private int count(String clueId) {
        return jdbc.sql("SELECT count(*) FROM warning.warning WHERE clue_id = :c")
                .param("c", clueId)
                .query(Integer.class)
                .single();
    }
}
