package io.purseguard.warning.web;

import io.purseguard.identity.Caller;
import io.purseguard.identity.RevealReason;
import io.purseguard.platform.web.Pages;
import io.purseguard.warning.WarningReveal;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The warning page's reveal: the full identifiers swapped into the page by htmx, with the purpose
 * and words given (a missing purpose is a 400, which htmx reports). Audited by {@link WarningReveal}; a role that may not reveal gets 403 (audited too).
 */
@Controller
class WarningRevealPage {

    private final WarningReveal reveals;

    WarningRevealPage(WarningReveal reveals) {
        this.reveals = reveals;
    }

    @PostMapping("/warnings/{id}/reveal")
    ModelAndView reveal(
            Caller caller,
            @PathVariable String id,
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String reason) {
        var why = RevealReason.of(purpose, reason); // refused as a 400 naming the field
        var revealed = Pages.uuid(id).flatMap(uuid -> reveals.reveal(uuid, caller, why));
        if (revealed.isEmpty()) {
            return Pages.notFound();
        }
        return new ModelAndView("warnings/detail :: revealed", Map.of("revealed", revealed.get()));
    }
}
