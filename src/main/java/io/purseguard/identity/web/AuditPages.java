package io.purseguard.identity.web;

import io.purseguard.identity.AuditEntry;
import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.ChainVerification;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 审计: the newest audit entries and a check of the hash chain, for auditors only. */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasRole('AUDITOR')")
class AuditPages {

    static final int PAGE_SIZE = 50;

    private final AuditTrail trail;
    private final ZoneId zone;

    AuditPages(AuditTrail trail, @Value("${purseguard.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.trail = trail;
        this.zone = zone;
    }

    /** An entry with its time in local time. */
    public record Row(AuditEntry entry, ZonedDateTime at) {}

    @GetMapping
    String entries(@RequestParam(defaultValue = "0") int page, Model model) {
        long total = trail.count();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 0), pages - 1);
        model.addAttribute(
                "rows",
                trail.recent(null, null, current * PAGE_SIZE, PAGE_SIZE).stream()
                        .map(e -> new Row(e, e.at().atZone(zone)))
                        .toList());
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        return "audit/entries";
    }

    /** Re-computes the chain; answers the fragment the page's button swaps in. */
    @GetMapping("/verify")
    String verify(Model model) {
        ChainVerification result = trail.verify();
        model.addAttribute("result", result);
        model.addAttribute("reasonKey", reasonKey(result.reason()));
        return "audit/entries :: verification";
    }

    /** The message key for one of {@link AuditTrail#verify()}'s reasons, or null to show it as is. */
    static String reasonKey(String reason) {
        if (reason == null) {
            return null;
        }
        if (reason.startsWith("entry ") && reason.endsWith(" is missing")) {
            return "audit.verify.reason.missing";
        }
        if (reason.startsWith("link to the previous entry")) {
            return "audit.verify.reason.link";
        }
        if (reason.startsWith("content does not match")) {
            return "audit.verify.reason.content";
        }
        return null;
    }
}
