package io.purseguard.notification.web;

import io.purseguard.identity.Caller;
import io.purseguard.identity.Masking;
import io.purseguard.identity.Role;
import io.purseguard.notification.sms.SmsSimulator;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * 短信模拟器: what the local SMS simulator received, newest first, with the numbers masked, so that a
 * demo shows what would have been texted. For the administrator and the city center; absent (404)
 * when a real gateway is configured. The simulator's receiving end is {@link SimulatorEndpoint}.
 */
@Controller
class SimulatorPages {

    private final SmsSimulator simulator;
    private final Times times;

    SimulatorPages(SmsSimulator simulator, @Value("${purseguard.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.simulator = simulator;
        this.times = new Times(zone);
    }

    /** A message as the page shows it: the number masked. */
    public record Shown(String id, Instant at, String to, String text, String ref) {}

    /** Whether the inbox links here for this caller. */
    static boolean mayOpen(Caller caller, SmsSimulator simulator) {
        return simulator.active() && (caller.role() == Role.ADMIN || caller.role() == Role.CITY_CENTER);
    }

    @GetMapping("/simulators/sms")
    @PreAuthorize("hasAnyRole('ADMIN', 'CITY_CENTER')")
    ModelAndView messages() {
        if (!simulator.active()) {
            return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
        }
        var shown = simulator.recent().stream()
                .map(r -> new Shown(r.id(), r.at(), Masking.phone(r.to()), r.text(), r.ref()))
                .toList();
        return new ModelAndView("simulators/sms", Map.of("messages", shown, "times", times));
    }
}
