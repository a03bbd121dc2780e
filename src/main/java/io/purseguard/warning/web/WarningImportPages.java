package io.purseguard.warning.web;

import io.purseguard.identity.Caller;
import io.purseguard.warning.excel.ErrorWorkbook;
import io.purseguard.warning.excel.ImportJob;
import io.purseguard.warning.excel.ImportJobs;
import io.purseguard.warning.excel.ImportReport;
import io.purseguard.warning.excel.ImportTemplate;
import io.purseguard.warning.excel.SpreadsheetFormat;
import io.purseguard.warning.excel.UnreadableSpreadsheet;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * 批量导入: the centers upload an .xlsx or .csv, watch a progress bar (htmx polls a fragment every
 * second while the import runs in the background) and get the report with the refused rows, also
 * as a workbook. A job is seen only by the person who uploaded it.
 */
@Controller
@RequestMapping("/warnings/import")
@PreAuthorize("hasAnyRole('CITY_CENTER', 'DISTRICT_CENTER')")
class WarningImportPages {

    /** Refused rows' reasons shown on the page; the workbook has them all. */
    static final int ERRORS_ON_PAGE = 200;

    /** htmx's "stop polling" status. */
    static final HttpStatusCode STOP_POLLING = HttpStatusCode.valueOf(286);

    private final ImportJobs jobs;
    private final ObjectProvider<MultipartProperties> multipart;
    private final MessageSource messages;

    WarningImportPages(ImportJobs jobs, ObjectProvider<MultipartProperties> multipart, MessageSource messages) {
        this.jobs = jobs;
        this.multipart = multipart;
        this.messages = messages;
    }

    /** A file-level problem to show above the form: a message key and its one argument. */
    public record Problem(String key, String argument) {}

    @GetMapping
    ModelAndView form() {
        return withLimit(new ModelAndView("warnings/import"));
    }

    /** The largest upload the server takes, in MB, for the form to say (absent when unknown). */
    private ModelAndView withLimit(ModelAndView view) {
        var properties = multipart.getIfAvailable();
        if (properties != null && properties.getMaxFileSize() != null) {
            long bytes = properties.getMaxFileSize().toBytes();
            if (bytes > 0) {
                view.addObject("maxMegabytes", Math.max(1, bytes >> 20));
            }
        }
        return view;
    }

    @PostMapping
    ModelAndView upload(Caller caller, @RequestParam(value = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return refused(new Problem("warning.import.problem.NO_FILE", ""), HttpStatus.BAD_REQUEST);
        }
        var upload = Files.createTempFile("clue-import-", ".upload");
        try {
            file.transferTo(upload);
            var format = SpreadsheetFormat.detect(upload, file.getOriginalFilename(), file.getContentType());
            var job = jobs.start(upload, format, fileName(file), caller);
            var redirect = new RedirectView("/warnings/import/" + job.id(), true);
            redirect.setStatusCode(HttpStatus.SEE_OTHER);
            return new ModelAndView(redirect);
        } catch (UnreadableSpreadsheet e) {
            Files.deleteIfExists(upload);
            var arguments = e.arguments();
            return refused(
                    new Problem(e.messageKey(), arguments.isEmpty() ? "" : arguments.get(0)), HttpStatus.BAD_REQUEST);
        } catch (ImportJobs.Busy e) {
            return refused(new Problem("warning.import.busy", ""), HttpStatus.SERVICE_UNAVAILABLE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(upload);
            throw e;
        }
    }

    @GetMapping("/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        WarningImportDownloads.xlsx(response, ImportTemplate.FILE_NAME, ImportTemplate::write);
    }

    @GetMapping("/{id}")
    ModelAndView job(Caller caller, @PathVariable String id, Locale locale) {
        return find(id, caller)
                .map(job -> withJob(new ModelAndView("warnings/import-job"), job, locale))
                .orElseGet(WarningImportPages::notFound);
    }

    /** The progress fragment htmx polls; once the job is finished it no longer asks to be polled. */
    @GetMapping("/{id}/progress")
    ModelAndView progress(Caller caller, @PathVariable String id, Locale locale) {
        return find(id, caller)
                .map(job -> withJob(new ModelAndView("warnings/import-job :: progress"), job, locale))
                // gone (a restart, another node): htmx stops polling on 286 and shows why
                .orElseGet(() -> new ModelAndView("warnings/import-job :: gone", STOP_POLLING));
    }

    @GetMapping("/{id}/errors.xlsx")
    void errors(Caller caller, @PathVariable String id, Locale locale, HttpServletResponse response)
            throws IOException {
        var report = find(id, caller).map(ImportJob::report);
        if (report.isEmpty()) {
            response.sendError(HttpStatus.NOT_FOUND.value());
            return;
        }
        // the reasons in the language of the one downloading, as on the page
        WarningImportDownloads.xlsx(
                response, ErrorWorkbook.FILE_NAME, out -> ErrorWorkbook.write(report.get(), messages, locale, out));
    }

    private Optional<ImportJob> find(String id, Caller caller) {
        try {
            return jobs.find(UUID.fromString(id), caller.name());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The job and its report; the reasons, held as codes, are put in the words of the one looking (the
     * import ran in the background, without a request's language).
     */
    private ModelAndView withJob(ModelAndView view, ImportJob job, Locale locale) {
        view.addObject("job", job);
        var report = job.report();
        List<ImportReport.RowError> errors = report == null ? List.of() : report.errors();
        view.addObject(
                "errors",
                (errors.size() > ERRORS_ON_PAGE ? errors.subList(0, ERRORS_ON_PAGE) : errors)
                        .stream().map(e -> e.in(messages, locale)).toList());
        view.addObject("errorsHidden", Math.max(0, errors.size() - ERRORS_ON_PAGE));
        var problem = job.problem();
        if (problem != null) {
            var arguments = problem.arguments();
            view.addObject("problem", new Problem(problem.messageKey(), arguments.isEmpty() ? "" : arguments.get(0)));
        }
        return view;
    }

    private ModelAndView refused(Problem problem, HttpStatus status) {
        var view = new ModelAndView("warnings/import", status);
        view.addObject("problem", problem);
        return withLimit(view);
    }

    private static String fileName(MultipartFile file) {
        var name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return "-";
        }
        // browsers may send a path; keep the last part, and not more of it than a page shows
        var last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return last.length() > 120 ? last.substring(0, 120) : last;
    }

    private static ModelAndView notFound() {
        return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
    }
}
