package io.purseguard.warning.web;

import io.purseguard.identity.Caller;
import io.purseguard.warning.excel.ClueImport;
import io.purseguard.warning.excel.ImportProgress;
import io.purseguard.warning.excel.ImportReport;
import io.purseguard.warning.excel.ImportTemplate;
import io.purseguard.warning.excel.SpreadsheetFormat;
import io.purseguard.warning.excel.UnreadableSpreadsheet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The Excel/CSV door for machines: a whole file in one request, answered with the report. */
@RestController
@RequestMapping("/api/v1/warnings/import")
@Tag(name = "Warnings 预警线索")
class WarningImportApi {

    private final ClueImport imports;

    WarningImportApi(ClueImport imports) {
        this.imports = imports;
    }

    /**
     * The report. {@code errors} lists every reason a row was refused: the row as Excel numbers it
     * (header = 1), the Chinese column, the contract field, the message (English, as the REST door's)
     * and its {@code code} in the message bundles ({@code clue.error.…}).
     */
    record Result(
            long rows,
            long accepted,
            long duplicate,
            long rejected,
            List<ImportReport.RowError> errors,
            Long rejectedRowsOmitted,
            List<String> ignoredColumns) {

        static Result of(ImportReport report) {
            return new Result(
                    report.rows(),
                    report.accepted(),
                    report.duplicate(),
                    report.rejected(),
                    report.errors(),
                    report.rejectedRowsOmitted() == 0 ? null : report.rejectedRowsOmitted(),
                    report.ignoredHeaders().isEmpty() ? null : report.ignoredHeaders());
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import clues from an .xlsx or UTF-8 .csv with the template's Chinese headers (multipart field"
                    + " `file`), synchronously. Good rows are taken in; each refused row is reported by row and"
                    + " column. 400 with field `file` when the file is no spreadsheet or lacks a required column.")
    Result importFile(Caller caller, @RequestParam(value = "file", required = false) MultipartFile file)
            throws IOException, UnreadableSpreadsheet {
        if (file == null || file.isEmpty()) {
            throw new UnreadableSpreadsheet(UnreadableSpreadsheet.Problem.NOT_A_SPREADSHEET);
        }
        var upload = Files.createTempFile("clue-import-", ".upload");
        try {
            file.transferTo(upload);
            var format = SpreadsheetFormat.detect(upload, file.getOriginalFilename(), file.getContentType());
            return Result.of(imports.run(upload, format, new ImportProgress(), caller));
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    @GetMapping("/template.xlsx")
    @Operation(summary = "The import template: the headers in order, an example row, and a 说明 sheet")
    void template(HttpServletResponse response) throws IOException {
        WarningImportDownloads.xlsx(response, ImportTemplate.FILE_NAME, ImportTemplate::write);
    }

    @ExceptionHandler(UnreadableSpreadsheet.class)
    ProblemDetail unreadable(UnreadableSpreadsheet e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "file " + e.getMessage());
        problem.setTitle("Invalid request");
        problem.setType(URI.create("about:blank"));
        problem.setProperty("errors", List.of(Map.of("field", "file", "message", e.getMessage())));
        return problem;
    }
}
