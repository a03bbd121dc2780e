package io.purseguard.protection.web;

import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.protection.MeasureKind;
import io.purseguard.protection.MeasureRefused;
import io.purseguard.protection.MeasureRequest;
import io.purseguard.protection.MeasureState;
import io.purseguard.protection.MeasureView;
import io.purseguard.protection.Measures;
import io.purseguard.scope.Placement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Protective measures: requests by hand, renewals, releases, appeals, and the bank liaison's answers. */
@RestController
@RequestMapping("/api/v1/measures")
@Tag(
        name = "Protective measures 五快",
        description = "Stop-payment, freeze, return, phone restriction, blocking, card cut")
class MeasureApi {

    private final Measures measures;
    private final io.purseguard.warning.Warnings warnings;

    MeasureApi(Measures measures, io.purseguard.warning.Warnings warnings) {
        this.measures = measures;
        this.warnings = warnings;
    }

    /** A request by hand; {@code warningId} ties it to a warning (and its person's placement). */
    record RequestBody_(
            MeasureKind kind,
            String institution,
            String target,
            String holder,
            BigDecimal amount,
            OffsetDateTime transactedAt,
            String reason,
            String appealRoute,
            UUID warningId,
            String caseRef,
            UUID followsId) {}

    @PostMapping
    @Operation(summary = "Request a measure by hand (analysts, officers, centers); the law's limits are checked")
    MeasureView request(Caller caller, @RequestBody RequestBody_ body) {
        requireOfficer(caller);
        Placement placement = Placement.NONE;
        if (body.warningId() != null) {
            var warning = warnings.find(body.warningId(), caller.scope())
                    .orElseThrow(() -> new MeasureRefused("warningId", "no such warning in your jurisdiction"));
            placement = warnings.facts(warning.warningId()).orElseThrow().placement();
        } else if (caller.scope().kind() != null && caller.scope().code() != null) {
            // without a warning, the measure belongs to the requesting unit's area
            placement = placementOf(caller);
        }
        return measures.request(
                new MeasureRequest(
                        body.kind(),
                        body.institution(),
                        body.target(),
                        body.holder(),
                        body.amount(),
                        body.transactedAt() == null ? null : body.transactedAt().toInstant(),
                        body.reason(),
                        body.appealRoute(),
                        body.warningId(),
                        body.caseRef(),
                        body.followsId(),
                        placement),
                caller.name());
    }

    @GetMapping
    @Operation(summary = "Measures in your view, newest first (a bank liaison: their bank's queue)")
    List<MeasureView> list(
            Caller caller,
            @RequestParam(required = false) MeasureState state,
            @RequestParam(defaultValue = "100") int limit) {
        return measures.list(caller, state, limit);
    }

    @GetMapping("/{id}")
    MeasureView find(Caller caller, @PathVariable UUID id) {
        return measures.find(id, caller).orElseThrow(() -> new Measures.MeasureNotFound(id));
    }

    @PostMapping("/{id}/renew")
    @Operation(summary = "Renew a freeze for another six months")
    MeasureView renew(Caller caller, @PathVariable UUID id) {
        requireOfficer(caller);
        return measures.renew(id, caller);
    }

    record Reason(String reason) {}

    @PostMapping("/{id}/release")
    @Operation(summary = "Lift a measure in force, with the reason")
    MeasureView release(Caller caller, @PathVariable UUID id, @RequestBody(required = false) Reason body) {
        requireOfficer(caller);
        return measures.release(id, caller, body == null ? null : body.reason());
    }

    record Appeal(Boolean upheld, String note) {}

    @PostMapping("/{id}/appeal")
    @Operation(summary = "Record the person's appeal against a phone restriction or card cut; upheld lifts it at once")
    MeasureView appeal(Caller caller, @PathVariable UUID id, @RequestBody Appeal body) {
        requireOfficer(caller);
        if (body == null || body.upheld() == null) {
            throw new MeasureRefused("upheld", "is required");
        }
        return measures.appeal(id, caller, body.upheld(), body.note());
    }

    record LiaisonAnswer(String reason, BigDecimal amount) {}

    @PostMapping("/{id}/{answer:acknowledge|execute|reject}")
    @Operation(summary = "A bank liaison answers one of their bank's requests; audited")
    MeasureView liaison(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable String answer,
            @RequestBody(required = false) LiaisonAnswer body) {
        var kind =
                switch (answer) {
                    case "acknowledge" -> Measures.Answer.ACKNOWLEDGED;
                    case "execute" -> Measures.Answer.EXECUTED;
                    default -> Measures.Answer.REJECTED;
                };
        return measures.liaisonAnswer(
                id, caller, kind, body == null ? null : body.reason(), body == null ? null : body.amount());
    }

    @GetMapping("/money")
    @Operation(summary = "Money protected in your view: today, this month, this year, and returned this year")
    Measures.MoneyProtected money(Caller caller) {
        return measures.moneyProtected(caller);
    }

    private static void requireOfficer(Caller caller) {
        if (caller.role() != Role.CITY_CENTER
                && caller.role() != Role.DISTRICT_CENTER
                && caller.role() != Role.STATION_OFFICER) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "officers and centers request measures");
        }
    }

    private static Placement placementOf(Caller caller) {
        var code = caller.scope().code();
        return switch (caller.scope().kind()) {
            case DISTRICT -> new Placement(code, null, null, null, null);
            case STATION -> new Placement(code.substring(0, 6), code, null, null, null);
            default -> Placement.NONE;
        };
    }

    @ExceptionHandler(Measures.MeasureNotFound.class)
    ProblemDetail notFound(Measures.MeasureNotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(MeasureRefused.class)
    ProblemDetail refused(MeasureRefused e) {
        if (e.field() == null) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
            problem.setTitle("Refused by the rules of the measure");
            return problem;
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.field() + " " + e.getMessage());
        problem.setTitle("Invalid request");
        problem.setType(URI.create("about:blank"));
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }
}
