package io.purseguard.warning.excel;

import io.purseguard.warning.ClueKind;
import io.purseguard.warning.ClueSource;
import io.purseguard.warning.FraudType;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The downloadable template: a 线索 sheet with the import's headers in order, one example row,
 * text-formatted number columns (so an ID number keeps its 18 digits and X) and drop-downs for 来源,
 * 类型 and 诈骗类型; and a 说明 sheet explaining each column and the values it takes.
 */
public final class ImportTemplate {

    public static final String FILE_NAME = "预警线索导入模板.xlsx";

    /** The data sheet's name. */
    static final String SHEET = "线索";

    /** The explanation sheet's name. */
    static final String NOTES = "说明";

    /**
     * The example row's clue id. A sheet filled in from the template may still carry the example:
     * the import skips a row with this id rather than take a fictional clue in.
     */
    public static final String EXAMPLE_CLUE_ID = "示例-导入时跳过";

    /** Columns whose cells are text even when they are all digits. */
    static final List<ImportColumn> TEXT_COLUMNS = List.of(
            ImportColumn.CLUE_ID,
            ImportColumn.ID_NUMBER,
            ImportColumn.PHONE,
            ImportColumn.PERSON_ACCOUNT,
            ImportColumn.SUSPECT_ACCOUNT,
            ImportColumn.SUSPECT_PHONE);

    private ImportTemplate() {}

    public static void write(OutputStream out) throws IOException {
        try (var workbook = new XSSFWorkbook()) {
            var styles = new Styles(workbook);
            sheet(workbook, styles);
            notes(workbook, styles);
            workbook.write(out);
        }
    }

    private static void sheet(XSSFWorkbook workbook, Styles styles) {
        var sheet = workbook.createSheet(SHEET);
        var header = sheet.createRow(0);
        for (var column : ImportColumn.TEMPLATE) {
            int i = column.ordinal();
            var cell = header.createCell(i);
            cell.setCellValue(column.header());
            cell.setCellStyle(ImportColumn.REQUIRED.contains(column) ? styles.requiredHeader : styles.header);
            sheet.setColumnWidth(i, width(column));
            if (TEXT_COLUMNS.contains(column)) {
                sheet.setDefaultColumnStyle(i, styles.text);
            } else if (column.holdsTime()) {
                sheet.setDefaultColumnStyle(i, styles.dateTime);
            }
        }
        var example = sheet.createRow(1);
        var pushed = LocalDateTime.of(2026, 11, 22, 9, 30);
        Map<ImportColumn, Object> values = Map.ofEntries(
                Map.entry(ImportColumn.CLUE_ID, EXAMPLE_CLUE_ID),
                Map.entry(ImportColumn.SOURCE, ClueVocabulary.label(ClueVocabulary.SOURCES, ClueSource.NATIONAL)),
                Map.entry(ImportColumn.KIND, ClueVocabulary.label(ClueVocabulary.KINDS, ClueKind.FUND)),
                Map.entry(ImportColumn.PUSHED_AT, pushed),
                Map.entry(ImportColumn.NAME, "张三"),
                Map.entry(ImportColumn.ID_NUMBER, "329901195803120024"),
                Map.entry(ImportColumn.PHONE, "13800000000"),
                Map.entry(ImportColumn.ADDRESS, "澄川市青石街道杏花社区 3 幢 201 室"),
                Map.entry(ImportColumn.PERSON_BANK, "中国工商银行"),
                Map.entry(ImportColumn.PERSON_ACCOUNT, "6222020200112233446"),
                Map.entry(ImportColumn.SUSPECT_BANK, "某商业银行"),
                Map.entry(ImportColumn.SUSPECT_ACCOUNT, "6222020200112233446"),
                Map.entry(ImportColumn.SUSPECT_HOLDER, "李四"),
                Map.entry(ImportColumn.SUSPECT_PHONE, "+85251234567"),
                Map.entry(ImportColumn.APP, "某某理财"),
                Map.entry(ImportColumn.AMOUNT, 50000.00),
                Map.entry(ImportColumn.TRANSACTED_AT, pushed.minusHours(1)),
                Map.entry(
                        ImportColumn.FRAUD_TYPE,
                        ClueVocabulary.label(ClueVocabulary.FRAUD_TYPES, FraudType.FAKE_INVESTMENT)));
        for (var column : ImportColumn.TEMPLATE) {
            var cell = example.createCell(column.ordinal());
            var value = values.get(column);
            if (value instanceof LocalDateTime time) {
                cell.setCellValue(time);
                cell.setCellStyle(styles.dateTime);
            } else if (value instanceof Double amount) {
                cell.setCellValue(amount);
                cell.setCellStyle(styles.amount);
            } else {
                cell.setCellValue(value == null ? "" : value.toString());
                cell.setCellStyle(styles.text);
            }
        }
        sheet.createFreezePane(0, 1);
        choices(sheet, ImportColumn.SOURCE, labels(ClueVocabulary.SOURCES));
        choices(sheet, ImportColumn.KIND, labels(ClueVocabulary.KINDS));
        choices(sheet, ImportColumn.FRAUD_TYPE, labels(ClueVocabulary.FRAUD_TYPES));
    }

    /** A drop-down of the labels; other values (the codes) are still allowed, so no error box. */
    private static void choices(Sheet sheet, ImportColumn column, List<String> labels) {
        var helper = sheet.getDataValidationHelper();
        var constraint = helper.createExplicitListConstraint(labels.toArray(String[]::new));
        var validation = helper.createValidation(
                constraint, new CellRangeAddressList(1, 100_000, column.ordinal(), column.ordinal()));
        validation.setShowErrorBox(false);
        validation.setSuppressDropDownArrow(true);
        sheet.addValidationData(validation);
    }

