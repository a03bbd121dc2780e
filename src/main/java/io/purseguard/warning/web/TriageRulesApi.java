package io.purseguard.warning.web;

import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.Caller;
import io.purseguard.warning.RuleSets;
import io.purseguard.warning.TriageParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/triage/rules")
@Tag(name = "Triage rules 分级规则", description = "The versioned parameters of the named triage rules")
class TriageRulesApi {

    private final RuleSets ruleSets;
    private final AuditTrail audit;

    TriageRulesApi(RuleSets ruleSets, AuditTrail audit) {
        this.ruleSets = ruleSets;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "The rule set in force")
    RuleSets.RuleSet current() {
        return ruleSets.current();
    }

    @GetMapping("/history")
    @Operation(summary = "Every version, newest first")
    List<RuleSets.RuleSet> history() {
        return ruleSets.history();
    }

    @PutMapping
    @Operation(summary = "Publish new parameters as the next version; applies to the next clue taken in, on every node")
    Object publish(Caller caller, @RequestBody TriageParameters parameters) {
        var problems = parameters.problems();
        if (!problems.isEmpty()) {
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "Invalid " + String.join(", ", problems.keySet()));
            problem.setTitle("Invalid triage parameters");
            problem.setProperty(
                    "errors",
                    problems.entrySet().stream()
                            .map(e -> Map.of("field", e.getKey(), "message", e.getValue()))
                            .toList());
            return org.springframework.http.ResponseEntity.badRequest().body(problem);
        }
        var published = ruleSets.publish(parameters, caller.name());
        audit.record(
                caller.name(), "TRIAGE_RULES_PUBLISHED", "rule_set", Integer.toString(published.version()), "via API");
        return published;
    }
}
