package io.purseguard.casework.web;

import io.purseguard.casework.CaseDirectory;
import io.purseguard.casework.CaseLine;
import io.purseguard.casework.CaseScope;
import io.purseguard.identity.Caller;
import io.purseguard.warning.FraudType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The case list as Excel, with the list's filters: streamed with SXSSF (a window of rows in memory),
 * masked as the list is, page by page from the database.
 */
@Controller
class CaseExport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String[] HEADERS = {"案件编号", "状态", "诈骗类型", "损失金额（元）", "接报时间", "受理单位", "受害人", "年龄", "性别"};

    private final CaseDirectory directory;
    private final MessageSource messages;

    CaseExport(CaseDirectory directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/cases/export.xlsx")
    void export(Caller caller, CaseForms filter, HttpServletResponse response) throws IOException {
        if (!CaseScope.worksCases(caller)) {
            response.sendError(403);
            return;
        }
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"cases.xlsx\"");
        try (var workbook = new SXSSFWorkbook(200)) {
            var sheet = workbook.createSheet("案件");
            var header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(HEADERS[i]);
            }
            int[] row = {1};
            directory.forEach(filter.query(200), caller, line -> write(sheet.createRow(row[0]++), line));
            workbook.write(response.getOutputStream());
        }
    }

    private void write(org.apache.poi.ss.usermodel.Row row, CaseLine line) {
        row.createCell(0).setCellValue(line.caseNo());
        row.createCell(1).setCellValue(line.status().zh());
        row.createCell(2).setCellValue(typeName(line.fraudType()));
        if (line.lossAmount() != null) {
            row.createCell(3).setCellValue(line.lossAmount().doubleValue());
        }
        row.createCell(4).setCellValue(TIME.format(line.reportedAt().atZone(CaseForms.LOCAL)));
        row.createCell(5).setCellValue(line.unitCode());
        row.createCell(6).setCellValue(line.victimName());
        if (line.victimAge() != null) {
            row.createCell(7).setCellValue(line.victimAge());
        }
        row.createCell(8).setCellValue(line.victimGender() == null ? "" : "M".equals(line.victimGender()) ? "男" : "女");
    }

    private String typeName(FraudType type) {
        return messages.getMessage("case.type." + type, null, type.name(), java.util.Locale.SIMPLIFIED_CHINESE);
    }
}
