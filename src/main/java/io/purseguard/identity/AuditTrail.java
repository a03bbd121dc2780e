package io.purseguard.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only, hash-chained record of who did what to which record, when and from where. Each
 * entry's hash covers its own fields and the previous entry's hash, so an edited, deleted or
 * inserted row breaks the chain at that point; {@link #verify()} finds it.
 */
@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Appends an entry in the caller's transaction (so an audited action and its entry commit or
     * roll back together), taking the remote address from the current request if there is one.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public AuditEntry record(String actor, String action, String targetType, String targetId, String detail) {
        // one writer at a time: the chain needs the previous hash
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('identity.audit_entry'))")
                .query()
                .listOfRows();
        var last = jdbc.sql("SELECT seq, hash FROM identity.audit_entry ORDER BY seq DESC LIMIT 1")
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .optional();
        long seq = last.map(r -> (Long) r[0] + 1).orElse(1L);
        String prev = last.map(r -> (String) r[1]).orElse(GENESIS);
        // timestamptz keeps microseconds: hash what the database will give back
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var entry = new AuditEntry(seq, at, actor, action, targetType, targetId, remoteAddress(), detail, prev, null);
        var hashed = withHash(entry, hash(entry));
        jdbc.sql("""
                        INSERT INTO identity.audit_entry
                          (seq, at, actor, action, target_type, target_id, remote_addr, detail, prev_hash, hash)
                        VALUES (:seq, :at, :actor, :action, :targetType, :targetId, :remoteAddr, :detail, :prevHash, :hash)
                        """)
                .param("seq", hashed.seq())
                .param("at", Timestamp.from(hashed.at()))
                .param("actor", hashed.actor())
                .param("action", hashed.action())
                .param("targetType", hashed.targetType())
                .param("targetId", hashed.targetId())
                .param("remoteAddr", hashed.remoteAddr())
                .param("detail", hashed.detail())
                .param("prevHash", hashed.prevHash())
                .param("hash", hashed.hash())
                .update();
        return hashed;
    }

    /** The newest entries first, optionally only those about one target. */
    @Transactional(readOnly = true)
    public List<AuditEntry> recent(String targetType, String targetId, int offset, int limit) {
        var filter = targetType == null ? "" : "WHERE target_type = :type AND target_id = :id ";
        return jdbc.sql("SELECT * FROM identity.audit_entry " + filter
                        + "ORDER BY seq DESC LIMIT :limit OFFSET :offset")
                .param("type", targetType)
                .param("id", targetId)
                .param("limit", limit)
                .param("offset", offset)
                .query(AuditTrail::entry)
                .list();
    }

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("SELECT count(*) FROM identity.audit_entry")
                .query(Long.class)
                .single();
    }

    /** Re-computes every hash and link, oldest first, streaming so a long trail is not held in memory. */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        var state = new Object() {
            String prev = GENESIS;
            long expectedSeq = 1;
            long count;
            ChainVerification broken;
        };
        try (var rows = jdbc.sql("SELECT * FROM identity.audit_entry ORDER BY seq").query(AuditTrail::entry).stream()) {
            rows.takeWhile(e -> state.broken == null).forEach(e -> {
                state.count++;
                String reason = null;
                if (e.seq() != state.expectedSeq) {
                    reason = "entry " + state.expectedSeq + " is missing";
                } else if (!e.prevHash().equals(state.prev)) {
                    reason = "link to the previous entry does not match";
                } else if (!e.hash().equals(hash(e))) {
                    reason = "content does not match its hash";
                }
                if (reason != null) {
                    state.broken = new ChainVerification(false, state.count, e.seq(), reason);
                }
                state.prev = e.hash();
                state.expectedSeq = e.seq() + 1;
            });
        }
        return state.broken != null ? state.broken : new ChainVerification(true, state.count, null, null);
    }

    static String hash(AuditEntry e) {
        var canonical = String.join(
                "\u001f",
                e.prevHash(),
                Long.toString(e.seq()),
                e.at().toString(),
                e.actor(),
                e.action(),
                e.targetType(),
                e.targetId(),
                String.valueOf(e.remoteAddr()),
                String.valueOf(e.detail()));
        return Sha256.hex(canonical);
    }

    private static AuditEntry withHash(AuditEntry e, String hash) {
        return new AuditEntry(
                e.seq(),
                e.at(),
                e.actor(),
                e.action(),
                e.targetType(),
                e.targetId(),
                e.remoteAddr(),
                e.detail(),
                e.prevHash(),
                hash);
    }

    private static AuditEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditEntry(
                rs.getLong("seq"),
                rs.getTimestamp("at").toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                rs.getString("remote_addr"),
                rs.getString("detail"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }
}
