package io.purseguard.notification;

import io.purseguard.identity.Caller;
import io.purseguard.jurisdiction.Unit;
import io.purseguard.jurisdiction.Units;
import io.purseguard.platform.TimeOrderedIds;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices to people, and each account's inbox of them.
 *
 * <p>A notice is written in the sender's transaction, so it exists exactly when what it announces
 * does. An urgent notice to a staff member also goes out by SMS to the phone the staff directory
 * holds, after that transaction commits and on another thread: the gateway being slow or down never
 * fails or delays the sender, and the outcome is kept on the notice ({@link SmsStatus}).
 *
 * <p>An inbox holds the notices to the caller's unit (the unit its scope is; for a city-wide scope,
 * the city unit), to the staff member the caller is, and to the caller's account, matched in SQL.
 * Read or unread is per account, since a unit's notice reaches every account of the unit.
 */
@Service
public class Notifications {

    /** The largest inbox page. */
    public static final int MAX_PAGE_SIZE = 100;

    static final String INSERT = """
            INSERT INTO notification.notice
              (id, audience, audience_id, urgency, title_zh, title_en, body_zh, body_en, link, created_at, sms_status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final int[] INSERT_TYPES = {
        Types.OTHER,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.TIMESTAMP,
        Types.VARCHAR
    };

    private static final String READ = "EXISTS (SELECT 1 FROM notification.notice_read r"
            + " WHERE r.username = :recipientUser AND r.notice_id = n.id)";

    private static final String SELECT = "SELECT n.id, n.audience, n.urgency, n.title_zh, n.title_en, n.body_zh,"
            + " n.body_en, n.link, n.created_at, n.sms_status, " + READ + " AS read FROM notification.notice n ";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final Units units;
    private final SmsDispatcher sms;
    private volatile String cityCode;

    Notifications(JdbcClient jdbc, JdbcTemplate batch, Clock clock, Units units, SmsDispatcher sms) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.units = units;
        this.sms = sms;
    }

    /**
     * Writes a notice in the caller's transaction (or a transaction of its own). An urgent notice to a
     * staff member is texted after commit.
     *
     * @throws IllegalArgumentException for a STAFF notice whose audience id is not a staff id, a blank
     *     audience id, or a link that is not a path in Purseguard ({@code /…})
     */
    @Transactional
    public void send(Notice notice) {
        sendAll(List.of(notice));
    }

    /** {@link #send} for many notices, in one batched insert. Nothing is written if one is invalid. */
    @Transactional
    public void sendAll(Collection<Notice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        var now = Timestamp.from(clock.instant());
        var rows = new ArrayList<Object[]>(notices.size());
        var texted = new ArrayList<UUID>();
        for (var notice : notices) {
            var audienceId = audienceId(notice);
            var link = link(notice.link());
            var id = TimeOrderedIds.next();
            boolean bySms = notice.audience() == Notice.Audience.STAFF && notice.urgency() == Notice.Urgency.URGENT;
            rows.add(new Object[] {
                id,
                notice.audience().name(),
                audienceId,
                notice.urgency().name(),
                notice.titleZh(),
                notice.titleEn(),
                notice.bodyZh(),
                notice.bodyEn(),
                link,
                now,
                (bySms ? SmsStatus.PENDING : SmsStatus.NONE).name()
            });
            if (bySms) {
                texted.add(id);
            }
        }
        batch.batchUpdate(INSERT, rows, INSERT_TYPES);
        sms.afterCommit(texted);
    }

    /**
     * One page of the caller's inbox, newest first.
     *
     * @param page from 0
     * @param size 1 to {@value #MAX_PAGE_SIZE} (clamped)
     */
    @Transactional(readOnly = true)
    public InboxPage inbox(Caller caller, int page, int size) {
        int pageNumber = Math.max(0, page);
        int pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, size));
        var recipient = recipient(caller);
        var items = recipient
                .bind(jdbc.sql(SELECT + "WHERE " + recipient.predicate("n")
                        + " ORDER BY n.created_at DESC, n.id DESC LIMIT :limit OFFSET :offset"))
                .param("limit", pageSize)
                .param("offset", (long) pageNumber * pageSize)
                .query(Notifications::item)
                .list();
        var counts = recipient
                .bind(jdbc.sql("SELECT count(*) AS total, count(*) FILTER (WHERE NOT " + READ
                        + ") AS unread FROM notification.notice n WHERE " + recipient.predicate("n")))
                .query((rs, i) -> new long[] {rs.getLong("total"), rs.getLong("unread")})
                .single();
        return new InboxPage(items, pageNumber, pageSize, counts[0], counts[1]);
    }

    /** How many notices in the caller's inbox the caller has not read. */
    @Transactional(readOnly = true)
    public long unread(Caller caller) {
        var recipient = recipient(caller);
        return recipient
                .bind(jdbc.sql("SELECT count(*) FROM notification.notice n WHERE " + recipient.predicate("n")
                        + " AND NOT " + READ))
                .query(Long.class)
                .single();
    }

    /** A notice in the caller's inbox; empty if there is none with this id or it is someone else's. */
    @Transactional(readOnly = true)
    public Optional<InboxItem> find(Caller caller, UUID noticeId) {
        var recipient = recipient(caller);
        return recipient
                .bind(jdbc.sql(SELECT + "WHERE n.id = :id AND " + recipient.predicate("n")))
                .param("id", noticeId)
                .query(Notifications::item)
                .optional();
    }

    /**
     * Marks one notice read for the caller (again is harmless).
     *
     * @return false if the notice is not in the caller's inbox
     */
    @Transactional
    public boolean markRead(Caller caller, UUID noticeId) {
        var recipient = recipient(caller);
        int marked = recipient
                .bind(jdbc.sql("INSERT INTO notification.notice_read (username, notice_id, read_at)"
                        + " SELECT :recipientUser, n.id, :now FROM notification.notice n"
                        + " WHERE n.id = :id AND " + recipient.predicate("n")
                        + " ON CONFLICT (username, notice_id) DO NOTHING"))
                .param("id", noticeId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return marked > 0 || find(caller, noticeId).isPresent();
    }

    /**
     * Marks every notice now in the caller's inbox read. A notice committed afterwards stays unread.
     *
     * @return how many were unread
     */
    @Transactional
    public int markAllRead(Caller caller) {
        var recipient = recipient(caller);
        return recipient
                .bind(jdbc.sql("INSERT INTO notification.notice_read (username, notice_id, read_at)"
                        + " SELECT :recipientUser, n.id, :now FROM notification.notice n"
                        + " WHERE " + recipient.predicate("n") + " AND NOT " + READ
                        + " ON CONFLICT (username, notice_id) DO NOTHING"))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private Recipient recipient(Caller caller) {
        return Recipient.of(caller, caller.scope().kind() == UnitKind.CITY ? cityCode() : null);
    }

    private String cityCode() {
        var code = cityCode;
        if (code == null) {
            code = units.list(UnitKind.CITY, Scope.city()).stream()
                    .findFirst()
                    .map(Unit::code)
                    .orElse(null);
            cityCode = code; // stays null (and is looked up again) until the unit tree is loaded
        }
        return code;
    }

    private static String audienceId(Notice notice) {
        var id = notice.audienceId().strip();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("a notice needs an audience id");
        }
        if (notice.audience() == Notice.Audience.STAFF) {
            try {
                return UUID.fromString(id).toString(); // canonical, as Caller.staffId() prints it
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a STAFF notice's audience id must be a staff id, got " + id);
            }
        }
        return id;
    }

    /** A notice links only to a path in Purseguard: never to another site, never to script. */
    static String link(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        var path = link.strip();
        if (!path.startsWith("/")
                || path.startsWith("//")
                || path.contains("\\")
                || path.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("a notice's link must be a path in Purseguard (/…), got " + link);
        }
        return path;
    }

    private static InboxItem item(ResultSet rs, int row) throws SQLException {
        return new InboxItem(
                rs.getObject("id", UUID.class),
                Notice.Audience.valueOf(rs.getString("audience")),
                Notice.Urgency.valueOf(rs.getString("urgency")),
                rs.getString("title_zh"),
                rs.getString("title_en"),
                rs.getString("body_zh"),
                rs.getString("body_en"),
                rs.getString("link"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getBoolean("read"),
                SmsStatus.valueOf(rs.getString("sms_status")));
    }
}
