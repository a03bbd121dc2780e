package io.purseguard.warning.excel;

import io.purseguard.PurseguardApplication;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test: times the Excel door on a generated sheet (default 100,000 rows, 1% of them bad) in a
 * throw-away database with the demo city. Three figures: the streaming reader alone, the import
 * through the real intake (validation, de-duplication, triage, routing, persistence), and the page's
 * path (multipart upload, background job, progress polled until done) with a second sheet.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.purseguard.warning.excel.ImportBenchmark -Dexec.args="100000 100000"
 * </pre>
 */
public class ImportBenchmark {

    static final List<String> HEADERS =
            ImportColumn.TEMPLATE.stream().map(ImportColumn::header).toList();
    static final String[] KINDS = {"资金", "电话", "电话", "短信", "短信", "网址", "APP", "取现"};
    static final String[] TYPES = {"刷单返利", "虚假投资理财", "虚假购物服务", "冒充电商物流客服", "网络婚恋交友"};

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int residents = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        try (var app = new SpringApplicationBuilder(PurseguardApplication.class)
                .run(
                        "--server.port=0",
                        "--purseguard.embedded-postgres.ephemeral=true",
                        "--purseguard.demo.residents=" + residents,
                        "--purseguard.demo.feed.per-minute=0",
                        "--spring.servlet.multipart.max-file-size=200MB",
                        "--spring.servlet.multipart.max-request-size=200MB",
                        "--logging.level.root=WARN",
                        "--logging.file.name=target/import-benchmark.log")) {
            var jdbc = app.getBean(JdbcClient.class);
            var now = LocalDateTime.now(app.getBean(Clock.class).withZone(CellText.LOCAL));
            var people = jdbc.sql("SELECT name, id_number, phone, address FROM residents.resident ORDER BY id")
                    .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                    .list();
            var dir = Files.createTempDirectory("import-bench");
            var first = dir.resolve("a.xlsx");
            var second = dir.resolve("b.xlsx");
            long g0 = System.nanoTime();
            write(first, rows, people, now, "A-");
            write(second, rows, people, now, "B-");
            System.out.printf(
                    "generated %,d rows twice in %.1f s; file %,d bytes%n",
                    rows, (System.nanoTime() - g0) / 1e9, Files.size(first));

            // the reader alone
            var counted = new long[1];
            long r0 = System.nanoTime();
            SheetRows.of(SpreadsheetFormat.XLSX).read(first, (number, cells) -> counted[0]++);
            double readSeconds = (System.nanoTime() - r0) / 1e9;
            System.out.printf(
                    "read_only rows=%,d seconds=%.2f rows_per_s=%.0f%n",
                    counted[0], readSeconds, counted[0] / readSeconds);

            // the import through the real intake
            var imports = app.getBean(ClueImport.class);
            var progress = new ImportProgress();
            var memory = ManagementFactory.getMemoryMXBean();
            long t0 = System.nanoTime();
            var report = imports.run(first, SpreadsheetFormat.XLSX, progress);
            double importSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    "import rows=%,d accepted=%,d duplicate=%,d rejected=%,d seconds=%.1f rows_per_s=%.0f heap_used_mb=%d%n",
                    report.rows(),
                    report.accepted(),
                    report.duplicate(),
                    report.rejected(),
                    importSeconds,
                    report.rows() / importSeconds,
                    memory.getHeapMemoryUsage().getUsed() >> 20);

