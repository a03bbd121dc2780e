package io.purseguard.warning.web;

import io.purseguard.identity.Caller;
import io.purseguard.jurisdiction.Units;
import io.purseguard.warning.WarningLevel;
import io.purseguard.warning.WarningStatus;
import io.purseguard.warning.WarningView;
import io.purseguard.warning.Warnings;
import io.purseguard.warning.excel.FeedbackWorkbook;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 签收/处置反馈 to upstream platforms: where each clue's warning stands now, for warnings changed since
 * a given instant, within the caller's scope. (Dissuasion results join when dissuasion exists.)
 */
@RestController
@RequestMapping("/api/v1/warnings")
@Validated
@Tag(name = "Warnings 预警线索")
class WarningFeedbackApi {

    /** The most items one request answers; read on from the last item's updatedAt. */
    static final int MAX_ITEMS = 10_000;

    private final Warnings warnings;
    private final Units units;

    WarningFeedbackApi(Warnings warnings, Units units) {
        this.warnings = warnings;
        this.units = units;
    }

    record FeedbackItem(
            String clueId,
            UUID warningId,
            WarningStatus status,
            WarningLevel level,
            WarningView.UnitRef unit,
            Instant signedForAt,
            String signedForBy,
            Instant updatedAt) {}

    @GetMapping("/feedback")
    @Operation(
            summary = "签收反馈: warnings in scope whose state changed at or after `since` (ISO-8601 instant or"
                    + " with an offset), oldest change first, at most `limit` (10,000). To read on, ask again"
                    + " with since = the last item's updatedAt; items changed at that instant repeat.")
    List<FeedbackItem> feedback(
            Caller caller,
            @RequestParam(required = false) String since,
            @RequestParam(defaultValue = "" + MAX_ITEMS) @Min(1) @Max(MAX_ITEMS) int limit) {
        var items = warnings.feedbackSince(instant(since), caller.scope(), limit);
        var names = names(items);
        return items.stream()
                .map(f -> new FeedbackItem(
                        f.clueId(),
                        f.warningId(),
                        f.status(),
                        f.level(),
                        new WarningView.UnitRef(f.unitCode(), names.get(f.unitCode())),
                        f.signedForAt(),
                        f.signedForBy(),
                        f.updatedAt()))
                .toList();
    }

    @GetMapping("/feedback.xlsx")
    @Operation(
            summary = "签收反馈 as an Excel workbook with the import's Chinese column language (线索编号, 预警等级,"
                    + " 状态, 签收单位, 签收时间, 更新时间 …); same parameters as /feedback")
    void feedbackWorkbook(
            Caller caller,
            @RequestParam(required = false) String since,
            @RequestParam(defaultValue = "" + MAX_ITEMS) @Min(1) @Max(MAX_ITEMS) int limit,
            HttpServletResponse response)
            throws IOException {
        var items = warnings.feedbackSince(instant(since), caller.scope(), limit);
        var names = names(items);
        WarningImportDownloads.xlsx(
                response, FeedbackWorkbook.FILE_NAME, out -> FeedbackWorkbook.write(items, names, out));
    }

    private Map<String, String> names(List<Warnings.Feedback> items) {
        return units.names(
                items.stream().map(Warnings.Feedback::unitCode).distinct().toList());
    }

    private static Instant instant(String since) {
        if (since == null || since.isBlank()) {
            throw new BadSince("is required: an ISO-8601 instant, e.g. 2026-11-22T00:00:00Z");
        }
        var text = since.strip();
        if (text.matches(".*T.*\\d \\d{2}:?\\d{2}")) {
            // an unencoded + in the query string arrives as a space
            int space = text.lastIndexOf(' ');
            text = text.substring(0, space) + "+" + text.substring(space + 1);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                throw new BadSince(
                        "must be an ISO-8601 instant, e.g. 2026-11-22T00:00:00Z or 2026-11-22T08:00:00+08:00");
            }
        }
    }

    @ExceptionHandler(BadSince.class)
    ProblemDetail badSince(BadSince e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "since " + e.getMessage());
        problem.setTitle("Invalid request");
        problem.setType(URI.create("about:blank"));
        problem.setProperty("errors", List.of(Map.of("field", "since", "message", e.getMessage())));
        return problem;
    }

    static final class BadSince extends RuntimeException {
        BadSince(String message) {
            super(message);
        }
    }
}
