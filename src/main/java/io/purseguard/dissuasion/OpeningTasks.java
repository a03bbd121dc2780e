package io.purseguard.dissuasion;

import io.purseguard.identity.Masking;
import io.purseguard.platform.TimeOrderedIds;
import io.purseguard.platform.Unnest;
import io.purseguard.warning.WarningFacts;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening: a task for every warning received, with its team, its three clocks and its first
 * timeline line, in a handful of statements per batch.
 */
@Component
class OpeningTasks {

    private final JdbcTemplate batch;
    private final TeamAssembly assembly;
    private final DissuasionSettings settings;
    private final TaskNotices notices;
    private final Clock clock;

    OpeningTasks(
            JdbcTemplate batch, TeamAssembly assembly, DissuasionSettings settings, TaskNotices notices, Clock clock) {
        this.batch = batch;
        this.assembly = assembly;
        this.settings = settings;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * Opens a task for each warning not yet having one: the team around the person, the three clocks
     * counted from when the warning was received, the first timeline line, and the notices to the
     * team and the holding unit. A redelivered batch opens nothing twice.
     */
    @Transactional
    public int open(List<WarningFacts> received) {
        if (received.isEmpty()) {
            return 0;
        }
        var policy = settings.policy();
        var now = Timestamp.from(clock.instant());
        // a batch of a thousand warnings is a handful of statements: rows are bound as arrays
        var taskRows = new ArrayList<Object[]>(received.size());
        for (var w : received) {
            var p = w.placement();
            taskRows.add(new Object[] {
                TimeOrderedIds.next(),
                w.warningId(),
                w.level().name(),
                w.unitCode(),
                w.residentId(),
                w.personName(),
                w.personIdNumber(),
                w.personPhone(),
                Timestamp.from(w.receivedAt()),
                p.district(),
                p.station(),
                p.township(),
                p.community(),
                p.grid()
            });
        }
        var taskIds = new HashMap<UUID, UUID>();
        Unnest.query(
                batch,
                """
                        INSERT INTO dissuasion.task (id, warning_id, level, status, unit_code, resident_id, person_name,
                            person_id_number, person_phone, sla_version, received_at, opened_at, updated_at,
                            district_code, station_code, township_code, community_code, grid_code)
                        SELECT t.id, t.warning_id, t.level, 'OPEN', t.unit_code, t.resident_id, t.person_name,
                            t.id_number, t.phone, ?, t.received_at, ?, ?, t.district, t.station, t.township,
                            t.community, t.grid
                        FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[],
                            ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                            AS t(id, warning_id, level, unit_code, resident_id, person_name, id_number, phone,
                                received_at, district, station, township, community, grid)
                        ON CONFLICT (warning_id) DO NOTHING
                        RETURNING warning_id, id
                        """,
                new Object[] {policy.version(), now, now},
                TASK_TYPES,
                taskRows,
                (rs, i) -> taskIds.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
        if (taskIds.isEmpty()) {
            return 0;
        }
        var opened = received.stream()
                .filter(w -> taskIds.containsKey(w.warningId()))
                .toList();
        var teams = assembly.assemble(opened.stream()
                .map(w -> new TeamSubject(w.warningId(), w.residentId(), w.placement(), w.receivedAt()))
                .toList());
        var clocks = new ArrayList<Object[]>();
        var members = new ArrayList<Object[]>();
        var lines = new ArrayList<Object[]>();
        for (var w : opened) {
            var taskId = taskIds.get(w.warningId());
            var windows = policy.body().windowsFor(w.level());
            clocks.add(clock(taskId, DeadlineKind.SIGN_FOR, w.receivedAt(), windows.signFor()));
            clocks.add(clock(taskId, DeadlineKind.FIRST_CONTACT, w.receivedAt(), windows.firstContact()));
            if (windows.faceToFace() != null) {
                clocks.add(clock(taskId, DeadlineKind.FACE_TO_FACE, w.receivedAt(), windows.faceToFace()));
            }
            var team = teams.getOrDefault(w.warningId(), List.of());
            int seq = 0;
            for (var m : team) {
                members.add(new Object[] {
                    taskId,
                    ++seq,
                    m.role().name(),
                    m.staffId(),
                    m.residentId(),
                    m.name(),
                    m.phone(),
                    m.unitCode(),
                    m.relation(),
                    m.reasonZh(),
                    m.reasonEn()
                });
            }
            lines.add(new Object[] {taskId, "OPENED", teamSummary(team)});
        }
        Unnest.update(
                batch,
                "INSERT INTO dissuasion.deadline (task_id, kind, due_at, window_s, next_fire_at) "
                        + "SELECT t.task, t.kind, t.due, t.window_s, t.due "
                        + "FROM unnest(?::uuid[], ?::text[], ?::timestamptz[], ?::int4[]) AS t(task, kind, due, window_s)",
                new Object[0],
                new String[] {"uuid", "text", "timestamptz", "int4"},
                clocks);
        Unnest.update(
                batch,
                "INSERT INTO dissuasion.team_member (task_id, seq, role, staff_id, resident_id, name, phone, unit_code, "
                        + "relation, reason_zh, reason_en) SELECT * FROM unnest(?::uuid[], ?::int4[], ?::text[], "
                        + "?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])",
                new Object[0],
                MEMBER_TYPES,
                members);
        Unnest.update(
                batch,
                "INSERT INTO dissuasion.timeline (task_id, seq, at, actor, action, detail) "
                        + "SELECT t.task, 1, ?, 'system', t.action, t.detail "
                        + "FROM unnest(?::uuid[], ?::text[], ?::text[]) AS t(task, action, detail)",
                new Object[] {now},
                new String[] {"uuid", "text", "text"},
                lines);
        notices.opened(opened.stream()
                .map(w -> new TaskNotices.Opened(
                        taskIds.get(w.warningId()), w, teams.getOrDefault(w.warningId(), List.of())))
                .toList());
        return taskIds.size();
    }

    private static final String[] TASK_TYPES = {
        "uuid",
        "uuid",
        "text",
        "text",
        "uuid",
        "text",
        "text",
        "text",
        "timestamptz",
        "text",
        "text",
        "text",
        "text",
        "text"
    };

    private static final String[] MEMBER_TYPES = {
        "uuid", "int4", "text", "uuid", "uuid", "text", "text", "text", "text", "text", "text"
    };

    private static Object[] clock(UUID taskId, DeadlineKind kind, Instant from, Duration window) {
        return new Object[] {taskId, kind.name(), Timestamp.from(from.plus(window)), (int) window.toSeconds()};
    }

    private static String teamSummary(List<TeamMember> team) {
        var text = new StringBuilder();
        for (var m : team) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(m.role())
                    .append(": ")
                    .append(m.isMissing() ? "— (" + m.reasonZh() + ")" : Masking.name(m.name()));
        }
        return text.toString();
    }
}
