package io.purseguard.shell;

import io.purseguard.identity.ApiToken;
import io.purseguard.identity.ApiTokens;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.identity.UserAccount;
import io.purseguard.identity.UserAccounts;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import io.purseguard.shell.AdminForms.NewToken;
import io.purseguard.shell.AdminForms.NewUser;
import io.purseguard.shell.AdminForms.ScopeLabel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Users and API tokens for scripts and provisioning. The same forms and rules as the pages: a field
 * that breaks a rule (its shape, a unit that does not exist or is of the wrong level, a username
 * taken) is a 400 problem listing every such field at once.
 */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Administration 管理", description = "Users and API tokens; administrator role only; every change is audited")
class AdminApi {

    private final UserAccounts users;
    private final ApiTokens tokens;
    private final AdminForms forms;

    AdminApi(UserAccounts users, ApiTokens tokens, AdminForms forms) {
        this.users = users;
        this.tokens = tokens;
        this.forms = forms;
    }

    @GetMapping("/users")
    @Operation(summary = "Every user, by username (never a password hash)")
    List<UserJson> users() {
        var all = users.list();
        var label = forms.labeller(all.stream().map(UserAccount::scope).toList());
        return all.stream().map(u -> UserJson.of(u, label)).toList();
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Creates a user who can sign in at once",
            description = "scopeCode names a unit of the role's level (a station officer: a police station; "
                    + "the city centre: the city) and is left out for roles that see no residents. "
                    + "The password needs 8 characters or more (at most 72 bytes).")
    UserJson create(Caller caller, @Valid @RequestBody NewUser form, BindingResult errors) throws BindException {
        var scope = forms.check(form, errors);
        if (scope.isEmpty()) {
            throw new BindException(errors);
        }
        try {
            users.register(
                    form.username(), form.password(), form.displayName().strip(), form.role(), scope.get(), caller);
        } catch (DuplicateKeyException e) {
            AdminForms.usernameTaken(errors);
            throw new BindException(errors);
        }
        var created = users.find(form.username()).orElseThrow();
        return UserJson.of(created, forms.labeller(List.of(created.scope())));
    }

    @GetMapping("/tokens")
    @Operation(summary = "Every token issued, revoked ones too, newest first (never the token or its hash)")
    List<TokenJson> tokens() {
        var all = tokens.list();
        var label = forms.labeller(all.stream().map(ApiToken::scope).toList());
        return all.stream().map(t -> TokenJson.of(t, label)).toList();
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Issues a token; the answer carries it this once",
            description = "Only the token's SHA-256 is stored: keep the token from this answer, it cannot be "
                    + "read back. Clients send it as Authorization: Bearer <token>.")
    IssuedTokenJson issue(Caller caller, @Valid @RequestBody NewToken form, BindingResult errors) throws BindException {
        var scope = forms.check(form, errors);
        if (scope.isEmpty()) {
            throw new BindException(errors);
        }
        var issued = tokens.issue(form.name().strip(), form.role(), scope.get(), caller);
        var token = tokens.find(issued.id()).orElseThrow();
        return new IssuedTokenJson(TokenJson.of(token, forms.labeller(List.of(token.scope()))), issued.token());
    }

    @PostMapping("/tokens/{id}/revoke")
    @Operation(summary = "Revokes a token: it is refused (401) from now on; revoking it again changes nothing")
    TokenJson revoke(Caller caller, @PathVariable UUID id) {
        if (!tokens.revoke(id, caller)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No token " + id);
        }
        var token = tokens.find(id).orElseThrow();
        return TokenJson.of(token, forms.labeller(List.of(token.scope())));
    }

    /** A scope: the unit's kind, code and name; absent for roles that see no residents. */
    record ScopeJson(UnitKind kind, String code, String name) {

        static ScopeJson of(Scope scope, Function<Scope, ScopeLabel> label) {
            var l = label.apply(scope);
            return l == null ? null : new ScopeJson(scope.kind(), l.code(), l.name());
        }
    }

    record UserJson(
            String username, String displayName, Role role, ScopeJson scope, boolean enabled, Instant createdAt) {

        static UserJson of(UserAccount u, Function<Scope, ScopeLabel> label) {
            return new UserJson(
                    u.username(),
                    u.displayName(),
                    u.role(),
                    ScopeJson.of(u.scope(), label),
                    u.enabled(),
                    u.createdAt());
        }
    }

    record TokenJson(
            UUID id, String name, Role role, ScopeJson scope, Instant createdAt, Instant revokedAt, boolean active) {

        static TokenJson of(ApiToken t, Function<Scope, ScopeLabel> label) {
            return new TokenJson(
                    t.id(),
                    t.name(),
                    t.role(),
                    ScopeJson.of(t.scope(), label),
                    t.createdAt(),
                    t.revokedAt(),
                    t.active());
        }
    }

    /** A token just issued: its listing and, this once, the token itself. */
    record IssuedTokenJson(
            UUID id,
            String name,
            Role role,
            ScopeJson scope,
            Instant createdAt,

            @Schema(description = "The bearer token; shown only in this answer")
            String token) {

        IssuedTokenJson(TokenJson t, String token) {
            this(t.id(), t.name(), t.role(), t.scope(), t.createdAt(), token);
        }
    }
}
