package io.purseguard.identity.web;

import io.purseguard.identity.Role;
import io.purseguard.identity.UserAccounts;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 登录: the sign-in form; Spring Security handles the POST. */
@Controller
class SignInPages {

    /**
     * The demo city's sign-ins (see {@code io.purseguard.demo.DemoAccounts}, which this module may
     * not depend on: the demo creates its accounts through identity), shown as a hint in demo mode.
     */
    static final List<DemoHint> DEMO_ACCOUNTS = List.of(
            new DemoHint("center", Role.CITY_CENTER),
            new DemoHint("district", Role.DISTRICT_CENTER),
            new DemoHint("station", Role.STATION_OFFICER),
            new DemoHint("station2", Role.STATION_OFFICER),
            new DemoHint("grid", Role.GRID_WORKER),
            new DemoHint("township", Role.TOWNSHIP_HEAD),
            new DemoHint("bank", Role.BANK_LIAISON),
            new DemoHint("auditor", Role.AUDITOR),
            new DemoHint("admin", Role.ADMIN));

    static final String DEMO_PASSWORD = "demo123";

    public record DemoHint(String username, Role role) {}

    private final boolean demo;
    private final UserAccounts accounts;

    SignInPages(@Value("${purseguard.demo.enabled:false}") boolean demo, UserAccounts accounts) {
        this.demo = demo;
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login(Authentication authentication, Model model) {
        if (authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        model.addAttribute("demo", demo);
        if (demo) {
            model.addAttribute("demoAccounts", DEMO_ACCOUNTS);
            model.addAttribute("demoPassword", DEMO_PASSWORD);
            // on the first start the page answers while the city is still being generated; its accounts
            // arrive with it, in one transaction, so one of them tells whether the others exist yet
            model.addAttribute(
                    "demoPreparing", !accounts.exists(DEMO_ACCOUNTS.get(0).username()));
        }
        return "login";
    }
}
