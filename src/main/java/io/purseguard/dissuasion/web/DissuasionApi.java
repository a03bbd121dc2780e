package io.purseguard.dissuasion.web;

import io.purseguard.dissuasion.ContactChannel;
import io.purseguard.dissuasion.ContactResult;
import io.purseguard.dissuasion.Outcome;
import io.purseguard.dissuasion.TaskView;
import io.purseguard.dissuasion.Tasks;
import io.purseguard.identity.Caller;
import io.purseguard.identity.RevealReason;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Dissuasion tasks: the inboxes, the task, and what the team records on it. */
@RestController
@Tag(name = "Dissuasion 劝阻", description = "Tasks, their teams and clocks; contacts, outcomes and revisits")
class DissuasionApi {

    private final Tasks tasks;

    DissuasionApi(Tasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping("/api/v1/tasks")
    @Operation(
            summary =
                    "A task list, most urgent first: MINE (on my team), OPEN, OVERDUE, ESCALATED, CONCLUDED, DEFRAUDED_AFTER")
    List<Tasks.TaskLine> list(
            Caller caller,
            @RequestParam(defaultValue = "OPEN") Tasks.Filter filter,
            @RequestParam(defaultValue = "100") int limit) {
        return tasks.list(caller, filter, limit);
    }

    @GetMapping("/api/v1/tasks/{id}")
    @Operation(summary = "One task: the masked person, the team, the clocks, contacts, outcome, revisits, watch")
    TaskView find(Caller caller, @PathVariable UUID id) {
        return tasks.find(id, caller).orElseThrow(() -> new Tasks.TaskNotFound(id));
    }

    @GetMapping("/api/v1/tasks/{id}/timeline")
    @Operation(summary = "Who did what and when")
    List<Tasks.TimelineLine> timeline(Caller caller, @PathVariable UUID id) {
        return tasks.timeline(id, caller);
    }

    @PostMapping("/api/v1/tasks/{id}/reveal")
    @Operation(summary = "The person's full phone and ID number, for the team or an officer; audited")
    Tasks.Revealed reveal(Caller caller, @PathVariable UUID id, @RequestBody(required = false) RevealRequest request) {
        var reason =
                request == null ? RevealReason.of(null, null) : RevealReason.of(request.purpose(), request.reason());
        return tasks.reveal(id, caller, reason);
    }

    /**
     * Why: {@code purpose} is one of {@link RevealReason.Purpose} (DISSUASION_CALL, VISIT, PROTECTION, CASE,
     * IDENTITY_CHECK, OTHER); {@code reason} is free text, required for OTHER.
     */
    record RevealRequest(String purpose, String reason) {}

    /** A contact as posted; {@code at} is ISO-8601 with offset and defaults to now. */
    record ContactBody(
            ContactChannel channel,
            ContactResult result,
            OffsetDateTime at,
            Boolean faceToFace,
            String location,
            UUID photoId,
            String note) {}

    @PostMapping("/api/v1/warnings/{warningId}/contacts")
    @Operation(summary = "Log a call, visit or SMS with its result: ANSWERED, NOT_ANSWERED, REFUSED")
    TaskView contact(Caller caller, @PathVariable UUID warningId, @RequestBody ContactBody body) {
        if (body.channel() == null) {
            throw new Tasks.InvalidTaskInput("channel", "is required: PHONE, VISIT or SMS");
        }
        if (body.result() == null) {
            throw new Tasks.InvalidTaskInput("result", "is required: ANSWERED, NOT_ANSWERED or REFUSED");
        }
        return tasks.logContact(
                taskOf(warningId, caller),
                caller,
                new Tasks.ContactInput(
                        body.channel(),
                        body.result(),
                        body.at() == null ? null : body.at().toInstant(),
                        body.faceToFace(),
                        body.location(),
                        body.photoId(),
                        body.note()));
    }

    record OutcomeBody(
            Outcome outcome, Boolean faceToFace, BigDecimal lossAmount, Map<String, Boolean> checklist, String note) {}

    @PostMapping("/api/v1/warnings/{warningId}/outcome")
    @Operation(summary = "Record the outcome with the checklist; publishes DissuasionConcluded, schedules revisits")
    TaskView outcome(Caller caller, @PathVariable UUID warningId, @RequestBody OutcomeBody body) {
        return tasks.conclude(
                taskOf(warningId, caller),
                caller,
                new Tasks.OutcomeInput(
                        body.outcome(), body.faceToFace(), body.lossAmount(), body.checklist(), body.note()));
    }

    @PostMapping(path = "/api/v1/tasks/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "A photo taken at the visit (JPEG, PNG, WebP or HEIC by its bytes, ≤ 10 MB); refer to it"
                    + " from a contact",
            description = "The GPS position is taken out of the photo unless keepLocation is true; a HEIC photo"
                    + " is refused without keepLocation, since its position cannot be taken out.")
    Map<String, UUID> photo(
            Caller caller,
            @PathVariable UUID id,
            @RequestPart("photo") MultipartFile photo,
            @RequestParam(defaultValue = "false") boolean keepLocation)
            throws IOException {
        return Map.of("photoId", tasks.addPhoto(id, caller, photo.getBytes(), keepLocation));
    }

    @GetMapping("/api/v1/tasks/{id}/photos/{photoId}")
    @Operation(summary = "A stored photo")
    ResponseEntity<byte[]> photo(Caller caller, @PathVariable UUID id, @PathVariable UUID photoId) {
        return tasks.photo(id, photoId, caller)
                .map(p -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(p.contentType()))
                        .body(p.bytes()))
                .orElseThrow(() -> new Tasks.TaskNotFound(photoId));
    }

    @PutMapping("/api/v1/tasks/{id}/team/{seq}")
    @Operation(summary = "The station swaps a team member, with a reason")
    TaskView swap(Caller caller, @PathVariable UUID id, @PathVariable int seq, @RequestBody Tasks.SwapInput body) {
        return tasks.swapMember(id, seq, caller, body);
    }

    @GetMapping("/api/v1/revisits")
    @Operation(summary = "Revisits not yet done, soonest first")
    List<Tasks.RevisitLine> revisits(Caller caller, @RequestParam(defaultValue = "100") int limit) {
        return tasks.revisitsDue(caller, limit);
    }

    @PostMapping("/api/v1/revisits/{id}/complete")
    @Operation(summary = "Record a revisit with its 三清 checklist; the last one closes the task")
    TaskView completeRevisit(Caller caller, @PathVariable UUID id, @RequestBody Tasks.RevisitInput body) {
        return tasks.completeRevisit(id, caller, body);
    }

    private UUID taskOf(UUID warningId, Caller caller) {
        return tasks.idOfWarning(warningId, caller).orElseThrow(() -> new Tasks.TaskNotFound(warningId));
    }

    @ExceptionHandler(Tasks.TaskNotFound.class)
    ProblemDetail notFound(Tasks.TaskNotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(Tasks.TaskActionRefused.class)
    ProblemDetail refused(Tasks.TaskActionRefused e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not allowed for this task now");
        return problem;
    }

    @ExceptionHandler(Tasks.InvalidTaskInput.class)
    ProblemDetail invalid(Tasks.InvalidTaskInput e) {
        return SettingsApi.fieldProblems(Map.of(e.field(), e.getMessage()));
    }
}
