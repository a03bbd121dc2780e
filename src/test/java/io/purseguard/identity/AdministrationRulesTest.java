package io.purseguard.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.purseguard.PurseguardTest;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** What identity itself enforces, whichever page or API calls it. */
@PurseguardTest
class AdministrationRulesTest {

    static final Caller ADMIN = new Caller("admin", "系统管理员", Role.ADMIN, Scope.none());
    static final Caller CENTER = new Caller("center", "澄川市反诈中心", Role.CITY_CENTER, Scope.city());

    @Autowired
    UserAccounts users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long audited(String action, String targetId) {
        return jdbc.sql("SELECT count(*) FROM identity.audit_entry WHERE action = :a AND target_id = :t")
                .param("a", action)
                .param("t", targetId)
                .query(Long.class)
                .single();
    }

    @Test
    void a_password_needs_eight_characters_and_at_most_72_bytes() {
        assertThat(UserAccounts.acceptablePassword(null)).isFalse();
        assertThat(UserAccounts.acceptablePassword("1234567")).isFalse();
        assertThat(UserAccounts.acceptablePassword("12345678")).isTrue();
        assertThat(UserAccounts.acceptablePassword("反诈反诈反诈反诈"))
                .as("8 characters, 24 bytes")
                .isTrue();
        assertThat(UserAccounts.acceptablePassword("密".repeat(24)))
                .as("72 bytes")
                .isTrue();
        assertThat(UserAccounts.acceptablePassword("密".repeat(25)))
                .as("75 bytes: BCrypt would ignore the rest")
                .isFalse();
    }

    @Test
    void only_an_administrator_may_change_users_or_tokens() {
        var username = unique("refused");
        assertThatThrownBy(() -> users.register(username, "long-enough", "x", Role.AUDITOR, Scope.none(), CENTER))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(users.exists(username)).isFalse();
        assertThatThrownBy(() -> users.setEnabled("station", false, CENTER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.resetPassword("station", "long-enough", CENTER))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tokens.issue("x", Role.ADMIN, Scope.none(), CENTER))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tokens.revoke(UUID.randomUUID(), CENTER)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_rules_of_a_new_user_hold_without_the_form() {
        assertThatThrownBy(() -> users.register("Bad Name", "long-enough", "x", Role.AUDITOR, Scope.none(), ADMIN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> users.register(unique("short"), "short", "x", Role.AUDITOR, Scope.none(), ADMIN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> users.register(
                        unique("grid"),
                        "long-enough",
                        "x",
                        Role.STATION_OFFICER,
                        Scope.of(UnitKind.GRID, "32990110120101"),
                        ADMIN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nobody_disables_themselves_and_a_change_to_the_same_state_records_nothing() {
        assertThatThrownBy(() -> users.setEnabled("admin", false, ADMIN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(users.caller("admin")).isPresent();

        var username = unique("steady");
        users.register(username, "long-enough", "x", Role.AUDITOR, Scope.none(), ADMIN);
        assertThat(users.setEnabled(username, true, ADMIN)).isTrue();
        assertThat(audited("USER_ENABLED", username)).isZero();
        assertThat(users.setEnabled(username, false, ADMIN)).isTrue();
        assertThat(users.setEnabled(username, false, ADMIN)).isTrue();
        assertThat(audited("USER_DISABLED", username)).isEqualTo(1);
        assertThat(users.caller(username)).isEmpty();
        assertThat(users.find(username).orElseThrow().enabled()).isFalse();
    }

    @Test
    void unknown_users_and_tokens_are_reported_not_invented() {
        assertThat(users.setEnabled(unique("nobody"), false, ADMIN)).isFalse();
        assertThat(users.resetPassword(unique("nobody"), "long-enough", ADMIN)).isFalse();
        assertThat(tokens.revoke(UUID.randomUUID(), ADMIN)).isFalse();
        assertThat(tokens.find(UUID.randomUUID())).isEmpty();
    }
}
