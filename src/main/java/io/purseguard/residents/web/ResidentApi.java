package io.purseguard.residents.web;

import io.purseguard.identity.Caller;
import io.purseguard.identity.RevealReason;
import io.purseguard.residents.ResidentDetail;
import io.purseguard.residents.ResidentDirectory;
import io.purseguard.residents.ResidentPage;
import io.purseguard.residents.ResidentQuery;
import io.purseguard.residents.RevealedContact;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/residents")
@Validated
@Tag(name = "Residents 实有人口", description = "The resident registry within the caller's scope; personal data masked")
class ResidentApi {

    private final ResidentDirectory residents;

    ResidentApi(ResidentDirectory residents) {
        this.residents = residents;
    }

    @GetMapping
    @Operation(summary = "Search by name prefix, full ID number or phone; by unit; by age")
    ResidentPage search(
            Caller caller,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) @Min(0) @Max(150) Integer ageMin,
            @RequestParam(required = false) @Min(0) @Max(150) Integer ageMax,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(ResidentQuery.MAX_SIZE) int size) {
        return residents.search(new ResidentQuery(q, unit, ageMin, ageMax, page, size), caller.scope());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One resident with ties; 404 when unknown or outside the caller's scope")
    ResidentJson find(Caller caller, @PathVariable UUID id) {
        return residents.find(id, caller.scope()).map(ResidentJson::of).orElseThrow(() -> notFound(id));
    }

    @PostMapping("/{id}/reveal")
    @Operation(summary = "The full ID number and phone; allowed to center and station roles, always audited")
    RevealedContact reveal(Caller caller, @PathVariable UUID id, @RequestBody(required = false) RevealRequest request) {
        var reason =
                request == null ? RevealReason.of(null, null) : RevealReason.of(request.purpose(), request.reason());
        return residents.reveal(id, caller, reason).orElseThrow(() -> notFound(id));
    }

    /**
     * Why: {@code purpose} is one of {@link RevealReason.Purpose} (DISSUASION_CALL, VISIT, PROTECTION, CASE,
     * IDENTITY_CHECK, OTHER); {@code reason} is free text, required for OTHER.
     */
    record RevealRequest(String purpose, String reason) {}

    /** The detail, flattened for the API: {@code gridCode} at the top, ties as {residentId, relation}. */
    record ResidentJson(
            UUID id,
            String name,
            String gender,
            java.time.LocalDate birthDate,
            int age,
            String idNumber,
            String phone,
            String address,
            String homeVillage,
            String occupation,
            String employer,
            java.util.List<String> tags,
            String gridCode,
            String communityCode,
            String stationCode,
            java.util.List<ResidentDetail.TieView> ties) {

        static ResidentJson of(ResidentDetail d) {
            return new ResidentJson(
                    d.id(),
                    d.name(),
                    d.gender().name(),
                    d.birthDate(),
                    d.age(),
                    d.idNumber(),
                    d.phone(),
                    d.address(),
                    d.homeVillage(),
                    d.occupation(),
                    d.employer(),
                    d.tags(),
                    d.placement().grid(),
                    d.placement().community(),
                    d.placement().station(),
                    d.ties());
        }
    }

    private static ResponseStatusException notFound(UUID id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No resident " + id + " in your jurisdiction");
    }
}
