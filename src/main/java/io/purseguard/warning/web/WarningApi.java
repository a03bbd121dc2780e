package io.purseguard.warning.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.identity.Caller;
import io.purseguard.identity.RevealReason;
import io.purseguard.warning.ClueDraft;
import io.purseguard.warning.FieldError;
import io.purseguard.warning.IntakeDoor;
import io.purseguard.warning.IntakeResult;
import io.purseguard.warning.WarningAddendum;
import io.purseguard.warning.WarningIntake;
import io.purseguard.warning.WarningLevel;
import io.purseguard.warning.WarningPage;
import io.purseguard.warning.WarningQuery;
import io.purseguard.warning.WarningReveal;
import io.purseguard.warning.WarningStatus;
import io.purseguard.warning.WarningTransitionRefused;
import io.purseguard.warning.WarningView;
import io.purseguard.warning.Warnings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/warnings")
@Validated
@Tag(name = "Warnings 预警线索", description = "Intake of warning clues, and the warnings within the caller's scope")
class WarningApi {

    private final WarningIntake intake;
    private final Warnings warnings;
    private final ObjectMapper json;
    private final List<WarningAddendum> addenda;
    private final WarningReveal reveals;

    WarningApi(
            WarningIntake intake,
            Warnings warnings,
            ObjectMapper json,
            List<WarningAddendum> addenda,
            WarningReveal reveals) {
        this.intake = intake;
        this.warnings = warnings;
        this.json = json;
        this.addenda = addenda;
        this.reveals = reveals;
    }

    record Batch(List<JsonNode> items) {}

    record BatchResult(List<IntakeResult> results, Map<IntakeResult.Status, Long> summary) {}

    @PostMapping
    @Operation(
            summary = "Take in up to 1,000 clues: one result per item, in order (ACCEPTED, DUPLICATE or REJECTED with"
                    + " every failing field). Replays of a clueId point to the existing warning.")
    BatchResult take(Caller caller, @RequestBody Batch batch) {
        if (batch == null || batch.items() == null) {
            throw new BadBatch("items", "is required: {\"items\": [clue, …]}");
        }
        if (batch.items().size() > WarningIntake.MAX_BATCH) {
            throw new BadBatch(
                    "items",
                    "at most " + WarningIntake.MAX_BATCH + " per request, got "
                            + batch.items().size());
        }
        // each item is read on its own, so one malformed item is refused without losing the others
        var drafts = new ArrayList<ClueDraft>();
        var unreadable = new java.util.HashMap<Integer, IntakeResult>();
        for (int i = 0; i < batch.items().size(); i++) {
            var node = batch.items().get(i);
            try {
                drafts.add(json.treeToValue(node, ClueDraft.class));
            } catch (Exception e) {
                drafts.add(null);
                var clueId = node != null && node.hasNonNull("clueId")
                        ? node.get("clueId").asText()
                        : null;
                unreadable.put(
                        i,
                        new IntakeResult(
                                clueId, IntakeResult.Status.REJECTED, null, List.of(FieldError.unreadable(e))));
            }
        }
        var results = new ArrayList<>(intake.take(drafts, IntakeDoor.REST, caller));
        unreadable.forEach(results::set);
        return new BatchResult(
                results, results.stream().collect(Collectors.groupingBy(IntakeResult::status, Collectors.counting())));
    }

    @GetMapping
    @Operation(summary = "Warnings within the caller's scope, most urgent and newest first")
    WarningPage list(
            Caller caller,
            @RequestParam(required = false) String clueId,
            @RequestParam(required = false) WarningStatus status,
            @RequestParam(required = false) WarningLevel level,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) Boolean queued,
            @RequestParam(required = false) OffsetDateTime from,
            @RequestParam(required = false) OffsetDateTime to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(WarningQuery.MAX_SIZE) int size) {
        return warnings.list(
                new WarningQuery(
                        clueId,
                        status,
                        level,
                        unit,
                        queued,
                        from == null ? null : from.toInstant(),
                        to == null ? null : to.toInstant(),
                        page,
                        size),
                caller.scope());
    }

    @GetMapping("/{id}")
    @Operation(
            summary =
                    "One warning with its reasons and history, and its dissuasion task; 404 outside the caller's scope")
    WarningDetail find(Caller caller, @PathVariable UUID id) {
        var warning = warnings.find(id, caller.scope()).orElseThrow(() -> new Warnings.WarningNotFound(id));
        var extra = new java.util.LinkedHashMap<String, Object>();
        for (var addendum : addenda) {
            var value = addendum.of(id, caller);
            if (value != null) {
                extra.put(addendum.property(), value);
            }
        }
        return new WarningDetail(warning, extra);
    }

    @PostMapping("/{id}/sign-for")
    @Operation(summary = "签收: acknowledge a RECEIVED or TRANSFERRED warning; 409 otherwise")
    WarningView signFor(Caller caller, @PathVariable UUID id) {
        return warnings.signFor(id, caller);
    }

    record Reason(String reason, String unit) {}

    @PostMapping("/{id}/return")
    @Operation(summary = "退回: a station hands a mis-routed warning back to the queue, with a reason (audited)")
    WarningView returnToQueue(Caller caller, @PathVariable UUID id, @RequestBody(required = false) Reason body) {
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw new BadBatch("reason", "is required");
        }
        return warnings.returnToQueue(id, caller, body.reason());
    }

    @PostMapping("/{id}/transfer")
    @Operation(summary = "移交: a center hands the warning to a station or district in its scope (audited)")
    WarningView transfer(Caller caller, @PathVariable UUID id, @RequestBody(required = false) Reason body) {
        if (body == null || body.unit() == null || body.unit().isBlank()) {
            throw new BadBatch("unit", "is required");
        }
        return warnings.transfer(id, caller, body.unit(), body.reason());
    }

    /**
     * Why: {@code purpose} is one of {@link RevealReason.Purpose} (DISSUASION_CALL, VISIT, PROTECTION, CASE,
     * IDENTITY_CHECK, OTHER); {@code reason} is free text, required for OTHER.
     */
    record RevealRequest(String purpose, String reason) {}

    @PostMapping("/{id}/reveal")
    @Operation(
            summary = "The full identifiers behind the masks (the person's ID number, phone and account, the suspect's"
                    + " account and phone): for center and station roles, with a purpose (and words for OTHER),"
                    + " always audited; 404 outside"
                    + " the caller's scope")
    WarningReveal.Revealed reveal(
            Caller caller, @PathVariable UUID id, @RequestBody(required = false) RevealRequest body) {
        var why = body == null ? RevealReason.of(null, null) : RevealReason.of(body.purpose(), body.reason());
        return reveals.reveal(id, caller, why).orElseThrow(() -> new Warnings.WarningNotFound(id));
    }

    @ExceptionHandler(Warnings.WarningNotFound.class)
    ProblemDetail notFound(Warnings.WarningNotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(WarningTransitionRefused.class)
    ProblemDetail conflict(WarningTransitionRefused e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not allowed in the warning's current state");
        return problem;
    }

    @ExceptionHandler(BadBatch.class)
    ProblemDetail badRequest(BadBatch e) {
        return fieldProblem(e.field, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException e) {
        return fieldProblem("unit", e.getMessage());
    }

    private static ProblemDetail fieldProblem(String field, String message) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + message);
        problem.setTitle("Invalid request");
        problem.setType(URI.create("about:blank"));
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }

    static final class BadBatch extends RuntimeException {
        final String field;

        BadBatch(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
