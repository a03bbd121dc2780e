package io.purseguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.PurseguardTest;
import io.purseguard.identity.SignInLocks.Kind;
import io.purseguard.scope.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 登录限制 as a policy over time, on the real table, with a clock the test moves: five failures in
 * fifteen minutes lock for fifteen minutes, older failures fall out of the window, and a lock on an
 * account or an address holds until it ends or an administrator lifts it. Keys are unique per test
 * (the database is shared).
 */
@PurseguardTest
class SignInLocksTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail trail;

    MovableClock clock;
    SignInLocks locks;
    String account;
    String address;

    @BeforeEach
    void fresh() {
        clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        locks = new SignInLocks(jdbc, clock, trail);
        var id = UUID.randomUUID().toString().substring(0, 8);
        account = "locks-" + id;
        address = "198.51.100." + (1 + Math.floorMod(id.hashCode(), 250)) + "-" + id;
    }

    private void fail(int times, String account, String address) {
        for (int i = 0; i < times; i++) {
            locks.failed(account, address);
            clock.advance(Duration.ofSeconds(20));
        }
    }

    private long audited(String action, String target) {
        return jdbc.sql("SELECT count(*) FROM identity.audit_entry WHERE action = :a AND target_id = :t")
                .param("a", action)
                .param("t", target)
                .query(Long.class)
                .single();
    }

    @Test
    void five_failures_lock_the_account_for_fifteen_minutes_and_then_it_is_free() {
        fail(4, account, null);
        assertThat(locks.refusing(account, null)).isEmpty();

        fail(1, account, null);
        var lock = locks.refusing(account, "192.0.2.200").orElseThrow();
        assertThat(lock.kind()).isEqualTo(Kind.ACCOUNT);
        assertThat(audited("SIGN_IN_LOCKED", account)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(14));
        assertThat(locks.refusing(account, null)).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(locks.refusing(account, null)).isEmpty();

        // the failures that locked are spent: one more mistake afterwards does not lock again
        fail(1, account, null);
        assertThat(locks.refusing(account, null)).isEmpty();
    }

    @Test
    void failures_older_than_fifteen_minutes_do_not_count() {
        fail(3, account, null);
        clock.advance(Duration.ofMinutes(15));
        fail(4, account, null);
        assertThat(locks.refusing(account, null)).isEmpty();
        fail(1, account, null);
        assertThat(locks.refusing(account, null)).isPresent();
    }

    @Test
    void five_failures_from_one_address_lock_every_account_tried_from_it() {
        for (int i = 0; i < 5; i++) {
            assertThat(locks.refusing(account + i, address)).isEmpty();
            locks.failed(account + i, address);
        }
        var lock = locks.refusing("someone-else", address).orElseThrow();
        assertThat(lock.kind()).isEqualTo(Kind.ADDRESS);
        assertThat(locks.refusing("someone-else", "192.0.2.201")).isEmpty();
        assertThat(audited("SIGN_IN_LOCKED", address)).isEqualTo(1);
    }

    @Test
    void an_administrator_lifts_a_lock_and_the_unlock_is_audited() {
        var admin = new Caller("admin", "管理员", Role.ADMIN, Scope.none());
        fail(5, account, null);
        assertThat(locks.inForce()).extracting(SignInLocks.SignInLock::key).contains(account);

        assertThat(locks.unlock(Kind.ACCOUNT, account, admin)).isTrue();
        assertThat(locks.refusing(account, null)).isEmpty();
        assertThat(audited("SIGN_IN_UNLOCKED", account)).isEqualTo(1);
        assertThat(locks.unlock(Kind.ACCOUNT, account, admin))
                .as("nothing left to lift")
                .isFalse();
    }

    @Test
    void a_success_forgets_the_accounts_earlier_failures() {
        fail(4, account, null);
        locks.succeeded(account);
        fail(4, account, null);
        assertThat(locks.refusing(account, null)).isEmpty();
    }

    @Test
    void a_name_with_control_characters_is_stored_without_them() {
        fail(5, account + "\u0000", null);
        assertThat(locks.refusing(account, null)).isPresent();
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
