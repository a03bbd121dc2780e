package io.purseguard.dissuasion.web;

import io.purseguard.dissuasion.Checklist;
import io.purseguard.dissuasion.DissuasionPolicy;
import io.purseguard.dissuasion.DissuasionSettings;
import io.purseguard.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin's dissuasion settings: the SLA windows and follow-ups, and the two checklists. */
@RestController
@RequestMapping("/api/v1/dissuasion")
@Tag(name = "Dissuasion settings 劝阻设置", description = "Versioned SLA policy and checklists")
class SettingsApi {

    private final DissuasionSettings settings;

    SettingsApi(DissuasionSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/policy")
    @Operation(summary = "The SLA windows per level, revisit days, watch months, second-visit hours in force")
    DissuasionSettings.Version<DissuasionPolicy> policy() {
        return settings.policy();
    }

    @PutMapping("/policy")
    @Operation(summary = "Publish a new policy version; applies to tasks opened from now on")
    DissuasionSettings.Version<DissuasionPolicy> publishPolicy(Caller caller, @RequestBody DissuasionPolicy policy) {
        return settings.publishPolicy(policy, caller.name());
    }

    @GetMapping("/checklists/{name}")
    @Operation(summary = "A checklist in force: dissuasion (三必问两告知) or revisit (三清)")
    DissuasionSettings.Version<Checklist> checklist(@PathVariable String name) {
        return settings.checklist(settingName(name));
    }

    @PutMapping("/checklists/{name}")
    @Operation(summary = "Publish a new checklist version; each task records the version it used")
    DissuasionSettings.Version<Checklist> publishChecklist(
            Caller caller, @PathVariable String name, @RequestBody Checklist checklist) {
        return settings.publishChecklist(settingName(name), checklist, caller.name());
    }

    static String settingName(String name) {
        return switch (name) {
            case "dissuasion" -> Checklist.DISSUASION;
            case "revisit" -> Checklist.REVISIT;
            case "case-revisit" -> Checklist.CASE_REVISIT;
            default ->
                throw new DissuasionSettings.InvalidSetting(Map.of("name", "dissuasion, revisit or case-revisit"));
        };
    }

    @ExceptionHandler(DissuasionSettings.InvalidSetting.class)
    ProblemDetail invalid(DissuasionSettings.InvalidSetting e) {
        return fieldProblems(e.problems());
    }

    static ProblemDetail fieldProblems(Map<String, String> problems) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "Invalid " + String.join(", ", problems.keySet()));
        problem.setTitle("Invalid request");
        problem.setType(URI.create("about:blank"));
        List<Map<String, String>> errors = problems.entrySet().stream()
                .map(e -> Map.of("field", e.getKey(), "message", e.getValue()))
                .toList();
        problem.setProperty("errors", errors);
        return problem;
    }
}
