package io.purseguard.shell;

import io.purseguard.identity.Role;
import io.purseguard.identity.UserAccounts;
import io.purseguard.jurisdiction.Unit;
import io.purseguard.jurisdiction.Units;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * What an administrator fills in for a new user or API token (the same on the page and in the API),
 * and the rules beyond the fields' shape: the scope's unit must exist and be of the role's level,
 * the username must be free. Identity enforces the same rules again; checking here first lets the
 * form say which field is wrong. Identity cannot check units itself: jurisdiction depends on it.
 */
@Component
class AdminForms {

    static final int DISPLAY_NAME_MAX = 60;
    static final int TOKEN_NAME_MAX = 80;

    /** A new user. The password's length is checked by {@link UserAccounts#acceptablePassword(String)}. */
    public record NewUser(
            @NotBlank(message = "{admin.error.required}")
            @Pattern(regexp = UserAccounts.USERNAME_PATTERN, message = "{admin.error.username}")
            String username,

            @NotBlank(message = "{admin.error.required}")
            @Size(max = DISPLAY_NAME_MAX, message = "{admin.error.displayName}")
            String displayName,

            @NotNull(message = "{admin.error.password}") String password,
            @NotNull(message = "{admin.error.role}") Role role,
            String scopeCode) {

        static NewUser blank() {
            return new NewUser(null, null, null, null, null);
        }
    }

    /** A new API token for a machine client. */
    public record NewToken(
            @NotBlank(message = "{admin.error.required}")
            @Size(max = TOKEN_NAME_MAX, message = "{admin.error.tokenName}")
            String name,

            @NotNull(message = "{admin.error.role}") Role role,
            String scopeCode) {

        static NewToken blank() {
            return new NewToken(null, null, null);
        }
    }

    /** A scope as the tables show it: the unit's name and code; null for roles that see no people. */
    public record ScopeLabel(String name, String code) {}

    private final Units units;
    private final UserAccounts users;

    AdminForms(Units units, UserAccounts users) {
        this.units = units;
        this.users = users;
    }

    /**
     * Checks what the field annotations cannot, adding to {@code errors} (which already holds the
     * annotations' findings).
     *
     * @return the scope, if the form passed every check
     */
    Optional<Scope> check(NewUser form, Errors errors) {
        if (form.username() != null && !errors.hasFieldErrors("username") && users.exists(form.username())) {
            errors.rejectValue("username", "admin.error.username.taken", "username is taken");
        }
        if (!errors.hasFieldErrors("password") && !UserAccounts.acceptablePassword(form.password())) {
            errors.rejectValue("password", "admin.error.password", "password too short or too long");
        }
        var scope = scope(form.role(), form.scopeCode(), errors);
        return errors.hasErrors() ? Optional.empty() : scope;
    }

    /** As {@link #check(NewUser, Errors)}, for a token. */
    Optional<Scope> check(NewToken form, Errors errors) {
        var scope = scope(form.role(), form.scopeCode(), errors);
        return errors.hasErrors() ? Optional.empty() : scope;
    }

    /** Someone took the username between the check and the insert: say so on the field. */
    static void usernameTaken(Errors errors) {
        errors.rejectValue("username", "admin.error.username.taken", "username is taken");
    }

    /** The unit code, trimmed and upper-cased (station codes carry a {@code P}); null if blank. */
    private static String code(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * The scope a role and a typed unit code stand for: the code must name a unit of exactly the
     * role's level, and roles that see no people take no code.
     */
    private Optional<Scope> scope(Role role, String typed, Errors errors) {
        if (role == null) {
            return Optional.empty(); // already rejected: the level is unknown
        }
        var code = code(typed);
        var level = role.scopeLevel();
        if (level == null) {
            if (code != null) {
                errors.rejectValue("scopeCode", "admin.error.scope.notAllowed", "this role takes no scope");
                return Optional.empty();
            }
            return Optional.of(Scope.none());
        }
        if (code == null) {
            errors.rejectValue(
                    "scopeCode", "admin.error.scope.required", new Object[] {kindName(level)}, "a scope is required");
            return Optional.empty();
        }
        var unit = units.find(code, Scope.city());
        if (unit.isEmpty()) {
            errors.rejectValue("scopeCode", "admin.error.scope.unknown", new Object[] {code}, "no such unit");
            return Optional.empty();
        }
        if (unit.get().kind() != level) {
            errors.rejectValue(
                    "scopeCode",
                    "admin.error.scope.kind",
                    new Object[] {code, kindName(unit.get().kind()), kindName(level)},
                    "the unit is not of the role's level");
            return Optional.empty();
        }
        return Optional.of(Scope.of(level, code));
    }

    /** Labels for the given scopes (one query for all of them), as a function of the scope. */
    Function<Scope, ScopeLabel> labeller(Collection<Scope> scopes) {
        var names = units.names(scopes.stream()
                .filter(s -> s.seesPeople() && s.kind() != UnitKind.CITY)
                .map(Scope::code)
                .distinct()
                .toList());
        var city = scopes.stream().anyMatch(s -> s.kind() == UnitKind.CITY)
                ? units.list(UnitKind.CITY, Scope.city()).stream().findFirst()
                : Optional.<Unit>empty();
        return scope -> {
            if (!scope.seesPeople()) {
                return null;
            }
            if (scope.kind() == UnitKind.CITY) {
                return city.map(c -> new ScopeLabel(c.name(), c.code())).orElse(null);
            }
            return new ScopeLabel(names.getOrDefault(scope.code(), scope.code()), scope.code());
        };
    }

    /** Units to pick a scope from, top down; grids (hundreds) are typed by code. */
    List<Unit> pickable() {
        return units.list(Scope.city()).stream()
                .filter(u -> u.kind() != UnitKind.GRID)
                .toList();
    }

    private static DefaultMessageSourceResolvable kindName(UnitKind kind) {
        return new DefaultMessageSourceResolvable(new String[] {"unitKind." + kind.name()}, kind.name());
    }
}
