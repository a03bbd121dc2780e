package io.purseguard.casework.web;

import io.purseguard.casework.CaseImport;
import io.purseguard.casework.CaseImportJobs;
import io.purseguard.casework.CaseScope;
import io.purseguard.identity.Caller;
import io.purseguard.platform.web.Pages;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * 案件导入: upload the provincial case system's sheet; the import runs in the background and its page
 * shows a progress bar (htmx polls it) and then the report, bad rows by row and column in Chinese.
 */
@Controller
class CaseImportPages {

    private final CaseImportJobs jobs;

    CaseImportPages(CaseImportJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/cases/import")
    ModelAndView form(Caller caller) {
        if (!CaseScope.worksCases(caller)) {
            return Pages.forbidden();
        }
        var view = new ModelAndView("cases/import");
        view.addObject("columns", List.of(CaseImport.Column.values()));
        return view;
    }

    @PostMapping("/cases/import")
    ModelAndView upload(Caller caller, @RequestParam("file") MultipartFile file) throws IOException {
        if (!CaseScope.worksCases(caller)) {
            return Pages.forbidden();
        }
        if (file.isEmpty()) {
            var view = form(caller);
            view.addObject("error", "请选择 .xlsx 文件");
            return view;
        }
        var temp = Files.createTempFile("cases-", ".xlsx");
        file.transferTo(temp);
        var id = jobs.start(temp, file.getOriginalFilename(), caller);
        return new ModelAndView("redirect:/cases/import/" + id);
    }

    @GetMapping("/cases/import/{id}")
    ModelAndView job(
            Caller caller,
            @PathVariable UUID id,
            @org.springframework.web.bind.annotation.RequestHeader(value = "HX-Request", required = false)
                    String htmx) {
        var job = jobs.find(id, caller);
        if (job.isEmpty()) {
            return Pages.notFound();
        }
        var view = new ModelAndView(htmx != null ? "cases/import-job :: progress" : "cases/import-job");
        view.addObject("job", job.get());
        return view;
    }
}
