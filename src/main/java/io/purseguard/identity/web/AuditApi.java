package io.purseguard.identity.web;

import io.purseguard.identity.AuditEntry;
import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.ChainVerification;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit 审计", description = "The hash-chained audit trail; auditor role only")
class AuditApi {

    private final AuditTrail trail;

    AuditApi(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    @Operation(summary = "Entries, newest first, optionally about one record")
    List<AuditEntry> entries(
            @RequestParam(required = false) String targetType,
            @RequestParam(required = false) String targetId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        int limit = Math.min(Math.max(size, 1), 500);
        return trail.recent(targetType, targetId, Math.max(page, 0) * limit, limit);
    }

    @GetMapping("/verify")
    @Operation(summary = "Re-computes the hash chain and names the first broken entry, if any")
    ChainVerification verify() {
        return trail.verify();
    }
}
