package io.purseguard.warning.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;

/**
 * The error report of an import as a workbook: one line per refused row with 行号, 列 and 原因,
 * followed by the row's own cells under the import's headers (the faulty ones shaded). Fix the
 * cells and the file can be imported again as it is: the import ignores the three report columns.
 */
public final class ErrorWorkbook {

    public static final String FILE_NAME = "导入错误报告.xlsx";

    static final String ROW = "行号";
    static final String COLUMN = "列";
    static final String REASON = "原因";

    private ErrorWorkbook() {}

    /** The error report with the reasons as the API words them (English). */
    public static void write(ImportReport report, OutputStream out) throws IOException {
        write(report, ImportReport.RowError::message, "：", "；", out);
    }

    /**
     * The error report with the reasons in {@code locale} (the language of the person downloading it),
     * from the message bundles. The headers stay the sheet's own Chinese ones.
     */
    public static void write(ImportReport report, MessageSource messages, Locale locale, OutputStream out)
            throws IOException {
        boolean chinese = "zh".equals(locale.getLanguage());
        write(
                report,
                e -> messages.getMessage(e.resolvable(), locale),
                chinese ? "：" : ": ",
                chinese ? "；" : "; ",
                out);
    }

    private static void write(
            ImportReport report,
            Function<ImportReport.RowError, String> reason,
            String afterColumn,
            String betweenReasons,
            OutputStream out)
            throws IOException {
        try (var workbook = new SXSSFWorkbook(200)) {
            var styles = new ImportTemplate.Styles(workbook);
            var sheet = workbook.createSheet("错误");
            var columns = report.columns();
            var header = sheet.createRow(0);
            String[] fixed = {ROW, COLUMN, REASON};
            for (int i = 0; i < fixed.length; i++) {
                var cell = header.createCell(i);
                cell.setCellValue(fixed[i]);
                cell.setCellStyle(styles.header);
            }
            for (int i = 0; i < columns.size(); i++) {
                var cell = header.createCell(fixed.length + i);
                cell.setCellValue(columns.get(i).header());
                cell.setCellStyle(styles.header);
                sheet.setColumnWidth(fixed.length + i, 18 * 256);
            }
            sheet.setColumnWidth(0, 8 * 256);
            sheet.setColumnWidth(1, 16 * 256);
            sheet.setColumnWidth(2, 60 * 256);
            int r = 1;
            for (var rejected : report.rejectedRows()) {
                var row = sheet.createRow(r++);
                row.createCell(0).setCellValue(rejected.row());
                row.createCell(1)
                        .setCellValue(rejected.errors().stream()
                                .map(ImportReport.RowError::column)
                                .distinct()
                                .collect(Collectors.joining("、")));
                row.createCell(2)
                        .setCellValue(rejected.errors().stream()
                                .map(e -> e.column() + afterColumn + reason.apply(e))
                                .collect(Collectors.joining(betweenReasons)));
                for (int i = 0; i < columns.size(); i++) {
                    var column = columns.get(i);
                    var cell = row.createCell(fixed.length + i);
                    var value = rejected.values().get(column);
                    if (value != null) {
                        cell.setCellValue(value);
                    }
                    cell.setCellStyle(rejected.failed(column) ? styles.flagged : styles.text);
                }
            }
            if (report.rejectedRowsOmitted() > 0) {
                sheet.createRow(r + 1)
                        .createCell(2)
                        .setCellValue("另有 " + report.rejectedRowsOmitted() + " 行被退回，未逐行列出（只列出前 "
                                + ClueImport.MAX_REJECTED_ROWS + " 行）。");
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
        }
    }
}
