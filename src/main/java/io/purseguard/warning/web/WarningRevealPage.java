package io.purseguard.warning.web;

import io.purseguard.identity.Caller;
import io.purseguard.platform.web.Pages;
import io.purseguard.warning.WarningReveal;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The warning page's reveal: the full identifiers swapped into the page by htmx, with the reason
 * given. Audited by {@link WarningReveal}; a role that may not reveal gets 403 (audited too).
 */
@Controller
class WarningRevealPage {

    private final WarningReveal reveals;

    WarningRevealPage(WarningReveal reveals) {
        this.reveals = reveals;
    }

    @PostMapping("/warnings/{id}/reveal")
    ModelAndView reveal(Caller caller, @PathVariable String id, @RequestParam(required = false) String reason) {
        try {
            var revealed = Pages.uuid(id).flatMap(uuid -> reveals.reveal(uuid, caller, reason));
            if (revealed.isEmpty()) {
                return Pages.notFound();
            }
            return new ModelAndView("warnings/detail :: revealed", Map.of("revealed", revealed.get()));
        } catch (WarningReveal.ReasonRefused e) {
            // answered as a form's message in place (htmx swaps no error answers); nothing was revealed
            return new ModelAndView("warnings/detail :: revealReason");
        }
    }
}
