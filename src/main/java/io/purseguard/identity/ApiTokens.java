package io.purseguard.identity;

import io.purseguard.scope.Scope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for machine clients (the provincial platform, a bank's gateway, scripts). A token is
 * shown once when issued; only its SHA-256 is stored. A fast hash is right here: tokens are 256
 * random bits, not guessable passwords. What an administrator does with tokens (issuing, revoking)
 * is written to the audit trail in the same transaction.
 */
@Service
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String SELECT =
            "SELECT id, name, role, scope_kind, scope_code, created_at, revoked_at FROM identity.api_token ";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final IdentityProperties properties;
    private final AuditTrail audit;

    ApiTokens(JdbcClient jdbc, Clock clock, IdentityProperties properties, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.audit = audit;
    }

    /**
     * Issues a new token and returns it; it cannot be read back later. Not audited: for setting up
     * (and tests); an administrator issues through {@link #issue(String, Role, Scope, Caller)}.
     *
     * @throws IllegalArgumentException if the scope is not at the role's level
     */
    @Transactional
    public String issue(String name, Role role, Scope scope) {
        return insert(name, role, scope).token();
    }

    /**
     * An administrator issues a token, recorded as {@code TOKEN_ISSUED} (with its name, role and scope,
     * never the token).
     *
     * @param by the administrator; any other role is refused
     * @throws IllegalArgumentException if the name is blank or the scope is not at the role's level
     */
    @Transactional
    public IssuedToken issue(String name, Role role, Scope scope, Caller by) {
        UserAccounts.requireAdmin(by);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a token needs a name");
        }
        var issued = insert(name.strip(), role, scope);
        audit.record(
                by.name(),
                "TOKEN_ISSUED",
                "token",
                issued.id().toString(),
                "name=" + name.strip() + " role=" + role + " scope=" + scope);
        return issued;
    }

    /** Every token ever issued, revoked ones too, newest first. */
    @Transactional(readOnly = true)
    public List<ApiToken> list() {
        return jdbc.sql(SELECT + "ORDER BY created_at DESC, name")
                .query(ApiTokens::token)
                .list();
    }

    /** One token, revoked or not. */
    @Transactional(readOnly = true)
    public Optional<ApiToken> find(UUID id) {
        return jdbc.sql(SELECT + "WHERE id = :id")
                .param("id", id)
                .query(ApiTokens::token)
                .optional();
    }

    /**
     * An administrator revokes a token: from now on it is refused (401). Recorded as
     * {@code TOKEN_REVOKED}; revoking a token already revoked changes and records nothing.
     *
     * @param by the administrator; any other role is refused
     * @return false if there is no such token
     */
    @Transactional
    public boolean revoke(UUID id, Caller by) {
        UserAccounts.requireAdmin(by);
        var name = jdbc.sql("SELECT name FROM identity.api_token WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
        if (name.isEmpty()) {
            return false;
        }
        int revoked = jdbc.sql("UPDATE identity.api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        if (revoked > 0) {
            audit.record(by.name(), "TOKEN_REVOKED", "token", id.toString(), "name=" + name.get());
        }
        return true;
    }

    private static ApiToken token(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var revoked = rs.getTimestamp("revoked_at");
        return new ApiToken(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                Role.valueOf(rs.getString("role")),
                ScopeColumns.scope(rs.getString("scope_kind"), rs.getString("scope_code")),
                rs.getTimestamp("created_at").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }

    private IssuedToken insert(String name, Role role, Scope scope) {
        UserAccounts.checkScopeFits(role, scope);
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var token = "pg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO identity.api_token (id, name, token_hash, role, scope_kind, scope_code, created_at)
                        VALUES (:id, :name, :hash, :role, :kind, :code, :now)
                        """)
                .param("id", id)
                .param("name", name)
                .param("hash", Sha256.hex(token))
                .param("role", role.name())
                .param("kind", ScopeColumns.kindOf(scope))
                .param("code", scope.code())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return new IssuedToken(id, token);
    }

    /** The caller a presented token stands for, unless unknown or revoked. */
    @Transactional(readOnly = true)
    public Optional<Caller> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        var bootstrap = properties.bootstrapToken();
        if (bootstrap != null
                && !bootstrap.isBlank()
                && MessageDigest.isEqual(
                        bootstrap.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(new Caller("bootstrap-token", "Bootstrap token", Role.CITY_CENTER, Scope.city()));
        }
        return jdbc.sql("""
                        SELECT name, role, scope_kind, scope_code FROM identity.api_token
                        WHERE token_hash = :hash AND revoked_at IS NULL
                        """)
                .param("hash", Sha256.hex(token))
                .query((rs, i) -> new Caller(
                        "token:" + rs.getString("name"),
                        rs.getString("name"),
                        Role.valueOf(rs.getString("role")),
                        ScopeColumns.scope(rs.getString("scope_kind"), rs.getString("scope_code"))))
                .optional();
    }
}
