package io.purseguard.warning.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds small .xlsx files for the tests, cell by cell, as a person in Excel would: strings, numbers
 * and date cells. A value is a {@link LocalDateTime} (a date cell), a {@link Number} (a number cell),
 * a {@link String} or null (an empty cell).
 */
final class Sheets {

    private Sheets() {}

    static byte[] xlsx(List<String> headers, List<List<Object>> rows) {
        try (var workbook = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("线索");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            var header = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                var values = rows.get(r);
                if (values == null) {
                    continue; // a blank line in the sheet
                }
                var row = sheet.createRow(r + 1);
                for (int i = 0; i < values.size(); i++) {
                    var value = values.get(i);
                    if (value == null) {
                        continue;
                    }
                    var cell = row.createCell(i);
                    if (value instanceof LocalDateTime time) {
                        cell.setCellValue(time);
                        cell.setCellStyle(date);
                    } else if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same rows as CSV text, dates written as {@code 2026-11-22 09:30:00}. */
    static String csv(List<String> headers, List<List<Object>> rows) {
        var text = new StringBuilder(String.join(",", headers)).append("\r\n");
        for (var values : rows) {
            if (values != null) {
                text.append(String.join(
                        ",",
                        values.stream()
                                .map(v -> v == null
                                        ? ""
                                        : v instanceof LocalDateTime t
                                                ? t.toString().replace('T', ' ')
                                                : quote(v.toString()))
                                .toList()));
            }
            text.append("\r\n");
        }
        return text.toString();
    }

    private static String quote(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\""
                : value;
    }
}
