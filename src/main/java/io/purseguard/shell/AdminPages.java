package io.purseguard.shell;

import io.purseguard.identity.ApiToken;
import io.purseguard.identity.ApiTokens;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.identity.SignInLocks;
import io.purseguard.identity.SignInLocks.Kind;
import io.purseguard.identity.UserAccount;
import io.purseguard.identity.UserAccounts;
import io.purseguard.shell.AdminForms.NewToken;
import io.purseguard.shell.AdminForms.NewUser;
import io.purseguard.shell.AdminForms.ScopeLabel;
import jakarta.validation.Valid;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 管理: users (create, disable and enable, reset a password) and API tokens (issue, revoke), for
 * the administrator only. Plain forms that post and redirect (the outcome travels as a flash
 * message), so a reload never repeats an action; a form with mistakes is shown again with a message
 * next to each wrong field and nothing saved. Every change is audited by identity.
 */
@Controller
@RequestMapping("/admin")
@PreAuthorize("hasRole('ADMIN')")
class AdminPages {

    private final UserAccounts users;
    private final ApiTokens tokens;
    private final AdminForms forms;
    private final SignInLocks locks;
    private final ZoneId zone;

    AdminPages(
            UserAccounts users,
            ApiTokens tokens,
            AdminForms forms,
            SignInLocks locks,
            @Value("${purseguard.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.users = users;
        this.tokens = tokens;
        this.forms = forms;
        this.locks = locks;
        this.zone = zone;
    }

    /**
     * A user in the table: their scope's label (null: none), when they were created and until when
     * their sign-in is locked (null: it is not), local times.
     */
    public record UserRow(
            UserAccount user, ScopeLabel scope, ZonedDateTime created, boolean self, ZonedDateTime lockedUntil) {}

    /** A sign-in lock in force: on an account or an address, until a local time. */
    public record LockRow(Kind kind, String key, ZonedDateTime until) {}

    /** A token in the table, with local times. */
    public record TokenRow(ApiToken token, ScopeLabel scope, ZonedDateTime created, ZonedDateTime revoked) {}

    /** What the last action did, shown once after the redirect: a message key and its one argument. */
    public record Notice(String key, String argument, boolean error) implements Serializable {}

    /** A token just issued, shown once after the redirect; it is not kept anywhere else. */
    public record Issued(String name, String token) implements Serializable {}

    @GetMapping
    String index() {
        return "redirect:/admin/users";
    }

    @GetMapping("/users")
    String users(Caller caller, Model model) {
        model.addAttribute("form", NewUser.blank());
        return usersPage(caller, model);
    }

    @PostMapping("/users")
    ModelAndView create(
            Caller caller,
            @Valid @ModelAttribute("form") NewUser form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var scope = forms.check(form, errors);
        if (scope.isPresent()) {
            try {
                users.register(
                        form.username(), form.password(), form.displayName().strip(), form.role(), scope.get(), caller);
                redirect.addFlashAttribute("notice", new Notice("admin.users.created", form.username(), false));
                return new ModelAndView("redirect:/admin/users");
            } catch (DuplicateKeyException e) {
                AdminForms.usernameTaken(errors);
            }
        }
        return new ModelAndView(usersPage(caller, model), model.asMap(), HttpStatus.BAD_REQUEST);
    }

    @PostMapping("/users/{username}/disable")
    ModelAndView disable(Caller caller, @PathVariable String username, RedirectAttributes redirect) {
        if (caller.name().equals(username)) {
            return back("/admin/users", new Notice("admin.users.selfDisableRefused", username, true), redirect);
        }
        if (!users.setEnabled(username, false, caller)) {
            return notFound();
        }
        return back("/admin/users", new Notice("admin.users.disabledNotice", username, false), redirect);
    }

    @PostMapping("/users/{username}/enable")
    ModelAndView enable(Caller caller, @PathVariable String username, RedirectAttributes redirect) {
        if (!users.setEnabled(username, true, caller)) {
            return notFound();
        }
        return back("/admin/users", new Notice("admin.users.enabledNotice", username, false), redirect);
    }

    @PostMapping("/users/{username}/password")
    ModelAndView resetPassword(
            Caller caller,
            @PathVariable String username,
            @RequestParam(defaultValue = "") String password,
            RedirectAttributes redirect) {
        if (!UserAccounts.acceptablePassword(password)) {
            return back("/admin/users", new Notice("admin.users.passwordRefused", username, true), redirect);
        }
        if (!users.resetPassword(username, password, caller)) {
            return notFound();
        }
        return back("/admin/users", new Notice("admin.users.passwordReset", username, false), redirect);
    }

    /** Lifts a sign-in lock on an account or an address (audited by identity). */
    @PostMapping("/sign-in-locks/unlock")
    ModelAndView unlock(Caller caller, @RequestParam Kind kind, @RequestParam String key, RedirectAttributes redirect) {
        if (!locks.unlock(kind, key, caller)) {
            return back("/admin/users", new Notice("admin.locks.none", key, true), redirect);
        }
        return back("/admin/users", new Notice("admin.locks.unlocked", key, false), redirect);
    }

    @GetMapping("/tokens")
    String tokens(Model model) {
        model.addAttribute("form", NewToken.blank());
        return tokensPage(model);
    }

    @PostMapping("/tokens")
    ModelAndView issue(
            Caller caller,
            @Valid @ModelAttribute("form") NewToken form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var scope = forms.check(form, errors);
        if (scope.isEmpty()) {
            return new ModelAndView(tokensPage(model), model.asMap(), HttpStatus.BAD_REQUEST);
        }
        var name = form.name().strip();
        var issued = tokens.issue(name, form.role(), scope.get(), caller);
        redirect.addFlashAttribute("issued", new Issued(name, issued.token()));
        return new ModelAndView("redirect:/admin/tokens");
    }

    @PostMapping("/tokens/{id}/revoke")
    ModelAndView revoke(Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        var token = tokens.find(id);
        if (token.isEmpty() || !tokens.revoke(id, caller)) {
            return notFound();
        }
        return back(
                "/admin/tokens",
                new Notice("admin.tokens.revokedNotice", token.get().name(), false),
                redirect);
    }

    private String usersPage(Caller caller, Model model) {
        var all = users.list();
        var label = forms.labeller(all.stream().map(UserAccount::scope).toList());
        var inForce = locks.inForce().stream()
                .map(l -> new LockRow(l.kind(), l.key(), local(l.lockedUntil())))
                .toList();
        var lockedAccounts = new HashMap<String, ZonedDateTime>();
        inForce.stream().filter(l -> l.kind() == Kind.ACCOUNT).forEach(l -> lockedAccounts.put(l.key(), l.until()));
        model.addAttribute(
                "rows",
                all.stream()
                        .map(u -> new UserRow(
                                u,
                                label.apply(u.scope()),
                                local(u.createdAt()),
                                u.username().equals(caller.name()),
                                lockedAccounts.get(u.username())))
                        .toList());
        model.addAttribute("locks", inForce);
        model.addAttribute("roles", Role.values());
        model.addAttribute("units", forms.pickable());
        return "admin/users";
    }

    private String tokensPage(Model model) {
        var all = tokens.list();
        var label = forms.labeller(all.stream().map(ApiToken::scope).toList());
        model.addAttribute(
                "rows",
                all.stream()
                        .map(t -> new TokenRow(t, label.apply(t.scope()), local(t.createdAt()), local(t.revokedAt())))
                        .toList());
        model.addAttribute("roles", Role.values());
        model.addAttribute("units", forms.pickable());
        return "admin/tokens";
    }

    private ZonedDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(zone);
    }

    private static ModelAndView back(String page, Notice notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", notice);
        return new ModelAndView("redirect:" + page);
    }

    private static ModelAndView notFound() {
        return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
    }
}
