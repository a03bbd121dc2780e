package io.purseguard.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 登录限制: after {@value #LIMIT} failed sign-ins for one account, or from one address, within
 * {@link #WINDOW}, every further try on that account or from that address is refused for
 * {@link #LOCK}, the right password too. The state is in {@code identity.sign_in_throttle}, so it
 * holds on every node and across restarts; the time is the injected clock. Locks, refused tries and
 * unlocks are audited.
 */
@Service
public class SignInLocks {

    /** Failures within the window that lock. */
    public static final int LIMIT = 5;
    /** How far back failures count. */
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** How long a lock holds. */
    public static final Duration LOCK = Duration.ofMinutes(15);

    /** A key longer than this is cut: the form accepts any text as a user name. */
    static final int KEY_LENGTH = 100;

    /** What a lock is on. */
    public enum Kind {
        ACCOUNT,
        ADDRESS
    }

    /** A lock in force: on an account or an address, until a moment. */
    public record SignInLock(Kind kind, String key, Instant lockedUntil) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail trail;

    SignInLocks(JdbcClient jdbc, Clock clock, AuditTrail trail) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.trail = trail;
    }

    /** The lock that refuses a try on this account from this address now (the account's first), or none. */
    @Transactional(readOnly = true)
    public Optional<SignInLock> refusing(String account, String address) {
        var now = clock.instant();
        return lock(Kind.ACCOUNT, account, now).or(() -> lock(Kind.ADDRESS, address, now));
    }

    /** Writes a refused try to the audit trail. */
    @Transactional
    public void refused(String account, SignInLock lock) {
        trail.record(
                key(account),
                "SIGN_IN_REFUSED",
                "user",
                key(account),
                lock.kind() + " " + lock.key() + " locked until " + lock.lockedUntil());
    }

    /** Counts a failed sign-in against the account and the address; the one that reaches the limit locks. */
    @Transactional
    public void failed(String account, String address) {
        failed(Kind.ACCOUNT, account, account);
        if (address != null) {
            failed(Kind.ADDRESS, address, account);
        }
    }

    /** A successful sign-in forgets the account's earlier failures (not the address's). */
    @Transactional
    public void succeeded(String account) {
        jdbc.sql("""
                        DELETE FROM identity.sign_in_throttle
                        WHERE kind = 'ACCOUNT' AND key = :key AND (locked_until IS NULL OR locked_until <= :now)
                        """)
                .param("key", key(account))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** The locks in force now, the latest to end first. */
    @Transactional(readOnly = true)
    public List<SignInLock> inForce() {
        return jdbc.sql("""
                        SELECT kind, key, locked_until FROM identity.sign_in_throttle
                        WHERE locked_until > :now ORDER BY locked_until DESC, kind, key
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> new SignInLock(
                        Kind.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** Lifts a lock in force (audited); false when there is none on that key. */
    @Transactional
    public boolean unlock(Kind kind, String key, Caller by) {
        var lifted = jdbc.sql("""
                        UPDATE identity.sign_in_throttle SET locked_until = NULL, failures = '{}'
                        WHERE kind = :kind AND key = :key AND locked_until > :now
                        """)
                .param("kind", kind.name())
                .param("key", key(key))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (lifted == 0) {
            return false;
        }
        trail.record(by.name(), "SIGN_IN_UNLOCKED", targetType(kind), key(key), null);
        return true;
    }

    /** Rows with no lock in force and no failure inside the window say nothing; any node may drop them. */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 600_000)
    @Transactional
    public int forgetStale() {
        var now = clock.instant();
        return jdbc.sql("""
                        DELETE FROM identity.sign_in_throttle
                        WHERE (locked_until IS NULL OR locked_until <= :now)
                          AND (cardinality(failures) = 0 OR failures[cardinality(failures)] <= :since)
                        """)
                .param("now", Timestamp.from(now))
                .param("since", Timestamp.from(now.minus(WINDOW)))
                .update();
    }

    private Optional<SignInLock> lock(Kind kind, String key, Instant now) {
        if (key == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT locked_until FROM identity.sign_in_throttle
                        WHERE kind = :kind AND key = :key AND locked_until > :now
                        """)
                .param("kind", kind.name())
                .param("key", key(key))
                .param("now", Timestamp.from(now))
                .query((rs, i) ->
                        new SignInLock(kind, key(key), rs.getTimestamp(1).toInstant()))
                .optional();
    }

    private void failed(Kind kind, String rawKey, String account) {
        var key = key(rawKey);
        var now = clock.instant();
        jdbc.sql("INSERT INTO identity.sign_in_throttle (kind, key) VALUES (:kind, :key) ON CONFLICT DO NOTHING")
                .param("kind", kind.name())
                .param("key", key)
                .update();
        // the UPDATE holds the row until commit: a failure on another node waits and then counts this one
        var counted = jdbc.sql("""
                        UPDATE identity.sign_in_throttle
                        SET failures = ARRAY(SELECT f FROM unnest(failures || CAST(:now AS timestamptz)) f
                                             WHERE f > :since ORDER BY f)
                        WHERE kind = :kind AND key = :key
                        RETURNING cardinality(failures) AS n, locked_until > :now AS locked
                        """)
                .param("kind", kind.name())
                .param("key", key)
                .param("now", Timestamp.from(now))
                .param("since", Timestamp.from(now.minus(WINDOW)))
                .query((rs, i) -> rs.getInt("n") >= LIMIT && !rs.getBoolean("locked"))
                .single();
        if (counted) {
            var until = now.plus(LOCK);
            // the failures that locked are spent: after the lock one more mistake does not lock again
            jdbc.sql("""
                            UPDATE identity.sign_in_throttle SET locked_until = :until, failures = '{}'
                            WHERE kind = :kind AND key = :key
                            """)
                    .param("kind", kind.name())
                    .param("key", key)
                    .param("until", Timestamp.from(until))
                    .update();
            trail.record(
                    key(account),
                    "SIGN_IN_LOCKED",
                    targetType(kind),
                    key,
                    LIMIT + " failures within " + WINDOW.toMinutes() + " min; locked until " + until);
        }
    }

    private static String targetType(Kind kind) {
        return kind == Kind.ACCOUNT ? "user" : "address";
    }

    /** What is stored for a user name or address: no control characters (PostgreSQL refuses NUL), at most 100. */
    static String key(String raw) {
        var clean = String.valueOf(raw).replaceAll("\\p{Cntrl}", "");
        return clean.length() > KEY_LENGTH ? clean.substring(0, KEY_LENGTH) : clean;
    }
}
