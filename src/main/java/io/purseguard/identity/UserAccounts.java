package io.purseguard.identity;

import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people who sign in. Passwords are kept as BCrypt hashes only. */
@Service
public class UserAccounts {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Creates a user whose scope must match the role's level (e.g. a station officer's scope is a
     * station).
     *
     * @param staffId the staff member this user is, or null
     */
    @Transactional
    public void create(String username, String rawPassword, String displayName, Role role, Scope scope, UUID staffId) {
        checkScopeFits(role, scope);
        jdbc.sql("""
                        INSERT INTO identity.app_user
                          (username, password_hash, display_name, role, scope_kind, scope_code, staff_id, created_at)
                        VALUES (:username, :hash, :displayName, :role, :scopeKind, :scopeCode, :staffId, :now)
                        """)
                .param("username", username)
                .param("hash", passwords.encode(rawPassword))
                .param("displayName", displayName)
                .param("role", role.name())
                .param("scopeKind", ScopeColumns.kindOf(scope))
                .param("scopeCode", scope.code())
                .param("staffId", staffId)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    public boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM identity.app_user WHERE username = :u")
                        .param("u", username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The caller a user signs in as, if the user exists and is enabled. */
    public Optional<Caller> caller(String username) {
        return jdbc.sql(
                        "SELECT username, display_name, role, scope_kind, scope_code FROM identity.app_user WHERE username = :u AND enabled")
                .param("u", username)
                .query((rs, i) -> new Caller(
                        rs.getString("username"),
                        rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")),
                        ScopeColumns.scope(rs.getString("scope_kind"), rs.getString("scope_code"))))
                .optional();
    }

    static void checkScopeFits(Role role, Scope scope) {
        UnitKind level = role.scopeLevel();
        boolean fits = level == null ? !scope.seesPeople() : level == scope.kind();
        if (!fits) {
            throw new IllegalArgumentException("role " + role + " cannot have scope " + scope);
        }
    }
}
