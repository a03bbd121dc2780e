package io.purseguard.casework.web;

import io.purseguard.casework.CaseImport;
import io.purseguard.casework.CaseRefused;
import io.purseguard.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.file.Files;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The provincial case system's Excel export, in one request, answered with the report. */
@RestController
@RequestMapping("/api/v1/cases/import")
@PreAuthorize(CaseApi.WORKS_CASES)
@Tag(name = "Cases 案件")
class CaseImportApi {

    private final CaseImport imports;

    CaseImportApi(CaseImport imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = "multipart/form-data")
    @Operation(
            summary = "Import cases from an .xlsx (案件编号, 接报时间, 受理单位, 受害人姓名, 简要案情, …): good rows are kept,"
                    + " bad rows reported by row and column in Chinese; a case number seen before is a duplicate")
    CaseImport.Report importCases(Caller caller, @RequestParam(value = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new CaseRefused("file", "is required: an .xlsx as multipart field 'file'");
        }
        var temp = Files.createTempFile("cases-", ".xlsx");
        try {
            file.transferTo(temp);
            return imports.importFile(temp, caller, rows -> {});
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
