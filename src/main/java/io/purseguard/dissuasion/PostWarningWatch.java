package io.purseguard.dissuasion;

import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The watch after a conclusion: a person defrauded after the warning (预后被骗) flags their earlier tasks. */
@Component
class PostWarningWatch {

    private final JdbcClient jdbc;
    private final TaskNotices notices;
    private final ApplicationEventPublisher events;

    PostWarningWatch(JdbcClient jdbc, TaskNotices notices, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.events = events;
    }

    /**
     * 预后被骗: flags every earlier, concluded, still-watched task of the same person (by resident, ID
     * number or phone) whose own outcome was not already a loss, and tells the station and the center.
     */
    @Transactional
    public int victimised(VictimisationReported report) {
        if (report.residentId() == null && report.idNumber() == null && report.phone() == null) {
            return 0;
        }
        var flagged = jdbc.sql("""
                        UPDATE dissuasion.task t SET defrauded_after_at = :at, defrauded_after_note = :note, updated_at = :at
                        WHERE t.watch_until IS NOT NULL AND t.watch_until >= :at AND t.concluded_at <= :at
                          AND t.defrauded_after_at IS NULL
                          AND t.outcome IN ('DISSUADED', 'UNREACHABLE', 'REFUSED')
                          AND (t.id <> :exclude OR :exclude IS NULL)
                          AND (t.resident_id = :resident OR t.person_id_number = :idNumber OR t.person_phone = :phone)
                        RETURNING t.id, t.warning_id, t.station_code, t.district_code, t.received_at
                        """)
                .param("at", Timestamp.from(report.at()))
                .param("note", report.source() + " " + report.reference())
                .param("exclude", report.excludeTaskId(), java.sql.Types.OTHER)
                .param("resident", report.residentId(), java.sql.Types.OTHER)
                .param("idNumber", report.idNumber(), java.sql.Types.VARCHAR)
                .param("phone", report.phone(), java.sql.Types.VARCHAR)
                .query((rs, i) -> new DefraudedAfterWarning(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        report.at(),
                        report.source() + " " + report.reference()))
                .list();
        for (var flag : flagged) {
            Timeline.append(jdbc, flag.taskId(), report.at(), "system", "DEFRAUDED_AFTER_WARNING", flag.reference());
            notices.defraudedAfter(flag);
            events.publishEvent(flag);
        }
        return flagged.size();
    }
}
