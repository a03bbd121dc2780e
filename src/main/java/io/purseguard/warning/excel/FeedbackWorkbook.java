package io.purseguard.warning.excel;

import io.purseguard.warning.WarningLevel;
import io.purseguard.warning.WarningStatus;
import io.purseguard.warning.Warnings;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 签收/处置反馈 as a workbook in the import's column language (线索编号 first, Chinese headers and
 * labels, times in Beijing time), written with SXSSF so only a window of rows is in memory.
 */
public final class FeedbackWorkbook {

    public static final String FILE_NAME = "签收反馈.xlsx";

    static final List<String> HEADERS = List.of("线索编号", "预警编号", "预警等级", "状态", "签收单位", "单位代码", "签收时间", "签收人", "更新时间");

    static final Map<WarningLevel, String> LEVELS = Map.of(
            WarningLevel.CRITICAL, "特危",
            WarningLevel.HIGH, "高危",
            WarningLevel.MEDIUM, "中危",
            WarningLevel.LOW, "低危");

    static final Map<WarningStatus, String> STATUSES = Map.of(
            WarningStatus.RECEIVED, "待签收",
            WarningStatus.SIGNED_FOR, "已签收",
            WarningStatus.RETURNED, "已退回",
            WarningStatus.TRANSFERRED, "已移交",
            WarningStatus.IN_PROGRESS, "劝阻中",
            WarningStatus.DISSUADED, "已劝阻",
            WarningStatus.DEFRAUDED, "已被骗",
            WarningStatus.UNREACHABLE, "联系不上",
            WarningStatus.ESCALATED, "已升级",
            WarningStatus.CLOSED, "已办结");

    private FeedbackWorkbook() {}

    public static void write(List<Warnings.Feedback> items, Map<String, String> unitNames, OutputStream out)
            throws IOException {
        try (var workbook = new SXSSFWorkbook(200)) {
            var styles = new ImportTemplate.Styles(workbook);
            var sheet = workbook.createSheet("签收反馈");
            var header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                var cell = header.createCell(i);
                cell.setCellValue(HEADERS.get(i));
                cell.setCellStyle(styles.header);
                sheet.setColumnWidth(i, (i == 1 ? 38 : i == 0 || i == 4 || i >= 6 ? 22 : 12) * 256);
            }
            int r = 1;
            for (var item : items) {
                var row = sheet.createRow(r++);
                text(row.createCell(0), item.clueId(), styles.text);
                text(row.createCell(1), item.warningId().toString(), styles.text);
                text(row.createCell(2), LEVELS.get(item.level()), styles.text);
                text(row.createCell(3), STATUSES.get(item.status()), styles.text);
                text(row.createCell(4), unitNames.getOrDefault(item.unitCode(), item.unitCode()), styles.text);
                text(row.createCell(5), item.unitCode(), styles.text);
                time(row.createCell(6), item.signedForAt(), styles.dateTime);
                text(row.createCell(7), item.signedForBy(), styles.text);
                time(row.createCell(8), item.updatedAt(), styles.dateTime);
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
        }
    }

    private static void text(Cell cell, String value, CellStyle style) {
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
    }

    private static void time(Cell cell, Instant value, CellStyle style) {
        if (value != null) {
            cell.setCellValue(LocalDateTime.ofInstant(value, CellText.LOCAL));
        }
        cell.setCellStyle(style);
    }
}
