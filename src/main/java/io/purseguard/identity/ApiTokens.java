package io.purseguard.identity;

import io.purseguard.scope.Scope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for machine clients (the provincial platform, a bank's gateway, scripts). A token is
 * shown once when issued; only its SHA-256 is stored. A fast hash is right here: tokens are 256
 * random bits, not guessable passwords.
 */
@Service
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final IdentityProperties properties;

    ApiTokens(JdbcClient jdbc, Clock clock, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** Issues a new token and returns it; it cannot be read back later. */
    @Transactional
    public String issue(String name, Role role, Scope scope) {
        UserAccounts.checkScopeFits(role, scope);
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var token = "pg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        INSERT INTO identity.api_token (id, name, token_hash, role, scope_kind, scope_code, created_at)
                        VALUES (:id, :name, :hash, :role, :kind, :code, :now)
                        """)
                .param("id", UUID.randomUUID())
                .param("name", name)
                .param("hash", Sha256.hex(token))
                .param("role", role.name())
                .param("kind", ScopeColumns.kindOf(scope))
                .param("code", scope.code())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return token;
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