            // the page's path: upload, background job, progress polled until done
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            var center = Http.signedIn(port, "center", "demo123");
            var csrf = center.csrf("/warnings/import");
            long p0 = System.nanoTime();
            var upload = center.upload(
                    "/warnings/import",
                    "b.xlsx",
                    "application/octet-stream",
                    Files.readAllBytes(second),
                    "_csrf",
                    csrf);
            var matcher = Pattern.compile("/warnings/import/[0-9a-f-]{36}").matcher(upload.header("Location"));
            if (upload.status() != 303 || !matcher.find()) {
                throw new IllegalStateException("upload refused: " + upload.status() + " " + upload.text());
            }
            var job = matcher.group();
            var page = center.get(job).text();
            System.out.println("first page polls: " + page.contains("hx-trigger=\"every 1s\"") + ", state "
                    + between(page, "data-state=\"", "\""));
            var polls = new int[1];
            var last = new String[1];
            // as htmx does: once a second
            org.awaitility.Awaitility.await()
                    .pollInterval(java.time.Duration.ofSeconds(1))
                    .atMost(java.time.Duration.ofMinutes(30))
                    .until(() -> {
                        var fragment = center.get(job + "/progress", "HX-Request", "true")
                                .text();
                        last[0] = fragment;
                        if (polls[0]++ % 5 == 0) {
                            System.out.println("  progress: "
                                    + between(fragment, "<p class=\"num\">", "</p>")
                                            .strip() + " | value=" + between(fragment, "value=\"", "\""));
                        }
                        return fragment.contains("data-state=\"DONE\"") || fragment.contains("data-state=\"FAILED\"");
                    });
            var fragment = last[0];
            double pageSeconds = (System.nanoTime() - p0) / 1e9;
            System.out.printf(
                    "page rows=%,d seconds=%.1f rows_per_s=%.0f polls=%d accepted=%s rejected=%s still_polling=%s%n",
                    rows,
                    pageSeconds,
                    rows / pageSeconds,
                    polls[0],
                    between(fragment, "id=\"import-accepted\">", "<"),
                    between(fragment, "id=\"import-rejected\">", "<"),
                    fragment.contains("hx-trigger"));
            var errors = center.get(job + "/errors.xlsx");
            System.out.printf("error report %,d bytes, status %d%n", errors.body().length, errors.status());
        }
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        if (start < 0) {
            return "?";
        }
        start += from.length();
        int end = text.indexOf(to, start);
        return end < 0 ? "?" : text.substring(start, end);
    }

    /** A sheet like an upstream export: mixed kinds, real people, 1% bad ID numbers, date cells. */
    static void write(Path file, int rows, List<String[]> people, LocalDateTime now, String prefix) throws IOException {
        var random = new SplittableRandom(prefix.hashCode());
        try (var workbook = new SXSSFWorkbook(500);
                var out = Files.newOutputStream(file)) {
            var styles = new ImportTemplate.Styles(workbook);
            var sheet = workbook.createSheet("线索");
            var header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                header.createCell(i).setCellValue(HEADERS.get(i));
            }
            for (int r = 1; r <= rows; r++) {
                var person = people.get(random.nextInt(people.size()));
                var kind = KINDS[random.nextInt(KINDS.length)];
                var row = sheet.createRow(r);
                row.createCell(ImportColumn.CLUE_ID.ordinal()).setCellValue(prefix + r);
                row.createCell(ImportColumn.SOURCE.ordinal()).setCellValue(r % 3 == 0 ? "银行" : "国家");
                row.createCell(ImportColumn.KIND.ordinal()).setCellValue(kind);
                var pushed = now.minusMinutes(1 + random.nextInt(600));
                var cell = row.createCell(ImportColumn.PUSHED_AT.ordinal());
                cell.setCellValue(pushed);
                cell.setCellStyle(styles.dateTime);
                row.createCell(ImportColumn.NAME.ordinal()).setCellValue(person[0]);
                var id = person[1];
                if (random.nextInt(100) == 0) {
                    id = id.substring(0, 17) + (id.endsWith("0") ? "1" : "0");
                }
                row.createCell(ImportColumn.ID_NUMBER.ordinal()).setCellValue(id);
                if (person[2] != null) {
                    row.createCell(ImportColumn.PHONE.ordinal()).setCellValue(person[2]);
                }
                row.createCell(ImportColumn.ADDRESS.ordinal()).setCellValue(person[3]);
                if (kind.equals("资金")) {
                    row.createCell(ImportColumn.AMOUNT.ordinal()).setCellValue(100 + random.nextInt(80_000));
                    var paid = row.createCell(ImportColumn.TRANSACTED_AT.ordinal());
                    paid.setCellValue(pushed.minusMinutes(30));
                    paid.setCellStyle(styles.dateTime);
                    row.createCell(ImportColumn.SUSPECT_ACCOUNT.ordinal()).setCellValue("6222020200112233446");
                    row.createCell(ImportColumn.SUSPECT_BANK.ordinal()).setCellValue("某商业银行");
                }
                row.createCell(ImportColumn.FRAUD_TYPE.ordinal()).setCellValue(TYPES[random.nextInt(TYPES.length)]);
            }
            workbook.write(out);
        }
    }
}
