package io.purseguard.identity;

import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who sign in. Passwords are kept as BCrypt hashes only. What an administrator changes
 * (creating, disabling, enabling a user, resetting a password) is written to the audit trail in the
 * same transaction.
 */
@Service
public class UserAccounts {

    /** What a username may be: 3 to 32 lower-case letters, digits, dots, dashes or underscores. */
    public static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{2,31}";

    /** The shortest password an administrator may set. */
    public static final int MIN_PASSWORD_LENGTH = 8;

    /** The longest password in UTF-8 bytes: BCrypt reads no further, so a longer one is refused. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final String SELECT =
            "SELECT username, display_name, role, scope_kind, scope_code, enabled, created_at FROM identity.app_user ";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final AuditTrail audit;

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Creates a user whose scope must match the role's level (e.g. a station officer's scope is a
     * station). Not audited: this is how the demo city seeds its accounts; an administrator's new user
     * goes through {@link #register}.
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
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * An administrator creates a user, recorded as {@code USER_CREATED}. The rules are those of
     * {@link #create(String, String, String, Role, Scope, UUID)} plus {@link #USERNAME_PATTERN} and
     * {@link #acceptablePassword(String)}.
     *
     * @param by the administrator; any other role is refused
     * @throws IllegalArgumentException if the username, password or scope breaks a rule
     * @throws org.springframework.dao.DuplicateKeyException if the username is taken
     */
    @Transactional
    public void register(String username, String rawPassword, String displayName, Role role, Scope scope, Caller by) {
        requireAdmin(by);
        if (username == null || !username.matches(USERNAME_PATTERN)) {
            throw new IllegalArgumentException("username must match " + USERNAME_PATTERN);
        }
        requireAcceptable(rawPassword);
        create(username, rawPassword, displayName, role, scope, null);
        audit.record(by.name(), "USER_CREATED", "user", username, "role=" + role + " scope=" + scope);
    }

    /** Every user, by username. */
    @Transactional(readOnly = true)
    public List<UserAccount> list() {
        return jdbc.sql(SELECT + "ORDER BY username")
                .query(UserAccounts::account)
                .list();
    }

    /** One user, enabled or not. */
    @Transactional(readOnly = true)
    public Optional<UserAccount> find(String username) {
        return jdbc.sql(SELECT + "WHERE username = :u")
                .param("u", username)
                .query(UserAccounts::account)
                .optional();
    }

    /**
     * An administrator lets a user sign in again, or stops them: a disabled user's sign-in is refused
     * (a session they already have runs on until it ends). A change is recorded as
     * {@code USER_ENABLED} or {@code USER_DISABLED}; setting the state a user already has records
     * nothing.
     *
     * @param by the administrator; any other role is refused, and nobody may disable themselves
     * @return false if there is no such user
     */
    @Transactional
    public boolean setEnabled(String username, boolean enabled, Caller by) {
        requireAdmin(by);
        if (!enabled && by.name().equals(username)) {
            throw new IllegalArgumentException("an administrator cannot disable their own account");
        }
        var current = jdbc.sql("SELECT enabled FROM identity.app_user WHERE username = :u FOR UPDATE")
                .param("u", username)
                .query(Boolean.class)
                .optional();
        if (current.isEmpty()) {
            return false;
        }
        if (current.get() != enabled) {
            jdbc.sql("UPDATE identity.app_user SET enabled = :enabled WHERE username = :u")
                    .param("enabled", enabled)
                    .param("u", username)
                    .update();
            audit.record(by.name(), enabled ? "USER_ENABLED" : "USER_DISABLED", "user", username, null);
        }
        return true;
    }

    /**
     * An administrator sets a new password for a user (who has forgotten theirs), recorded as
     * {@code PASSWORD_RESET}; the password itself is never recorded.
     *
     * @param by the administrator; any other role is refused
     * @return false if there is no such user
     * @throws IllegalArgumentException if the password is not {@link #acceptablePassword(String)
     *     acceptable}
     */
    @Transactional
    public boolean resetPassword(String username, String rawPassword, Caller by) {
        requireAdmin(by);
        requireAcceptable(rawPassword);
        int updated = jdbc.sql("UPDATE identity.app_user SET password_hash = :hash WHERE username = :u")
                .param("hash", passwords.encode(rawPassword))
                .param("u", username)
                .update();
        if (updated == 0) {
            return false;
        }
        audit.record(by.name(), "PASSWORD_RESET", "user", username, null);
        return true;
    }

    /**
     * Whether an administrator may set this password: at least {@value #MIN_PASSWORD_LENGTH}
     * characters and at most {@value #MAX_PASSWORD_BYTES} bytes in UTF-8.
     */
    public static boolean acceptablePassword(String rawPassword) {
        return rawPassword != null
                && rawPassword.codePointCount(0, rawPassword.length()) >= MIN_PASSWORD_LENGTH
                && rawPassword.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
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
                        "SELECT username, display_name, role, scope_kind, scope_code, staff_id FROM identity.app_user WHERE username = :u AND enabled")
                .param("u", username)
                .query((rs, i) -> new Caller(
                        rs.getString("username"),
                        rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")),
                        ScopeColumns.scope(rs.getString("scope_kind"), rs.getString("scope_code")),
                        rs.getObject("staff_id", java.util.UUID.class)))
                .optional();
    }

    private static UserAccount account(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new UserAccount(
                rs.getString("username"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                ScopeColumns.scope(rs.getString("scope_kind"), rs.getString("scope_code")),
                rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static void requireAcceptable(String rawPassword) {
        if (!acceptablePassword(rawPassword)) {
            throw new IllegalArgumentException(
                    "a password needs " + MIN_PASSWORD_LENGTH + " characters to " + MAX_PASSWORD_BYTES + " bytes");
        }
    }

    static void requireAdmin(Caller by) {
        if (by == null || by.role() != Role.ADMIN) {
            throw new AccessDeniedException("only an administrator manages users and tokens");
        }
    }

    static void checkScopeFits(Role role, Scope scope) {
        UnitKind level = role.scopeLevel();
        boolean fits = level == null ? !scope.seesPeople() : level == scope.kind();
        if (!fits) {
            throw new IllegalArgumentException("role " + role + " cannot have scope " + scope);
        }
    }
}
