package io.purseguard.casework.web;

import io.purseguard.casework.CaseDirectory;
import io.purseguard.casework.CaseInput;
import io.purseguard.casework.CaseLifecycle;
import io.purseguard.casework.CaseNotFound;
import io.purseguard.casework.CasePage;
import io.purseguard.casework.CaseQuery;
import io.purseguard.casework.CaseRecovery;
import io.purseguard.casework.CaseRevisits;
import io.purseguard.casework.CaseStatus;
import io.purseguard.casework.CaseView;
import io.purseguard.casework.Cases;
import io.purseguard.casework.NarrativeAnalysis;
import io.purseguard.casework.NarrativeAnalyzer;
import io.purseguard.identity.Caller;
import io.purseguard.platform.Text;
import io.purseguard.protection.CaseMeasures;
import io.purseguard.protection.MeasureView;
import io.purseguard.warning.FraudType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 案件 for machines and the pages' scripts: every answer scoped to the caller's jurisdiction and
 * masked, like the warnings'. The city and district centers and the police stations work cases.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Validated
@PreAuthorize(CaseApi.WORKS_CASES)
@Tag(name = "Cases 案件", description = "Fraud cases: victims, money, identifiers, type, lifecycle, recovery")
class CaseApi {

    static final String WORKS_CASES = "hasAnyRole('CITY_CENTER', 'DISTRICT_CENTER', 'STATION_OFFICER')";

    private final Cases cases;
    private final CaseDirectory directory;
    private final CaseLifecycle lifecycle;
    private final CaseRecovery recovery;
    private final CaseRevisits revisits;
    private final NarrativeAnalyzer analyzer;

    CaseApi(
            Cases cases,
            CaseDirectory directory,
            CaseLifecycle lifecycle,
            CaseRecovery recovery,
            CaseRevisits revisits,
            NarrativeAnalyzer analyzer) {
        this.cases = cases;
        this.directory = directory;
        this.lifecycle = lifecycle;
        this.recovery = recovery;
        this.revisits = revisits;
        this.analyzer = analyzer;
    }

    record Narrative(String narrative) {}

    @PostMapping("/analyze")
    @Operation(
            summary = "Read a narrative: the suggested fraud type with reasons, every identifier and amount, the loss."
                    + " It echoes only what the caller sent, so nothing is masked.")
    NarrativeAnalysis analyze(@RequestBody Narrative body) {
        var text = body == null ? null : body.narrative();
        if (text == null || text.isBlank()) {
            throw new io.purseguard.casework.CaseRefused("narrative", "is required");
        }
        if (text.length() > Text.NARRATIVE) {
            throw new io.purseguard.casework.CaseRefused("narrative", "at most " + Text.NARRATIVE + " characters");
        }
        return analyzer.analyze(text);
    }