    private static void notes(XSSFWorkbook workbook, Styles styles) {
        var sheet = workbook.createSheet(NOTES);
        String[] headers = {"列名", "必填", "说明", "可填写的值"};
        var header = sheet.createRow(0);
        for (int i = 0; i < headers.length; i++) {
            var cell = header.createCell(i);
            cell.setCellValue(headers[i]);
            cell.setCellStyle(styles.header);
        }
        int r = 1;
        for (var column : ImportColumn.values()) {
            var row = sheet.createRow(r++);
            row.createCell(0).setCellValue(column.header());
            row.createCell(1)
                    .setCellValue(
                            ImportColumn.REQUIRED.contains(column)
                                    ? "是"
                                    : column == ImportColumn.ID_NUMBER || column == ImportColumn.PHONE
                                            ? "二选一"
                                            : column == ImportColumn.AMOUNT || column == ImportColumn.TRANSACTED_AT
                                                    ? "资金预警必填"
                                                    : "否");
            row.createCell(2).setCellValue(column.note());
            row.createCell(3).setCellValue(allowed(column));
            for (int i = 0; i < 4; i++) {
                row.getCell(i).setCellStyle(styles.wrapped);
            }
        }
        r++;
        for (var line : List.of(
                "线索页第 2 行是填写示例，线索编号为“" + EXAMPLE_CLUE_ID + "”的行导入时自动跳过，可以删除或直接覆盖。",
                "表头按名称识别，列的顺序可以调整；不认识的列会被忽略。第一张工作表为导入数据，本说明页不会导入。",
                "时间可以用 Excel 日期单元格，也可以写文字：2026-11-22 09:30:00（按北京时间），或带时区的 ISO-8601（2026-11-22T09:30:00+08:00）。",
                "身份证号、手机号、账号请按文本填写（本模板已将这些列设为文本格式）；以数字格式保存的 18 位身份证号会丢失末几位，无法通过校验。",
                "来源、类型、诈骗类型可以填写中文，也可以填写括号中的代码。",
                "也可上传 UTF-8 编码的 CSV 文件（Excel 另存为“CSV UTF-8”），表头相同。",
                "有错误的行会被退回并在结果中列出行号、列和原因，其余正确的行照常导入；同一线索编号重复导入不会重复生成预警。")) {
            var cell = sheet.createRow(r++).createCell(0);
            cell.setCellValue(line);
        }
        sheet.setColumnWidth(0, 14 * 256);
        sheet.setColumnWidth(1, 14 * 256);
        sheet.setColumnWidth(2, 60 * 256);
        sheet.setColumnWidth(3, 70 * 256);
        sheet.createFreezePane(0, 1);
    }

    static String allowed(ImportColumn column) {
        return switch (column) {
            case SOURCE -> describe(ClueVocabulary.SOURCES);
            case KIND -> describe(ClueVocabulary.KINDS);
            case FRAUD_TYPE -> describe(ClueVocabulary.FRAUD_TYPES);
            case PUSHED_AT, TRANSACTED_AT -> "日期单元格，或 2026-11-22 09:30:00，或 2026-11-22T09:30:00+08:00";
            case AMOUNT -> "数字，如 50000 或 1280.50";
            default -> "";
        };
    }

    private static <E extends Enum<E>> String describe(Map<E, List<String>> vocabulary) {
        return vocabulary.entrySet().stream()
                .map(e -> e.getValue().get(0) + "（" + e.getKey().name() + "）")
                .collect(Collectors.joining("、"));
    }

    private static <E extends Enum<E>> List<String> labels(Map<E, List<String>> vocabulary) {
        return vocabulary.values().stream().map(l -> l.get(0)).toList();
    }

    private static int width(ImportColumn column) {
        return switch (column) {
            case ID_NUMBER, PERSON_ACCOUNT, SUSPECT_ACCOUNT, PUSHED_AT, TRANSACTED_AT, CLUE_ID -> 22 * 256;
            case ADDRESS, URL -> 30 * 256;
            case FRAUD_TYPE -> 16 * 256;
            default -> 12 * 256;
        };
    }

    /** The few cell styles the template and reports share. */
    static final class Styles {
        final CellStyle header;
        final CellStyle requiredHeader;
        final CellStyle text;
        final CellStyle dateTime;
        final CellStyle amount;
        final CellStyle wrapped;
        final CellStyle flagged;

        Styles(Workbook workbook) {
            var format = workbook.createDataFormat();
            var bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setDataFormat(format.getFormat("@"));
            requiredHeader = workbook.createCellStyle();
            requiredHeader.cloneStyleFrom(header);
            var red = workbook.createFont();
            red.setBold(true);
            red.setColor(IndexedColors.DARK_RED.getIndex());
            requiredHeader.setFont(red);
            text = workbook.createCellStyle();
            text.setDataFormat(format.getFormat("@"));
            dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(format.getFormat("yyyy-mm-dd hh:mm:ss"));
            amount = workbook.createCellStyle();
            amount.setDataFormat(format.getFormat("0.00"));
            wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            flagged = workbook.createCellStyle();
            flagged.setDataFormat(format.getFormat("@"));
            flagged.setFillForegroundColor(IndexedColors.ROSE.getIndex());
            flagged.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
    }
}
