package io.purseguard.protection;

import io.purseguard.notification.Notice;
import io.purseguard.notification.Notifications;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The law's clocks on executed measures: a stop-payment lapses 48 hours after execution, a freeze six
 * months after (renewed, six more); seven days before a freeze lapses the station and the center are
 * warned so it can be renewed in time.
 */
@Component
public class LegalClock {

    private final JdbcClient jdbc;
    private final MeasureRows rows;
    private final Notifications notifications;
    private final ProtectionProperties properties;
    private final Clock clock;

    LegalClock(
            JdbcClient jdbc,
            MeasureRows rows,
            Notifications notifications,
            ProtectionProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT30S")
    void scheduled() {
        if (properties.senderEnabled()) {
            tick(clock.instant());
        }
    }

    /** Lapses and alarms due at {@code now}; answers how many measures changed. */
    @Transactional
    public int tick(Instant now) {
        var at = Timestamp.from(now);
        var expired = jdbc.sql("""
                        UPDATE protection.measure SET state = 'EXPIRED', expired_at = expires_at, updated_at = :now
                        WHERE state = 'EXECUTED' AND expires_at <= :now
                        RETURNING id, expires_at
                        """)
                .param("now", at)
                .query((rs, i) -> new Object[] {
                    rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()
                })
                .list();
        for (var e : expired) {
            rows.event((UUID) e[0], (Instant) e[1], "system", "EXPIRED", MeasureState.EXPIRED, null);
        }
        var alarms = jdbc.sql("""
                        UPDATE protection.measure SET alarmed_at = :now, updated_at = :now
                        WHERE state = 'EXECUTED' AND alarm_at <= :now AND alarmed_at IS NULL
                        RETURNING id, document_no, expires_at, station_code, district_code
                        """)
                .param("now", at)
                .query((rs, i) -> new Object[] {
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getTimestamp(3).toInstant(),
                    rs.getString(4),
                    rs.getString(5)
                })
                .list();
        var notices = new ArrayList<Notice>();
        for (var a : alarms) {
            var id = (UUID) a[0];
            rows.event(id, now, "system", "EXPIRY_ALARM", MeasureState.EXECUTED, "expires " + a[2]);
            for (var unit : new String[] {(String) a[3], (String) a[4]}) {
                if (unit != null) {
                    notices.add(new Notice(
                            Notice.Audience.UNIT,
                            unit,
                            Notice.Urgency.URGENT,
                            "冻结即将到期：" + a[1],
                            "Freeze about to lapse: " + a[1],
                            "冻结将于 " + ((Instant) a[2]).atZone(Measures.LOCAL).toLocalDate() + " 到期，如需继续冻结请及时续冻。",
                            "The freeze lapses on "
                                    + ((Instant) a[2]).atZone(Measures.LOCAL).toLocalDate()
                                    + "; renew it in time if the money must stay frozen.",
                            "/measures/" + id));
                }
            }
        }
        if (!notices.isEmpty()) {
            notifications.sendAll(notices);
        }
        return expired.size() + alarms.size();
    }
}
