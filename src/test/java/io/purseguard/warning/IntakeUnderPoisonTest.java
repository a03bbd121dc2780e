package io.purseguard.warning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.PurseguardTest;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.scope.Scope;
import io.purseguard.warning.excel.ClueImport;
import io.purseguard.warning.excel.ImportColumn;
import io.purseguard.warning.excel.ImportProgress;
import io.purseguard.warning.excel.ImportReport;
import io.purseguard.warning.excel.SpreadsheetFormat;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Intake under poison: a batch of 1,000 clues with 50 poisoned items ({@link PoisonedClues}) stores
 * exactly the 950 good ones, through the REST door (over HTTP) and the Excel door (a real .xlsx written
 * with POI); each poisoned item is refused on its own field. (The Kafka door: {@code KafkaIntakeTest}.)
 */
@PurseguardTest
class IntakeUnderPoisonTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ClueImport imports;

    @Autowired
    Clock clock;

    @TempDir
    Path dir;

    private List<PoisonedClues.Item> batch(String prefix) {
        var idNumbers = jdbc.sql("SELECT id_number FROM residents.resident ORDER BY id LIMIT 40")
                .query(String.class)
                .list();
        return PoisonedClues.batch(prefix + "-" + UUID.randomUUID(), idNumbers, clock.instant());
    }

    private int stored(List<PoisonedClues.Item> items) {
        return jdbc.sql("SELECT count(*) FROM warning.warning WHERE clue_id = ANY(:ids)")
                .param("ids", items.stream().map(i -> i.draft().clueId()).toArray(String[]::new))
                .query(Integer.class)
                .single();
    }

    @Test
    void a_rest_batch_of_a_thousand_with_fifty_poisoned_stores_exactly_the_nine_hundred_and_fifty_good()
            throws Exception {
        var items = batch("PR");
        var body = json.writeValueAsString(
                Map.of("items", items.stream().map(PoisonedClues.Item::draft).toList()));
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/warnings"))
                                .timeout(Duration.ofMinutes(2))
                                .header("Authorization", "Bearer test-bootstrap-token")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(response.body().substring(0, Math.min(500, response.body().length())))
                .isEqualTo(200);
        var answer = json.readTree(response.body());
        var results = answer.get("results");
        assertThat(results).hasSize(PoisonedClues.SIZE);
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            var result = results.get(i);
            if (item.poisoned()) {
                assertThat(result.get("status").asText())
                        .as("%d: %s", i, item.poison())
                        .isEqualTo("REJECTED");
                assertThat(fields(result)).as("%d: %s", i, item.poison()).containsExactly(item.field());
            } else {
                assertThat(result.get("status").asText())
                        .as("%d: %s", i, result)
                        .isEqualTo("ACCEPTED");
            }
        }
        assertThat(answer.get("summary").get("ACCEPTED").asInt()).isEqualTo(950);
        assertThat(answer.get("summary").get("REJECTED").asInt()).isEqualTo(50);
        // the NUL is refused where JSON is read, and named there with its own code
        var nul = indexOf(items, "NUL in the name");
        assertThat(results.get(nul).get("errors").get(0).get("code").asText()).isEqualTo("clue.error.control");
        assertThat(response.body()).doesNotContainIgnoringCase("insert").doesNotContain("SQL");
        assertThat(stored(items)).isEqualTo(950);
    }

    private static List<String> fields(JsonNode result) {
        return result.get("errors").findValuesAsText("field");
    }

    private static int indexOf(List<PoisonedClues.Item> items, String poison) {
        for (int i = 0; i < items.size(); i++) {
            if (poison.equals(items.get(i).poison())) {
                return i;
            }
        }
        throw new IllegalArgumentException(poison);
    }

    @Test
    void an_xlsx_of_a_thousand_rows_with_fifty_poisoned_stores_exactly_the_nine_hundred_and_fifty_good()
            throws Exception {
        var items = batch("PX");
        var file = dir.resolve("poisoned.xlsx");
        writeXlsx(file, items);
        var officer = new Caller("center-import", "中心", Role.CITY_CENTER, Scope.city());

        var report = imports.run(file, SpreadsheetFormat.XLSX, new ImportProgress(), officer);

        assertThat(report.rows()).isEqualTo(PoisonedClues.SIZE);
        assertThat(report.accepted()).isEqualTo(950);
        assertThat(report.rejected()).isEqualTo(50);
        assertThat(stored(items)).isEqualTo(950);
        // each poisoned row refused on its own column, by its Excel row number (header = 1)
        Map<Integer, List<String>> byRow = report.errors().stream()
                .collect(Collectors.groupingBy(
                        ImportReport.RowError::row,
                        LinkedHashMap::new,
                        Collectors.mapping(ImportReport.RowError::field, Collectors.toList())));
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            if (item.poisoned()) {
                assertThat(byRow.get(i + 2)).as("%d: %s", i, item.poison()).containsExactly(item.field());
            } else {
                assertThat(byRow).as("%d", i).doesNotContainKey(i + 2);
            }
        }
    }

    /**
     * A control character as Excel stores it in the file ({@code _x0007_}): XML cannot hold it, and POI
     * would write a {@code ?} instead. Reading the sheet turns it back into the character.
     */
    private static String asExcelWritesIt(String value) {
        if (value == null) {
            return null;
        }
        var text = new StringBuilder();
        value.chars().forEach(ch -> {
            if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') {
                text.append("_x%04X_".formatted(ch));
            } else {
                text.append((char) ch);
            }
        });
        return text.toString();
    }

    /** The rows as a person's sheet: the template's headers (and 上游等级), every value a text cell. */
    private static void writeXlsx(Path file, List<PoisonedClues.Item> items) throws Exception {
        Map<ImportColumn, Function<ClueDraft, String>> columns = new LinkedHashMap<>();
        columns.put(ImportColumn.CLUE_ID, ClueDraft::clueId);
        columns.put(ImportColumn.SOURCE, ClueDraft::source);
        columns.put(ImportColumn.KIND, ClueDraft::kind);
        columns.put(ImportColumn.PUSHED_AT, ClueDraft::pushedAt);
        columns.put(ImportColumn.NAME, d -> d.person().name());
        columns.put(ImportColumn.ID_NUMBER, d -> d.person().idNumber());
        // Excel's own limit for a cell is 32,767 characters: the longest address a sheet can hold
        columns.put(ImportColumn.ADDRESS, d -> {
            var address = d.person().address();
            return address.length() > 32_767 ? address.substring(0, 32_767) : address;
        });
        columns.put(ImportColumn.SUSPECT_BANK, d -> d.suspect().account().bank());
        columns.put(ImportColumn.SUSPECT_ACCOUNT, d -> d.suspect().account().number());
        columns.put(ImportColumn.SUSPECT_HOLDER, d -> d.suspect().account().holder());
        columns.put(ImportColumn.SUSPECT_PHONE, d -> d.suspect().phone());
        columns.put(ImportColumn.APP, d -> d.suspect().app());
        columns.put(ImportColumn.AMOUNT, ClueDraft::amount);
        columns.put(ImportColumn.TRANSACTED_AT, ClueDraft::transactedAt);
        columns.put(ImportColumn.FRAUD_TYPE, ClueDraft::fraudTypeHint);
        columns.put(ImportColumn.UPSTREAM_LEVEL, ClueDraft::upstreamLevel);
        try (var workbook = new XSSFWorkbook();
                var out = Files.newOutputStream(file)) {
            var sheet = workbook.createSheet("线索");
            var header = sheet.createRow(0);
            int c = 0;
            for (var column : columns.keySet()) {
                header.createCell(c++).setCellValue(column.header());
            }
            for (int r = 0; r < items.size(); r++) {
                var row = sheet.createRow(r + 1);
                var draft = items.get(r).draft();
                c = 0;
                for (var value : columns.values()) {
                    row.createCell(c++).setCellValue(asExcelWritesIt(value.apply(draft)));
                }
            }
            workbook.write(out);
        }
    }
}
