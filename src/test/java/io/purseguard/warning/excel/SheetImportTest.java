package io.purseguard.warning.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.purseguard.warning.ClueDraft;
import io.purseguard.warning.ClueValidation;
import io.purseguard.warning.IntakeDoor;
import io.purseguard.warning.IntakeResult;
import io.purseguard.warning.WarningIntake;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The Excel/CSV door without the database: real sheets built with POI, read by the streaming reader,
 * checked by the real {@link ClueValidation}; the intake behind it is a stand-in that takes every
 * valid clue once.
 */
class SheetImportTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    static final List<String> HEADERS =
            List.of("姓名", "线索编号", "来源", "类型", "推送时间", "身份证号", "手机号", "金额", "交易时间", "诈骗类型", "备注");

    static final LocalDateTime PUSHED = LocalDateTime.of(2026, 11, 22, 9, 30);
    static final LocalDateTime PAID = LocalDateTime.of(2026, 11, 22, 8, 15, 30);

    /** Five good rows, a blank line, three bad ones (rows 4, 8 and 10 as Excel shows them). */
    static final List<List<Object>> ROWS = Arrays.asList(
            row("张一", "X-1", "国家", "资金", PUSHED, "329901195803120024", null, 50000, PAID, "虚假投资理财", "a"),
            row("张二", "X-2", "PROVINCIAL", "电话", "2026-11-22 09:30:00", null, 13812345678L, null, null, null, null),
            row("张三", "X-3", "省", "资金", PUSHED, "329901195803120025", null, 800, PAID, null, null),
            row(
                    "张四",
                    "X-4",
                    "银行",
                    "短信",
                    "2026-11-22T09:30:00+08:00",
                    "11010519491231002X",
                    null,
                    null,
                    null,
                    "刷单返利",
                    null),
            null,
            row(
                    "张五",
                    "X-5",
                    "96110",
                    "fund",
                    "2026/11/21 8:05",
                    "329901195803120024",
                    null,
                    "1,280.50",
                    "2026年11月21日 07:00",
                    "OTHER",
                    null),
            row("张六", "X-6", "运营商", "资金", PUSHED, null, "13812345678", 12.345, PAID, null, null),
            row("张七", "X-7", "本地", "网址", PUSHED, null, "13812345678", null, null, null, null),
            row("张八", null, "国家", "资金", PUSHED, "329901195803120024", null, 100, PAID, null, null));

    @TempDir
    Path dir;

    final List<ClueDraft> taken = new ArrayList<>();
    final List<Integer> batches = new ArrayList<>();
    ClueImport imports;

    @BeforeEach
    void intake() throws ReflectiveOperationException {
        // the real validation, whose constructor its package keeps to itself
        var constructor = ClueValidation.class.getDeclaredConstructor(Clock.class);
        constructor.setAccessible(true);
        var validation = constructor.newInstance(CLOCK);
        Set<String> seen = new HashSet<>();
        var intake = mock(WarningIntake.class);
        when(intake.take(anyList(), eq(IntakeDoor.EXCEL), any())).thenAnswer(call -> {
            List<ClueDraft> drafts = call.getArgument(0);
            batches.add(drafts.size());
            taken.addAll(drafts);
            return drafts.stream()
                    .map(d -> {
                        var checked = validation.validate(d);
                        if (!checked.valid()) {
                            return new IntakeResult(d.clueId(), IntakeResult.Status.REJECTED, null, checked.errors());
                        }
                        return seen.add(d.clueId())
                                ? new IntakeResult(
                                        d.clueId(), IntakeResult.Status.ACCEPTED, UUID.randomUUID(), List.of())
                                : new IntakeResult(
                                        d.clueId(), IntakeResult.Status.DUPLICATE, UUID.randomUUID(), List.of());
                    })
                    .toList();
        });
        imports = new ClueImport(intake);
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private ImportReport run(byte[] content, String name) throws Exception {
        var file = Files.write(dir.resolve(name), content);
        return imports.run(file, SpreadsheetFormat.detect(file, name, null), new ImportProgress());
    }

    @Test
    void five_good_rows_are_taken_in_and_three_bad_ones_are_reported_by_row_and_chinese_column() throws Exception {
        var report = run(Sheets.xlsx(HEADERS, ROWS), "clues.xlsx");

        assertThat(report.rows()).isEqualTo(8);
        assertThat(report.accepted()).isEqualTo(5);
        assertThat(report.duplicate()).isZero();
        assertThat(report.rejected()).isEqualTo(3);
        assertThat(report.errors())
                .extracting(ImportReport.RowError::row, ImportReport.RowError::column, ImportReport.RowError::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4, "身份证号", "person.idNumber"),
                        org.assertj.core.groups.Tuple.tuple(8, "金额", "amount"),
                        org.assertj.core.groups.Tuple.tuple(10, "线索编号", "clueId"));
        assertThat(report.errors()).allSatisfy(e -> assertThat(e.message()).isNotBlank());
        assertThat(report.ignoredHeaders()).containsExactly("备注");
        assertThat(report.rejectedRows().get(0).values())
                .containsEntry(ImportColumn.ID_NUMBER, "329901195803120025")
                .containsEntry(ImportColumn.NAME, "张三");
    }

    @Test
    void date_cells_and_typed_dates_become_iso_times_in_beijing() throws Exception {
        run(Sheets.xlsx(HEADERS, ROWS), "clues.xlsx");

        assertThat(draft("X-1").pushedAt()).isEqualTo("2026-11-22T09:30:00+08:00");
        assertThat(draft("X-1").transactedAt()).isEqualTo("2026-11-22T08:15:30+08:00");
        assertThat(draft("X-2").pushedAt()).isEqualTo("2026-11-22T09:30:00+08:00");
        assertThat(draft("X-4").pushedAt()).isEqualTo("2026-11-22T09:30:00+08:00");
        assertThat(draft("X-5").pushedAt()).isEqualTo("2026-11-21T08:05:00+08:00");
        assertThat(draft("X-5").transactedAt()).isEqualTo("2026-11-21T07:00:00+08:00");
    }

    @Test
    void numbers_keep_their_digits_and_chinese_labels_become_codes() throws Exception {
        run(Sheets.xlsx(HEADERS, ROWS), "clues.xlsx");

        assertThat(draft("X-1").person().idNumber()).isEqualTo("329901195803120024");
        assertThat(draft("X-1").amount()).isEqualTo("50000");
        assertThat(draft("X-1").source()).isEqualTo("NATIONAL");
        assertThat(draft("X-1").kind()).isEqualTo("FUND");
        assertThat(draft("X-1").fraudTypeHint()).isEqualTo("FAKE_INVESTMENT");
        // a phone typed as a number, not 1.3812345678E10
        assertThat(draft("X-2").person().phone()).isEqualTo("13812345678");
        assertThat(draft("X-2").kind()).isEqualTo("CALL");
        assertThat(draft("X-4").person().idNumber()).isEqualTo("11010519491231002X");
        assertThat(draft("X-4").source()).isEqualTo("BANK");
        assertThat(draft("X-4").fraudTypeHint()).isEqualTo("REBATE_ORDERS");
        assertThat(draft("X-5").amount()).isEqualTo("1280.50");
        assertThat(draft("X-5").source()).isEqualTo("HOTLINE_96110");
        assertThat(draft("X-6").amount()).isEqualTo("12.345");
    }

    @Test
    void an_id_number_stored_as_a_number_is_passed_on_in_digits_and_refused_by_its_checksum() throws Exception {
        var report = run(
                Sheets.xlsx(
                        HEADERS,
                        List.of(row(
                                "张九", "N-1", "国家", "电话", PUSHED, 110105194912310021.0, null, null, null, null, null))),
                "numbers.xlsx");

        assertThat(draft("N-1").person().idNumber()).isEqualTo("110105194912310000");
        assertThat(report.errors()).extracting(ImportReport.RowError::column).containsExactly("身份证号");
    }

    @Test
    void a_time_that_is_no_time_is_reported_in_the_sheets_terms() throws Exception {
        var report = run(
                Sheets.xlsx(
                        HEADERS,
                        List.of(row(
                                "张九", "T-1", "国家", "电话", "昨天上午", "329901195803120024", null, null, null, null, null))),
                "times.xlsx");

        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.column()).isEqualTo("推送时间");
            assertThat(e.message()).contains("昨天上午", "2026-11-22 09:30:00");
            assertThat(e.code()).isEqualTo("clue.error.sheetTime");
            assertThat(e.in(bundles(), Locale.SIMPLIFIED_CHINESE).message())
                    .isEqualTo("无法识别的日期时间：昨天上午（请写成 2026-11-22 09:30:00，或使用日期格式的单元格）");
        });
    }

    @Test
    void rows_go_to_the_intake_a_thousand_at_a_time_and_a_repeated_clue_id_is_a_duplicate() throws Exception {
        var rows = new ArrayList<List<Object>>();
        for (int i = 0; i < 2_500; i++) {
            rows.add(row(
                    "张" + i,
                    "B-" + (i % 2_400),
                    "国家",
                    "电话",
                    PUSHED,
                    "329901195803120024",
                    null,
                    null,
                    null,
                    null,
                    null));
        }
        var progress = new ImportProgress();
        var file = Files.write(dir.resolve("big.xlsx"), Sheets.xlsx(HEADERS, rows));

        var report = imports.run(file, SpreadsheetFormat.XLSX, progress);

        assertThat(batches).containsExactly(1000, 1000, 500);
        assertThat(report.accepted()).isEqualTo(2_400);
        assertThat(report.duplicate()).isEqualTo(100);
        assertThat(progress.rows()).isEqualTo(2_500);
        assertThat(progress.expected()).isEqualTo(2_500);
        assertThat(progress.accepted()).isEqualTo(2_400);
    }

    @Test
    void a_csv_file_with_a_byte_order_mark_reads_like_the_workbook() throws Exception {
        var bytes = ("\uFEFF" + Sheets.csv(HEADERS, ROWS)).getBytes(StandardCharsets.UTF_8);

        var report = run(bytes, "clues.csv");

        assertThat(report.accepted()).isEqualTo(5);
        assertThat(report.errors())
                .extracting(ImportReport.RowError::row, ImportReport.RowError::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4, "身份证号"),
                        org.assertj.core.groups.Tuple.tuple(8, "金额"),
                        org.assertj.core.groups.Tuple.tuple(10, "线索编号"));
        assertThat(draft("X-5").amount()).isEqualTo("1280.50");
    }

    @Test
    void a_csv_cell_may_hold_quotes_commas_and_line_breaks() throws Exception {
        var csv = "线索编号,来源,类型,推送时间,姓名,手机号,住址\n"
                + "Q-1,国家,电话,2026-11-22 09:30:00,\"王\"\"小\"\"二\",13812345678,\"澄川市, 杏花社区\n3 幢\"\n"
                + "Q-2,国家,电话,2026-11-22 09:30:00,李四,13812345678,\n";

        var report = run(csv.getBytes(StandardCharsets.UTF_8), "quoted.csv");

        assertThat(draft("Q-1").person().name()).isEqualTo("王\"小\"二");
        assertThat(draft("Q-1").person().address()).isEqualTo("澄川市, 杏花社区\n3 幢");
        // read whole, then refused as every door refuses it: an address is one line
        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.errors())
                .extracting(ImportReport.RowError::row, ImportReport.RowError::column, ImportReport.RowError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "住址", "clue.error.lineBreaks"));
    }

    @Test
    void a_title_above_the_header_is_passed_over_and_rows_keep_their_excel_numbers() throws Exception {
        var csv = "澄川市反诈中心预警线索汇总表,,\n统计时间：2026年11月,,\n,,\n" + Sheets.csv(HEADERS, ROWS);

        var report = run(csv.getBytes(StandardCharsets.UTF_8), "titled.csv");

        assertThat(report.accepted()).isEqualTo(5);
        assertThat(report.errors()).extracting(ImportReport.RowError::row).containsExactly(7, 11, 13);
    }

    @Test
    void a_csv_file_not_in_utf8_is_refused_with_advice() throws Exception {
        var bytes = Sheets.csv(HEADERS, ROWS).getBytes(Charset.forName("GBK"));

        assertThatThrownBy(() -> run(bytes, "gbk.csv"))
                .isInstanceOfSatisfying(UnreadableSpreadsheet.class, e -> assertThat(e.problem())
                        .isEqualTo(UnreadableSpreadsheet.Problem.NOT_UTF8));
    }

    @Test
    void a_sheet_without_a_required_column_is_refused_naming_it() throws Exception {
        var headers = HEADERS.stream().filter(h -> !h.equals("线索编号")).toList();
        var rows = List.of(row("张一", "国家", "电话", PUSHED, "329901195803120024", null, null, null, null, null));

        assertThatThrownBy(() -> run(Sheets.xlsx(headers, rows), "missing.xlsx"))
                .isInstanceOfSatisfying(UnreadableSpreadsheet.class, e -> {
                    assertThat(e.problem()).isEqualTo(UnreadableSpreadsheet.Problem.MISSING_COLUMNS);
                    assertThat(e.arguments()).containsExactly("线索编号");
                    assertThat(e.getMessage()).contains("线索编号");
                });
        assertThat(taken).isEmpty();
    }

    @Test
    void files_that_are_not_spreadsheets_are_refused_by_their_content_not_their_name() throws Exception {
        var png = new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
        var pdf = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);

        for (var file : List.of(
                Files.write(dir.resolve("photo.xlsx"), png),
                Files.write(dir.resolve("scan.csv"), pdf),
                Files.write(dir.resolve("notes.txt"), "线索编号\nA-1\n".getBytes(StandardCharsets.UTF_8)),
                Files.write(dir.resolve("empty.xlsx"), new byte[0]))) {
            assertThatThrownBy(() ->
                            SpreadsheetFormat.detect(file, file.getFileName().toString(), null))
                    .as(file.getFileName().toString())
                    .isInstanceOfSatisfying(UnreadableSpreadsheet.class, e -> assertThat(e.problem())
                            .isEqualTo(UnreadableSpreadsheet.Problem.NOT_A_SPREADSHEET));
        }
        var zip = Files.write(dir.resolve("archive.xlsx"), zipWith("hello.txt"));
        assertThat(SpreadsheetFormat.detect(zip, "archive.xlsx", null)).isEqualTo(SpreadsheetFormat.XLSX);
        assertThatThrownBy(() -> imports.run(zip, SpreadsheetFormat.XLSX, new ImportProgress()))
                .isInstanceOfSatisfying(UnreadableSpreadsheet.class, e -> assertThat(e.problem())
                        .isEqualTo(UnreadableSpreadsheet.Problem.DAMAGED));
    }

    @Test
    void the_template_has_the_headers_in_order_an_explanation_sheet_and_an_example_the_import_skips() throws Exception {
        var out = new ByteArrayOutputStream();
        ImportTemplate.write(out);

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var formatter = new DataFormatter();
            var header = workbook.getSheetAt(0).getRow(0);
            var headers = new ArrayList<String>();
            header.forEach(c -> headers.add(formatter.formatCellValue(c)));
            assertThat(headers)
                    .containsExactly(
                            "线索编号", "来源", "类型", "推送时间", "姓名", "身份证号", "手机号", "住址", "本人开户行", "本人账号", "对方开户行", "对方账号",
                            "对方户名", "对方号码", "网址", "APP", "金额", "交易时间", "诈骗类型");
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(1);
            assertThat(workbook.getSheetName(1)).isEqualTo("说明");
            var notes = new StringBuilder();
            workbook.getSheetAt(1)
                    .forEach(row -> row.forEach(
                            c -> notes.append(formatter.formatCellValue(c)).append('\t')));
            assertThat(notes)
                    .contains("资金（FUND）", "96110（HOTLINE_96110）", "刷单返利（REBATE_ORDERS）", "取现（CASH_WITHDRAWAL）");
        }
        // the example row as it is: read, converted and valid, but never taken in
        assertThatThrownBy(() -> run(out.toByteArray(), "template.xlsx"))
                .isInstanceOfSatisfying(UnreadableSpreadsheet.class, e -> assertThat(e.problem())
                        .isEqualTo(UnreadableSpreadsheet.Problem.NO_ROWS));
    }

    @Test
    void the_error_workbook_has_a_line_per_refused_row_and_can_be_imported_again() throws Exception {
        var report = run(Sheets.xlsx(HEADERS, ROWS), "clues.xlsx");
        var out = new ByteArrayOutputStream();
        ErrorWorkbook.write(report, bundles(), Locale.SIMPLIFIED_CHINESE, out);

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            var formatter = new DataFormatter();
            assertThat(formatter.formatCellValue(sheet.getRow(0).getCell(0))).isEqualTo("行号");
            assertThat(formatter.formatCellValue(sheet.getRow(0).getCell(1))).isEqualTo("列");
            assertThat(formatter.formatCellValue(sheet.getRow(0).getCell(2))).isEqualTo("原因");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(formatter.formatCellValue(sheet.getRow(1).getCell(0))).isEqualTo("4");
            assertThat(formatter.formatCellValue(sheet.getRow(1).getCell(1))).isEqualTo("身份证号");
            assertThat(formatter.formatCellValue(sheet.getRow(1).getCell(2))).isEqualTo("身份证号：校验位不正确（GB 11643）");
            assertThat(formatter.formatCellValue(sheet.getRow(3).getCell(1))).isEqualTo("线索编号");
        }
        taken.clear();
        var again = run(out.toByteArray(), "errors.xlsx");
        assertThat(again.rows()).isEqualTo(3);
        assertThat(again.rejected()).isEqualTo(3);
        assertThat(again.ignoredHeaders()).containsExactly("行号", "列", "原因");
        assertThat(again.errors()).extracting(ImportReport.RowError::row).containsExactly(2, 3, 4);
    }

    @Test
    void cell_text_reads_numbers_and_times_as_people_write_them() {
        assertThat(CellText.number(1.1010519491231E17)).isEqualTo("110105194912310000");
        assertThat(CellText.number(13812345678.0)).isEqualTo("13812345678");
        assertThat(CellText.number(1234.5599999999999)).isEqualTo("1234.56");
        assertThat(CellText.number(0.0)).isEqualTo("0");
        assertThat(CellText.plain("6.222020200112233E18")).isEqualTo("6222020200112230000");
        assertThat(CellText.amount("¥1,000.50元")).isEqualTo("1000.50");
        assertThat(CellText.isoTime("2026-11-22 09:30:00")).contains("2026-11-22T09:30:00+08:00");
        assertThat(CellText.isoTime("2026-11-22 9:30")).contains("2026-11-22T09:30:00+08:00");
        assertThat(CellText.isoTime("2026.11.22 09:30:00.5")).contains("2026-11-22T09:30:00.5+08:00");
        assertThat(CellText.isoTime("2026-11-22")).contains("2026-11-22T00:00:00+08:00");
        assertThat(CellText.isoTime("2026-11-22T01:30:00Z")).contains("2026-11-22T01:30:00Z");
        assertThat(CellText.isoTime("2026-02-30 09:30")).isEmpty();
        assertThat(CellText.isoTime("昨天")).isEmpty();
    }

    @Test
    void every_file_problem_has_words_in_both_bundles() throws IOException {
        for (var bundle : List.of("messages.properties", "messages_en.properties")) {
            var properties = new java.util.Properties();
            try (var reader =
                    Files.newBufferedReader(Path.of("src/main/resources/i18n", bundle), StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            for (var problem : UnreadableSpreadsheet.Problem.values()) {
                assertThat(properties.getProperty(problem.messageKey()))
                        .as(problem.messageKey() + " in " + bundle)
                        .isNotBlank();
            }
        }
    }

    /** The bundles as the application reads them (spring.messages.*). */
    private static ResourceBundleMessageSource bundles() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private ClueDraft draft(String clueId) {
        return taken.stream()
                .filter(d -> clueId.equals(d.clueId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no draft " + clueId));
    }

    private static byte[] zipWith(String name) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(name));
            zip.write("hello".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