    @PostMapping
    @Operation(
            summary = "Open a case from a narrative and a victim; identifiers, type and loss come from the analysis"
                    + " unless given")
    ResponseEntity<CaseView> open(Caller caller, @RequestBody CaseInput body) {
        var opened = cases.open(body, caller);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + opened.id()))
                .body(opened);
    }

    @GetMapping
    @Operation(summary = "Cases within the caller's scope, newest first, masked")
    CasePage list(
            Caller caller,
            @RequestParam(required = false) FraudType type,
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) OffsetDateTime from,
            @RequestParam(required = false) OffsetDateTime to,
            @RequestParam(required = false) UUID warningId,
            @RequestParam(required = false) BigDecimal lossMin,
            @RequestParam(required = false) BigDecimal lossMax,
            @RequestParam(required = false) @Min(0) @Max(150) Integer ageMin,
            @RequestParam(required = false) @Min(0) @Max(150) Integer ageMax,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(CaseQuery.MAX_SIZE) int size) {
        return directory.list(
                new CaseQuery(
                        type,
                        status,
                        unit,
                        from == null ? null : from.toInstant(),
                        to == null ? null : to.toInstant(),
                        warningId,
                        lossMin,
                        lossMax,
                        ageMin,
                        ageMax,
                        page,
                        size),
                caller);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One case, masked; 404 outside the caller's scope")
    CaseView find(Caller caller, @PathVariable UUID id) {
        return directory.find(id, caller).orElseThrow(() -> new CaseNotFound(id));
    }

    record Reason(String reason) {}

    @PostMapping("/{id}/reveal")
    @Operation(summary = "The case with every value whole, with a reason (audited); 403 for roles that may not")
    CaseView reveal(Caller caller, @PathVariable UUID id, @RequestBody(required = false) Reason body) {
        return directory.reveal(id, caller, body == null ? null : body.reason());
    }

    @PostMapping("/{id}/transitions")
    @Operation(
            summary = "Move the case one step: REPORTED→ACCEPTED→FILED|NOT_FILED(reason)→SOLVED/CLOSED; 409 otherwise")
    CaseView transition(Caller caller, @PathVariable UUID id, @RequestBody CaseLifecycle.Step body) {
        return lifecycle.move(id, caller, body);
    }

    @PostMapping("/{id}/transfers")
    @Operation(summary = "Add a transfer; the loss becomes the sum of the transfers")
    CaseView addTransfer(Caller caller, @PathVariable UUID id, @RequestBody CaseInput.TransferInput body) {
        return cases.addTransfer(id, caller, body);
    }

    record TypeCorrection(FraudType code, String subtype) {}

    @PutMapping("/{id}/fraud-type")
    @Operation(summary = "Correct the fraud type; the narrative is kept as a labelled example for the classifier")
    CaseView correctType(Caller caller, @PathVariable UUID id, @RequestBody TypeCorrection body) {
        return cases.correctType(id, caller, body == null ? null : body.code(), body == null ? null : body.subtype());
    }

    record UnitTransfer(String unit, String reason) {}

    @PostMapping("/{id}/transfer")
    @Operation(summary = "移交: a center hands the case to a police station in its jurisdiction (audited)")
    CaseView transferUnit(Caller caller, @PathVariable UUID id, @RequestBody UnitTransfer body) {
        return cases.transfer(id, caller, body == null ? null : body.unit(), body == null ? null : body.reason());
    }

    record Recovery(List<MeasureView> measures, CaseMeasures.Recovered recovered) {}

    @GetMapping("/{id}/measures")
    @Operation(summary = "The case's stop-payments and freezes with their states and clocks, and its 挽损")
    Recovery measures(Caller caller, @PathVariable UUID id) {
        return new Recovery(recovery.measures(id, caller), recovery.recovered(id, caller));
    }

    @PostMapping("/{id}/measures")
    @Operation(
            summary = "Request a stop-payment or freeze of a receiving account through protection, with the case"
                    + " number as caseRef")
    ResponseEntity<MeasureView> requestMeasure(
            Caller caller, @PathVariable UUID id, @RequestBody CaseRecovery.Request body) {
        var measure = recovery.request(id, caller, body);
        return ResponseEntity.created(URI.create("/api/v1/measures/" + measure.measureId()))
                .body(measure);
    }

    @GetMapping("/revisits")
    @Operation(summary = "Case revisits not yet done, soonest first")
    List<CaseRevisits.Revisit> revisitsDue(Caller caller) {
        return revisits.due(caller, 200);
    }

    record RevisitAnswers(Map<String, Boolean> checklist, String note) {}

    @PostMapping("/revisits/{revisitId}/complete")
    @Operation(summary = "Complete a case revisit with every checklist item answered")
    CaseRevisits.Revisit completeRevisit(
            Caller caller, @PathVariable UUID revisitId, @RequestBody RevisitAnswers body) {
        return revisits.complete(
                revisitId, caller, body == null ? null : body.checklist(), body == null ? null : body.note());
    }
}
