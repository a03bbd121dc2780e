package io.purseguard.dissuasion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Masking;
import io.purseguard.identity.Role;
import io.purseguard.jurisdiction.StaffDirectory;
import io.purseguard.platform.TimeOrderedIds;
import io.purseguard.platform.Unnest;
import io.purseguard.residents.ResidentDirectory;
import io.purseguard.scope.Placement;
import io.purseguard.scope.Scope;
import io.purseguard.warning.LevelReason;
import io.purseguard.warning.WarningFacts;
import io.purseguard.warning.WarningLevel;
import io.purseguard.warning.WarningStatus;
import io.purseguard.warning.Warnings;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dissuasion tasks: opened for every warning with its team and clocks, worked by the team (contacts,
 * checklist, outcome), followed by revisits and a watch. Every read is limited in SQL to what the
 * caller may see: their jurisdiction, or the tasks they are on; a grid worker or township head sees
 * only the latter.
 */
@Service
public class Tasks {

    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final TypeReference<Map<String, Boolean>> ANSWERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TeamAssembly assembly;
    private final DissuasionSettings settings;
    private final TaskNotices notices;
    private final Warnings warnings;
    private final StaffDirectory staff;
    private final ResidentDirectory residents;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    Tasks(
            JdbcClient jdbc,
            JdbcTemplate batch,
            TeamAssembly assembly,
            DissuasionSettings settings,
            TaskNotices notices,
            Warnings warnings,
            StaffDirectory staff,
            ResidentDirectory residents,
            AuditTrail audit,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.assembly = assembly;
        this.settings = settings;
        this.notices = notices;
        this.warnings = warnings;
        this.staff = staff;
        this.residents = residents;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ opening

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

    private void insertMember(UUID taskId, int seq, TeamMember m) {
        jdbc.sql("""
                        INSERT INTO dissuasion.team_member (task_id, seq, role, staff_id, resident_id, name, phone,
                            unit_code, relation, reason_zh, reason_en)
                        VALUES (:task, :seq, :role, :staff, :resident, :name, :phone, :unit, :relation, :zh, :en)
                        """)
                .param("task", taskId)
                .param("seq", seq)
                .param("role", m.role().name())
                .param("staff", m.staffId())
                .param("resident", m.residentId())
                .param("name", m.name())
                .param("phone", m.phone())
                .param("unit", m.unitCode())
                .param("relation", m.relation())
                .param("zh", m.reasonZh())
                .param("en", m.reasonEn())
                .update();
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

    // ------------------------------------------------------------------ following the warning

    /** 签收 stops the sign-for clock. */
    @Transactional
    public void signedFor(UUID warningId, String by, Instant at) {
        taskOf(warningId).ifPresent(taskId -> {
            lock(taskId);
            jdbc.sql("UPDATE dissuasion.task SET signed_for_at = :at, updated_at = :at WHERE id = :id")
                    .param("at", Timestamp.from(at))
                    .param("id", taskId)
                    .update();
            meet(taskId, DeadlineKind.SIGN_FOR, at);
            Timeline.append(jdbc, taskId, at, by, "SIGNED_FOR", null);
        });
    }

    /**
     * A return or transfer: the task follows the warning to its new holder, whose sign-for clock starts
     * again; the team's officer is assembled anew for the new station.
     */
    @Transactional
    public void rerouted(
            UUID warningId, WarningStatus status, String unitCode, Placement placement, String by, Instant at) {
        var found = taskOf(warningId);
        if (found.isEmpty()) {
            return;
        }
        var taskId = found.get();
        lock(taskId);
        jdbc.sql("""
                        UPDATE dissuasion.task SET unit_code = :unit, signed_for_at = NULL, updated_at = :at,
                            district_code = :district, station_code = :station, township_code = :township,
                            community_code = :community, grid_code = :grid
                        WHERE id = :id
                        """)
                .param("unit", unitCode)
                .param("at", Timestamp.from(at))
                .params(placementParams(placement))
                .param("id", taskId)
                .update();
        var level = jdbc.sql("SELECT level FROM dissuasion.task WHERE id = :id")
                .param("id", taskId)
                .query(String.class)
                .single();
        var windows = settings.policy().body().windowsFor(WarningLevel.valueOf(level));
        jdbc.sql("""
                        UPDATE dissuasion.deadline SET due_at = :due, window_s = :window, met_at = NULL, step = 0,
                            stopped_at = NULL, next_fire_at = :due
                        WHERE task_id = :id AND kind = 'SIGN_FOR'
                        """)
                .param("due", Timestamp.from(at.plus(windows.signFor())))
                .param("window", (int) windows.signFor().toSeconds())
                .param("id", taskId)
                .update();
        if (placement.station() != null) {
            var officer = assembly
                    .assemble(List.of(new TeamSubject(taskId, null, placement, at)))
                    .getOrDefault(taskId, List.of())
                    .stream()
                    .filter(m -> m.role() == TeamRole.OFFICER && !m.isMissing())
                    .findFirst();
            officer.ifPresent(m -> replaceRole(taskId, TeamRole.OFFICER, m, by, at, "移交至 " + unitCode));
        }
        Timeline.append(jdbc, taskId, at, by, status.name(), unitCode);
    }

    private void replaceRole(UUID taskId, TeamRole role, TeamMember replacement, String by, Instant at, String why) {
        jdbc.sql("""
                        UPDATE dissuasion.team_member SET active = false, removed_at = :at, removed_by = :by,
                            removed_why = :why WHERE task_id = :task AND role = :role AND active
                        """)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("why", why)
                .param("task", taskId)
                .param("role", role.name())
                .update();
        insertMember(taskId, nextSeq("team_member", taskId), replacement);
    }

    // ------------------------------------------------------------------ reading

    /** The task of a warning, if the caller may see it. */
    @Transactional(readOnly = true)
    public Optional<TaskView> ofWarning(UUID warningId, Caller caller) {
        return idOfWarning(warningId, caller).map(this::view);
    }

    /** The id of a warning's task, if the caller may see it: for acting on it without reading it all. */
    @Transactional(readOnly = true)
    public Optional<UUID> idOfWarning(UUID warningId, Caller caller) {
        return jdbc.sql("SELECT t.id FROM dissuasion.task t WHERE t.warning_id = :warning AND " + visible(caller))
                .param("warning", warningId)
                .params(visibleParams(caller))
                .query(UUID.class)
                .optional();
    }

    /** A task by its id, if the caller may see it. */
    @Transactional(readOnly = true)
    public Optional<TaskView> find(UUID taskId, Caller caller) {
        return jdbc.sql("SELECT t.id FROM dissuasion.task t WHERE t.id = :id AND " + visible(caller))
                .param("id", taskId)
                .params(visibleParams(caller))
                .query(UUID.class)
                .optional()
                .map(this::view);
    }

    /** One line of a task list. */
    public record TaskLine(
            UUID id,
            UUID warningId,
            TaskStatus status,
            WarningLevel level,
            String personName,
            String unitCode,
            String stationCode,
            Instant receivedAt,
            DeadlineKind nextClock,
            Instant nextDue,
            boolean overdue,
            int escalationStep,
            Outcome outcome,
            Instant uncooperativeAt,
            Instant defraudedAfterAt) {}

    /**
     * A clock still running past its due time, or one that has already climbed (the SLA clock's tick
     * is the authority on "missed", whatever this node's clock says).
     */
    private static final String OVERDUE = "EXISTS (SELECT 1 FROM dissuasion.deadline d WHERE d.task_id = t.id "
            + "AND d.met_at IS NULL AND d.stopped_at IS NULL AND (d.due_at <= :now OR d.step > 0))";

    /** Which tasks a list shows. */
    public enum Filter {
        /** The tasks the caller is on (a member of the team). */
        MINE,
        /** Open and in-progress tasks in the caller's jurisdiction (or on their team). */
        OPEN,
        /** Open tasks with a missed clock. */
        OVERDUE,
        /** Tasks escalated because the person would not listen or could not be found. */
        ESCALATED,
        /** Concluded and closed tasks. */
        CONCLUDED,
        /** Tasks whose person was defrauded after the warning (预后被骗). */
        DEFRAUDED_AFTER
    }

    /**
     * A task list, most urgent first: level, then the earliest running clock. Limited in SQL to the
     * caller's jurisdiction and teams.
     */
    @Transactional(readOnly = true)
    public List<TaskLine> list(Caller caller, Filter filter, int limit) {
        var now = Timestamp.from(clock.instant());
        var where = new StringBuilder(visible(caller));
        switch (filter) {
            case MINE ->
                where.append(" AND t.status IN ('OPEN', 'IN_PROGRESS', 'CONCLUDED') AND ")
                        .append(member(caller));
            case OPEN -> where.append(" AND t.status IN ('OPEN', 'IN_PROGRESS')");
            case OVERDUE ->
                where.append(" AND t.status IN ('OPEN', 'IN_PROGRESS', 'CONCLUDED') AND ")
                        .append(OVERDUE);
            case ESCALATED -> where.append(" AND t.uncooperative_at IS NOT NULL");
            case CONCLUDED -> where.append(" AND t.status IN ('CONCLUDED', 'CLOSED')");
            case DEFRAUDED_AFTER -> where.append(" AND t.defrauded_after_at IS NOT NULL");
        }
        return jdbc.sql("""
                        SELECT t.*, c.kind AS next_kind, c.due_at AS next_due,
                            (SELECT max(d.step) FROM dissuasion.deadline d WHERE d.task_id = t.id) AS top_step,
                            %s AS overdue
                        FROM dissuasion.task t
                        LEFT JOIN LATERAL (
                            SELECT d.kind, d.due_at FROM dissuasion.deadline d
                            WHERE d.task_id = t.id AND d.met_at IS NULL AND d.stopped_at IS NULL
                            ORDER BY d.due_at LIMIT 1) c ON true
                        WHERE """.formatted(OVERDUE) + where + """
                                 ORDER BY array_position(ARRAY['CRITICAL','HIGH','MEDIUM','LOW'], t.level),
                                    c.due_at NULLS LAST, t.received_at DESC
                                LIMIT :limit
                                """)
                .params(visibleParams(caller))
                .param("now", now)
                .param("limit", Math.max(1, Math.min(limit, 500)))
                .query((rs, i) -> {
                    var nextDue = rs.getTimestamp("next_due");
                    var outcome = rs.getString("outcome");
                    return new TaskLine(
                            rs.getObject("id", UUID.class),
                            rs.getObject("warning_id", UUID.class),
                            TaskStatus.valueOf(rs.getString("status")),
                            WarningLevel.valueOf(rs.getString("level")),
                            Masking.name(rs.getString("person_name")),
                            rs.getString("unit_code"),
                            rs.getString("station_code"),
                            rs.getTimestamp("received_at").toInstant(),
                            rs.getString("next_kind") == null ? null : DeadlineKind.valueOf(rs.getString("next_kind")),
                            nextDue == null ? null : nextDue.toInstant(),
                            rs.getBoolean("overdue"),
                            rs.getInt("top_step"),
                            outcome == null ? null : Outcome.valueOf(outcome),
                            instant(rs.getTimestamp("uncooperative_at")),
                            instant(rs.getTimestamp("defrauded_after_at")));
                })
                .list();
    }

    /** One revisit to do. */
    public record RevisitLine(
            UUID id,
            UUID taskId,
            UUID warningId,
            String kind,
            Integer day,
            Instant dueAt,
            boolean overdue,
            String personName,
            WarningLevel level,
            String note) {}

    /** Revisits not yet done, soonest first, within the caller's jurisdiction or teams. */
    @Transactional(readOnly = true)
    public List<RevisitLine> revisitsDue(Caller caller, int limit) {
        var now = Timestamp.from(clock.instant());
        return jdbc.sql("SELECT r.*, t.warning_id, t.person_name, t.level FROM dissuasion.revisit r "
                        + "JOIN dissuasion.task t ON t.id = r.task_id WHERE r.done_at IS NULL AND "
                        + visible(caller) + " ORDER BY r.due_at LIMIT :limit")
                .params(visibleParams(caller))
                .param("limit", Math.max(1, Math.min(limit, 500)))
                .query((rs, i) -> new RevisitLine(
                        rs.getObject("id", UUID.class),
                        rs.getObject("task_id", UUID.class),
                        rs.getObject("warning_id", UUID.class),
                        rs.getString("kind"),
                        (Integer) rs.getObject("day"),
                        rs.getTimestamp("due_at").toInstant(),
                        !rs.getTimestamp("due_at").after(now),
                        Masking.name(rs.getString("person_name")),
                        WarningLevel.valueOf(rs.getString("level")),
                        rs.getString("note")))
                .list();
    }

    /** One line of a task's timeline. */
    public record TimelineLine(int seq, Instant at, String actor, String action, String detail) {}

    @Transactional(readOnly = true)
    public List<TimelineLine> timeline(UUID taskId, Caller caller) {
        requireVisible(taskId, caller);
        return jdbc.sql("SELECT * FROM dissuasion.timeline WHERE task_id = :id ORDER BY seq")
                .param("id", taskId)
                .query((rs, i) -> new TimelineLine(
                        rs.getInt("seq"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("detail")))
                .list();
    }

    /** The person's full phone and ID number, for someone who must call or check them; audited. */
    public record Revealed(String idNumber, String phone) {}

    @Transactional
    public Revealed reveal(UUID taskId, Caller caller) {
        requireVisible(taskId, caller);
        boolean onTeam = caller.staffId() != null
                && jdbc.sql(
                                        "SELECT count(*) FROM dissuasion.team_member WHERE task_id = :t AND staff_id = :s AND active")
                                .param("t", taskId)
                                .param("s", caller.staffId())
                                .query(Long.class)
                                .single()
                        > 0;
        if (!caller.mayReveal() && !onTeam) {
            audit.record(caller.name(), "TASK_REVEAL_REFUSED", "task", taskId.toString(), null);
            throw new TaskActionRefused("only the team or an officer may see the full number");
        }
        var revealed = jdbc.sql("SELECT person_id_number, person_phone FROM dissuasion.task WHERE id = :id")
                .param("id", taskId)
                .query((rs, i) -> new Revealed(rs.getString(1), rs.getString(2)))
                .single();
        audit.record(caller.name(), "TASK_PERSON_REVEALED", "task", taskId.toString(), onTeam ? "team member" : null);
        return revealed;
    }

    // ------------------------------------------------------------------ working the task

    /** A call, visit or message to log. {@code at} defaults to now; {@code faceToFace} to "a visit that reached them". */
    public record ContactInput(
            ContactChannel channel,
            ContactResult result,
            Instant at,
            Boolean faceToFace,
            String location,
            UUID photoId,
            String note) {}

    @Transactional
    public TaskView logContact(UUID taskId, Caller caller, ContactInput input) {
        requireVisible(taskId, caller);
        var task = lock(taskId);
        var now = clock.instant();
        var at = input.at() == null ? now : input.at();
        if (at.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw new InvalidTaskInput("at", "must not be in the future");
        }
        if (input.photoId() != null && !photoBelongs(input.photoId(), taskId)) {
            throw new InvalidTaskInput("photoId", "is not a photo of this task");
        }
        boolean faceToFace = input.faceToFace() != null
                ? input.faceToFace()
                : input.channel() == ContactChannel.VISIT && input.result().reached();
        if (faceToFace && input.channel() != ContactChannel.VISIT) {
            throw new InvalidTaskInput("faceToFace", "only a visit is face to face");
        }
        jdbc.sql("""
                        INSERT INTO dissuasion.contact (task_id, seq, channel, result, at, face_to_face, by_user,
                            location, photo_id, note)
                        VALUES (:task, :seq, :channel, :result, :at, :f2f, :by, :location, :photo, :note)
                        """)
                .param("task", taskId)
                .param("seq", nextSeq("contact", taskId))
                .param("channel", input.channel().name())
                .param("result", input.result().name())
                .param("at", Timestamp.from(at))
                .param("f2f", faceToFace)
                .param("by", caller.name())
                .param("location", blankToNull(input.location()))
                .param("photo", input.photoId())
                .param("note", blankToNull(input.note()))
                .update();
        if (input.result().reached()) {
            jdbc.sql("UPDATE dissuasion.task SET first_contact_at = coalesce(first_contact_at, :at) WHERE id = :id")
                    .param("at", Timestamp.from(at))
                    .param("id", taskId)
                    .update();
            meet(taskId, DeadlineKind.FIRST_CONTACT, at);
        }
        if (faceToFace && input.result().reached()) {
            jdbc.sql("UPDATE dissuasion.task SET face_to_face_at = coalesce(face_to_face_at, :at) WHERE id = :id")
                    .param("at", Timestamp.from(at))
                    .param("id", taskId)
                    .update();
            meet(taskId, DeadlineKind.FACE_TO_FACE, at);
        }
        if (task.status() == TaskStatus.OPEN) {
            setStatus(taskId, TaskStatus.IN_PROGRESS, now);
            warnings.follow(task.warningId(), WarningStatus.IN_PROGRESS, caller.name(), null);
        }
        Timeline.append(
                jdbc,
                taskId,
                at,
                caller.name(),
                "CONTACT_" + input.channel(),
                input.result()
                        + (faceToFace ? " · 见面" : "")
                        + (input.location() == null || input.location().isBlank() ? "" : " · " + input.location()));
        touch(taskId, now);
        return view(taskId);
    }

    /** A photo taken at a visit, stored with the task; answers its id for the contact to refer to. */
    @Transactional
    public UUID addPhoto(UUID taskId, Caller caller, String contentType, byte[] bytes) {
        requireVisible(taskId, caller);
        if (contentType == null || !(contentType.equals("image/jpeg") || contentType.equals("image/png"))) {
            throw new InvalidTaskInput("photo", "must be a JPEG or PNG image");
        }
        if (bytes.length == 0 || bytes.length > 10 * 1024 * 1024) {
            throw new InvalidTaskInput("photo", "must be between 1 byte and 10 MB");
        }
        var id = TimeOrderedIds.next();
        var now = clock.instant();
        jdbc.sql("INSERT INTO dissuasion.photo (id, task_id, content_type, bytes, taken_at, taken_by) "
                        + "VALUES (:id, :task, :type, :bytes, :at, :by)")
                .param("id", id)
                .param("task", taskId)
                .param("type", contentType)
                .param("bytes", bytes)
                .param("at", Timestamp.from(now))
                .param("by", caller.name())
                .update();
        Timeline.append(jdbc, taskId, now, caller.name(), "PHOTO", id.toString());
        return id;
    }

    /** A stored photo, if the caller may see its task. */
    public record Photo(String contentType, byte[] bytes) {}

    @Transactional(readOnly = true)
    public Optional<Photo> photo(UUID taskId, UUID photoId, Caller caller) {
        requireVisible(taskId, caller);
        return jdbc.sql("SELECT content_type, bytes FROM dissuasion.photo WHERE id = :id AND task_id = :task")
                .param("id", photoId)
                .param("task", taskId)
                .query((rs, i) -> new Photo(rs.getString(1), rs.getBytes(2)))
                .optional();
    }

    /** How the dissuasion ended, with the checklist as worked through (item id → done). */
    public record OutcomeInput(
            Outcome outcome, Boolean faceToFace, BigDecimal lossAmount, Map<String, Boolean> checklist, String note) {}

    /**
     * Records the outcome and its effects: the warning follows, the clocks stop, revisits are
     * scheduled, the watch starts, {@link DissuasionConcluded} is published; a refusal (or an
     * unreachable person past the face-to-face deadline) escalates.
     */
    @Transactional
    public TaskView conclude(UUID taskId, Caller caller, OutcomeInput input) {
        requireVisible(taskId, caller);
        var task = lock(taskId);
        if (task.status() == TaskStatus.CONCLUDED || task.status() == TaskStatus.CLOSED) {
            throw new TaskActionRefused("the outcome is already recorded");
        }
        if (input.outcome() == null) {
            throw new InvalidTaskInput("outcome", "is required");
        }
        if (input.faceToFace() == null) {
            throw new InvalidTaskInput("faceToFace", "is required: was the person seen face to face?");
        }
        var loss = input.lossAmount();
        if (input.outcome().needsLossAmount()) {
            if (loss == null || loss.signum() <= 0) {
                throw new InvalidTaskInput("lossAmount", "is required for " + input.outcome() + " and must be > 0");
            }
        } else if (loss != null && loss.signum() != 0) {
            throw new InvalidTaskInput("lossAmount", "only a loss outcome has an amount");
        }
        if (loss != null && loss.stripTrailingZeros().scale() > 2) {
            throw new InvalidTaskInput("lossAmount", "must have at most 2 decimals");
        }
        var checklist = settings.checklist(Checklist.DISSUASION);
        var answers = input.checklist() == null ? Map.<String, Boolean>of() : input.checklist();
        if (!checklist.body().ids().containsAll(answers.keySet())) {
            throw new InvalidTaskInput("checklist", "has items not on checklist version " + checklist.version());
        }
        if (input.outcome().needsChecklist()
                && !answers.keySet().containsAll(checklist.body().ids())) {
            var missing = new ArrayList<>(checklist.body().ids());
            missing.removeAll(answers.keySet());
            throw new InvalidTaskInput(
                    "checklist",
                    "answer every item; missing "
                            + String.join(", ", missing.stream().sorted().toList()));
        }
        var now = clock.instant();
        var policy = settings.policy().body();
        jdbc.sql("""
                        UPDATE dissuasion.task SET status = 'CONCLUDED', outcome = :outcome, outcome_face_to_face = :f2f,
                            loss_amount = :loss, checklist_version = :cv, checklist_answers = :answers::jsonb,
                            outcome_note = :note, concluded_at = :now, concluded_by = :by, watch_until = :watch,
                            updated_at = :now
                        WHERE id = :id
                        """)
                .param("outcome", input.outcome().name())
                .param("f2f", input.faceToFace())
                .param("loss", loss)
                .param("cv", checklist.version())
                .param("answers", write(answers))
                .param("note", blankToNull(input.note()))
                .param("now", Timestamp.from(now))
                .param("by", caller.name())
                .param(
                        "watch",
                        Timestamp.from(now.atZone(LOCAL)
                                .plusMonths(policy.watchMonths())
                                .toInstant()))
                .param("id", taskId)
                .update();
        // a conclusion stops the clocks; an unreachable person still needs the visit, whose deadline
        // escalates the task as uncooperative when it passes
        jdbc.sql("UPDATE dissuasion.deadline SET stopped_at = :now, next_fire_at = NULL "
                        + "WHERE task_id = :id AND met_at IS NULL AND stopped_at IS NULL"
                        + (input.outcome() == Outcome.UNREACHABLE ? " AND kind <> 'FACE_TO_FACE'" : ""))
                .param("now", Timestamp.from(now))
                .param("id", taskId)
                .update();
        for (var day : policy.revisitDays()) {
            scheduleRevisit(taskId, "REVISIT", day, now.plus(Duration.ofDays(day)), null);
        }
        Timeline.append(
                jdbc,
                taskId,
                now,
                caller.name(),
                "OUTCOME",
                input.outcome()
                        + (input.faceToFace() ? " · 见面" : "")
                        + (loss == null ? "" : " · ¥" + loss.toPlainString()));
        audit.record(
                caller.name(),
                "TASK_CONCLUDED",
                "task",
                taskId.toString(),
                input.outcome().name());
        if (input.outcome() != Outcome.REFUSED) {
            warnings.follow(task.warningId(), input.outcome().warningStatus(), caller.name(), input.note());
        }
        events.publishEvent(new DissuasionConcluded(
                taskId,
                task.warningId(),
                input.outcome(),
                input.faceToFace(),
                loss,
                task.residentId(),
                task.idNumber(),
                task.phone(),
                task.stationCode(),
                caller.name(),
                now));
        if (input.outcome() == Outcome.DEFRAUDED) {
            events.publishEvent(new VictimisationReported(
                    task.residentId(), task.idNumber(), task.phone(), now, "DISSUASION", taskId.toString(), taskId));
        }
        boolean unreachablePastVisit = input.outcome() == Outcome.UNREACHABLE && faceToFaceDuePassed(taskId, now);
        if (input.outcome() == Outcome.REFUSED || unreachablePastVisit) {
            uncooperative(taskId, caller.name(), now);
        }
        return view(taskId);
    }

    private boolean faceToFaceDuePassed(UUID taskId, Instant now) {
        return jdbc.sql("SELECT due_at FROM dissuasion.deadline WHERE task_id = :id AND kind = 'FACE_TO_FACE'")
                .param("id", taskId)
                .query(Timestamp.class)
                .optional()
                // no visit is required at this level: being unreachable is itself past it
                .map(due -> !due.toInstant().isAfter(now))
                .orElse(true);
    }

    /**
     * 拒不配合 (seed 004): the city center and the station work it together, the level goes up,
     * protective measures are requested, and a second visit with the relative and the familiar officer
     * is scheduled.
     */
    void uncooperative(UUID taskId, String actor, Instant now) {
        var task = lock(taskId);
        if (task.uncooperativeAt() != null) {
            return;
        }
        var raised = warnings.escalate(
                task.warningId(),
                actor,
                new LevelReason(
                        "UNCOOPERATIVE",
                        "劝阻对象拒不配合或无法联系，升级处置",
                        "The person refused or could not be reached; escalated"));
        jdbc.sql("UPDATE dissuasion.task SET uncooperative_at = :now, level = :level, updated_at = :now WHERE id = :id")
                .param("now", Timestamp.from(now))
                .param("level", raised.name())
                .param("id", taskId)
                .update();
        var city = notices.cityCode();
        jdbc.sql("""
                        INSERT INTO dissuasion.escalation (task_id, seq, kind, target, target_unit, at, note)
                        VALUES (:task, :seq, 'UNCOOPERATIVE', 'CITY_CENTER', :unit, :at, :note)
                        """)
                .param("task", taskId)
                .param("seq", nextSeq("escalation", taskId))
                .param("unit", city)
                .param("at", Timestamp.from(now))
                .param("note", "市反诈中心与派出所联动处置 " + (task.stationCode() == null ? "" : task.stationCode()))
                .update();
        var companions = jdbc.sql("SELECT role, name FROM dissuasion.team_member WHERE task_id = :id AND active "
                        + "AND role IN ('RELATIVE', 'FAMILIAR_OFFICER') AND name IS NOT NULL ORDER BY seq")
                .param("id", taskId)
                .query((rs, i) -> rs.getString(1) + " " + Masking.name(rs.getString(2)))
                .list();
        var policy = settings.policy().body();
        scheduleRevisit(
                taskId,
                "SECOND_VISIT",
                null,
                now.plus(Duration.ofHours(policy.secondVisitHours())),
                companions.isEmpty() ? "再次上门" : "再次上门，同去：" + String.join("、", companions));
        events.publishEvent(new ProtectionRequested(
                task.warningId(),
                taskId,
                List.of(
                        ProtectionRequested.Measure.STOP_PAYMENT_ALL_ACCOUNTS,
                        ProtectionRequested.Measure.PHONE_RESTRICTION),
                "uncooperative",
                now));
        Timeline.append(jdbc, taskId, now, actor, "UNCOOPERATIVE", "→ " + raised + "; 止付 + 限制手机; 二次上门");
        notices.uncooperative(taskId, task.stationCode(), raised);
    }

    private void scheduleRevisit(UUID taskId, String kind, Integer day, Instant due, String note) {
        jdbc.sql("""
                        INSERT INTO dissuasion.revisit (id, task_id, kind, day, due_at, note, station_code, district_code,
                            township_code, community_code, grid_code)
                        SELECT :id, t.id, :kind, :day, :due, :note, t.station_code, t.district_code, t.township_code,
                            t.community_code, t.grid_code FROM dissuasion.task t WHERE t.id = :task
                        """)
                .param("id", TimeOrderedIds.next())
                .param("task", taskId)
                .param("kind", kind)
                .param("day", day)
                .param("due", Timestamp.from(due))
                .param("note", note)
                .update();
    }

    /** The "三清" answers of a revisit (item id → done). */
    public record RevisitInput(Map<String, Boolean> checklist, String note) {}

    /** Marks a revisit done; when the last one is, the task (and its warning) is closed. */
    @Transactional
    public TaskView completeRevisit(UUID revisitId, Caller caller, RevisitInput input) {
        var taskId = jdbc.sql("SELECT task_id FROM dissuasion.revisit WHERE id = :id")
                .param("id", revisitId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new TaskNotFound(revisitId));
        requireVisible(taskId, caller);
        var task = lock(taskId);
        var checklist = settings.checklist(Checklist.REVISIT);
        var answers = input.checklist() == null ? Map.<String, Boolean>of() : input.checklist();
        if (!answers.keySet().equals(checklist.body().ids())) {
            throw new InvalidTaskInput("checklist", "answer every item of checklist version " + checklist.version());
        }
        var now = clock.instant();
        int updated = jdbc.sql("""
                        UPDATE dissuasion.revisit SET done_at = :now, done_by = :by, checklist_version = :cv,
                            answers = :answers::jsonb, note = coalesce(:note, note)
                        WHERE id = :id AND done_at IS NULL
                        """)
                .param("now", Timestamp.from(now))
                .param("by", caller.name())
                .param("cv", checklist.version())
                .param("answers", write(answers))
                .param("note", blankToNull(input.note()))
                .param("id", revisitId)
                .update();
        if (updated == 0) {
            throw new TaskActionRefused("this revisit is already done");
        }
        Timeline.append(jdbc, taskId, now, caller.name(), "REVISIT", blankToNull(input.note()));
        long open = jdbc.sql("SELECT count(*) FROM dissuasion.revisit WHERE task_id = :id AND done_at IS NULL")
                .param("id", taskId)
                .query(Long.class)
                .single();
        if (open == 0 && task.status() == TaskStatus.CONCLUDED) {
            setStatus(taskId, TaskStatus.CLOSED, now);
            warnings.follow(task.warningId(), WarningStatus.CLOSED, caller.name(), null);
            Timeline.append(jdbc, taskId, now, caller.name(), "CLOSED", null);
        }
        return view(taskId);
    }

    /** Who takes a team member's place: a staff member or a resident (for kin), and why. */
    public record SwapInput(UUID staffId, UUID residentId, String reason) {}

    /** The station swaps a team member, with a reason; the old member stays in the record, inactive. */
    @Transactional
    public TaskView swapMember(UUID taskId, int seq, Caller caller, SwapInput input) {
        requireVisible(taskId, caller);
        if (caller.role() != Role.STATION_OFFICER
                && caller.role() != Role.DISTRICT_CENTER
                && caller.role() != Role.CITY_CENTER) {
            throw new TaskActionRefused("the station or a center swaps team members");
        }
        if (input.reason() == null || input.reason().isBlank()) {
            throw new InvalidTaskInput("reason", "is required");
        }
        if ((input.staffId() == null) == (input.residentId() == null)) {
            throw new InvalidTaskInput("staffId", "give either a staffId or a residentId");
        }
        lock(taskId);
        var role = jdbc.sql("SELECT role FROM dissuasion.team_member WHERE task_id = :t AND seq = :s AND active")
                .param("t", taskId)
                .param("s", seq)
                .query((rs, i) -> TeamRole.valueOf(rs.getString(1)))
                .optional()
                .orElseThrow(() -> new InvalidTaskInput("seq", "no active team member " + seq));
        TeamMember replacement;
        if (input.staffId() != null) {
            var member = staff.find(input.staffId(), Scope.city())
                    .orElseThrow(() -> new InvalidTaskInput("staffId", "no such staff member"));
            replacement = new TeamMember(
                    role,
                    member.id(),
                    member.residentId(),
                    member.name(),
                    member.phone(),
                    member.unitCode(),
                    null,
                    "替换：" + input.reason().strip(),
                    "Swapped in: " + input.reason().strip());
        } else {
            var person = residents
                    .find(input.residentId(), Scope.city())
                    .orElseThrow(() -> new InvalidTaskInput("residentId", "no such resident"));
            replacement = new TeamMember(
                    role,
                    null,
                    input.residentId(),
                    person.name(),
                    null,
                    null,
                    null,
                    "替换：" + input.reason().strip(),
                    "Swapped in: " + input.reason().strip());
        }
        var now = clock.instant();
        jdbc.sql("""
                        UPDATE dissuasion.team_member SET active = false, removed_at = :at, removed_by = :by,
                            removed_why = :why WHERE task_id = :task AND seq = :seq
                        """)
                .param("at", Timestamp.from(now))
                .param("by", caller.name())
                .param("why", input.reason().strip())
                .param("task", taskId)
                .param("seq", seq)
                .update();
        insertMember(taskId, nextSeq("team_member", taskId), replacement);
        Timeline.append(
                jdbc,
                taskId,
                now,
                caller.name(),
                "TEAM_SWAP",
                role + " #" + seq + ": " + input.reason().strip());
        audit.record(
                caller.name(),
                "TASK_TEAM_SWAPPED",
                "task",
                taskId.toString(),
                role + " " + input.reason().strip());
        touch(taskId, now);
        return view(taskId);
    }

    // ------------------------------------------------------------------ the watch

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

    // ------------------------------------------------------------------ the clocks' side

    /** Marks a clock met, if it is still running. */
    private void meet(UUID taskId, DeadlineKind kind, Instant at) {
        jdbc.sql("UPDATE dissuasion.deadline SET met_at = :at, next_fire_at = NULL "
                        + "WHERE task_id = :id AND kind = :kind AND met_at IS NULL")
                .param("at", Timestamp.from(at))
                .param("id", taskId)
                .param("kind", kind.name())
                .update();
    }

    // ------------------------------------------------------------------ plumbing

    /** The row facts the actions need, read under a row lock so two people acting at once take turns. */
    record Locked(
            UUID warningId,
            TaskStatus status,
            UUID residentId,
            String idNumber,
            String phone,
            String stationCode,
            Instant uncooperativeAt) {}

    Locked lock(UUID taskId) {
        return jdbc.sql("SELECT * FROM dissuasion.task WHERE id = :id FOR UPDATE")
                .param("id", taskId)
                .query((rs, i) -> new Locked(
                        rs.getObject("warning_id", UUID.class),
                        TaskStatus.valueOf(rs.getString("status")),
                        rs.getObject("resident_id", UUID.class),
                        rs.getString("person_id_number"),
                        rs.getString("person_phone"),
                        rs.getString("station_code"),
                        instant(rs.getTimestamp("uncooperative_at"))))
                .optional()
                .orElseThrow(() -> new TaskNotFound(taskId));
    }

    private Optional<UUID> taskOf(UUID warningId) {
        return jdbc.sql("SELECT id FROM dissuasion.task WHERE warning_id = :w")
                .param("w", warningId)
                .query(UUID.class)
                .optional();
    }

    private void requireVisible(UUID taskId, Caller caller) {
        boolean visible = jdbc.sql("SELECT count(*) FROM dissuasion.task t WHERE t.id = :id AND " + visible(caller))
                        .param("id", taskId)
                        .params(visibleParams(caller))
                        .query(Long.class)
                        .single()
                > 0;
        if (!visible) {
            throw new TaskNotFound(taskId);
        }
    }

    /**
     * What the caller may see, as SQL on the task aliased {@code t}: their jurisdiction or the teams
     * they are on; for a grid worker or township head only the teams.
     */
    static String visible(Caller caller) {
        boolean teamsOnly = caller.role() == Role.GRID_WORKER || caller.role() == Role.TOWNSHIP_HEAD;
        var scope = teamsOnly ? "FALSE" : caller.scope().predicate("t");
        return "(" + scope + " OR " + member(caller) + ")";
    }

    private static String member(Caller caller) {
        return caller.staffId() == null
                ? "FALSE"
                : "EXISTS (SELECT 1 FROM dissuasion.team_member m WHERE m.task_id = t.id AND m.active "
                        + "AND m.staff_id = :staffId)";
    }

    static Map<String, Object> visibleParams(Caller caller) {
        var params = new HashMap<String, Object>();
        params.put(
                Scope.PARAM, caller.scope().code() == null ? "" : caller.scope().code());
        params.put("staffId", caller.staffId() == null ? new UUID(0, 0) : caller.staffId());
        return params;
    }

    private static Map<String, Object> placementParams(Placement p) {
        var params = new HashMap<String, Object>();
        params.put("district", p.district());
        params.put("station", p.station());
        params.put("township", p.township());
        params.put("community", p.community());
        params.put("grid", p.grid());
        return params;
    }

    private int nextSeq(String table, UUID taskId) {
        return jdbc.sql("SELECT coalesce(max(seq), 0) + 1 FROM dissuasion." + table + " WHERE task_id = :id")
                .param("id", taskId)
                .query(Integer.class)
                .single();
    }

    private void setStatus(UUID taskId, TaskStatus status, Instant now) {
        jdbc.sql("UPDATE dissuasion.task SET status = :s, updated_at = :now WHERE id = :id")
                .param("s", status.name())
                .param("now", Timestamp.from(now))
                .param("id", taskId)
                .update();
    }

    private void touch(UUID taskId, Instant now) {
        jdbc.sql("UPDATE dissuasion.task SET updated_at = :now WHERE id = :id")
                .param("now", Timestamp.from(now))
                .param("id", taskId)
                .update();
    }

    private boolean photoBelongs(UUID photoId, UUID taskId) {
        return jdbc.sql("SELECT count(*) FROM dissuasion.photo WHERE id = :p AND task_id = :t")
                        .param("p", photoId)
                        .param("t", taskId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    TaskView view(UUID taskId) {
        var now = clock.instant();
        var team = jdbc.sql("SELECT * FROM dissuasion.team_member WHERE task_id = :id AND active ORDER BY seq")
                .param("id", taskId)
                .query((rs, i) -> new TaskView.Member(
                        rs.getInt("seq"),
                        TeamRole.valueOf(rs.getString("role")),
                        rs.getObject("staff_id", UUID.class),
                        rs.getObject("resident_id", UUID.class),
                        Masking.name(rs.getString("name")),
                        Masking.phone(rs.getString("phone")),
                        rs.getString("unit_code"),
                        rs.getString("relation"),
                        rs.getString("reason_zh"),
                        rs.getString("reason_en"),
                        rs.getObject("staff_id") == null && rs.getObject("resident_id") == null))
                .list();
        var clocks = jdbc.sql("SELECT * FROM dissuasion.deadline WHERE task_id = :id ORDER BY due_at")
                .param("id", taskId)
                .query((rs, i) -> {
                    var due = rs.getTimestamp("due_at").toInstant();
                    var met = instant(rs.getTimestamp("met_at"));
                    var stopped = instant(rs.getTimestamp("stopped_at"));
                    return new TaskView.Clock(
                            DeadlineKind.valueOf(rs.getString("kind")),
                            due,
                            met,
                            stopped,
                            rs.getInt("step"),
                            met == null && stopped == null && (!due.isAfter(now) || rs.getInt("step") > 0));
                })
                .list();
        var escalations = jdbc.sql("SELECT * FROM dissuasion.escalation WHERE task_id = :id ORDER BY seq")
                .param("id", taskId)
                .query((rs, i) -> new TaskView.Escalation(
                        rs.getInt("seq"),
                        rs.getString("kind"),
                        rs.getString("deadline_kind") == null
                                ? null
                                : DeadlineKind.valueOf(rs.getString("deadline_kind")),
                        rs.getString("kind").equals("OVERDUE") ? EscalationStep.nth(rs.getInt("step")) : null,
                        rs.getString("target_unit"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("note")))
                .list();
        var contacts = jdbc.sql("SELECT * FROM dissuasion.contact WHERE task_id = :id ORDER BY seq")
                .param("id", taskId)
                .query((rs, i) -> new TaskView.Contact(
                        rs.getInt("seq"),
                        ContactChannel.valueOf(rs.getString("channel")),
                        ContactResult.valueOf(rs.getString("result")),
                        rs.getTimestamp("at").toInstant(),
                        rs.getBoolean("face_to_face"),
                        rs.getString("by_user"),
                        rs.getString("location"),
                        rs.getObject("photo_id", UUID.class),
                        rs.getString("note")))
                .list();
        var revisits = jdbc.sql("SELECT * FROM dissuasion.revisit WHERE task_id = :id ORDER BY due_at")
                .param("id", taskId)
                .query((rs, i) -> {
                    var due = rs.getTimestamp("due_at").toInstant();
                    var done = instant(rs.getTimestamp("done_at"));
                    return new TaskView.Revisit(
                            rs.getObject("id", UUID.class),
                            rs.getString("kind"),
                            (Integer) rs.getObject("day"),
                            due,
                            done,
                            rs.getString("done_by"),
                            done == null && !due.isAfter(now),
                            rs.getString("note"));
                })
                .list();
        return jdbc.sql("SELECT * FROM dissuasion.task WHERE id = :id")
                .param("id", taskId)
                .query((rs, i) -> task(rs, team, clocks, escalations, contacts, revisits))
                .single();
    }

    private TaskView task(
            ResultSet rs,
            List<TaskView.Member> team,
            List<TaskView.Clock> clocks,
            List<TaskView.Escalation> escalations,
            List<TaskView.Contact> contacts,
            List<TaskView.Revisit> revisits)
            throws SQLException {
        var outcome = rs.getString("outcome");
        TaskView.Conclusion conclusion = outcome == null
                ? null
                : new TaskView.Conclusion(
                        Outcome.valueOf(outcome),
                        rs.getBoolean("outcome_face_to_face"),
                        rs.getBigDecimal("loss_amount"),
                        (Integer) rs.getObject("checklist_version"),
                        read(rs.getString("checklist_answers")),
                        rs.getString("outcome_note"),
                        instant(rs.getTimestamp("concluded_at")),
                        rs.getString("concluded_by"));
        var watchUntil = instant(rs.getTimestamp("watch_until"));
        return new TaskView(
                rs.getObject("id", UUID.class),
                rs.getObject("warning_id", UUID.class),
                TaskStatus.valueOf(rs.getString("status")),
                WarningLevel.valueOf(rs.getString("level")),
                new TaskView.Person(
                        Masking.name(rs.getString("person_name")),
                        Masking.idNumber(rs.getString("person_id_number")),
                        Masking.phone(rs.getString("person_phone")),
                        rs.getObject("resident_id", UUID.class)),
                rs.getString("unit_code"),
                rs.getString("station_code"),
                rs.getString("grid_code"),
                team,
                new TaskView.Deadlines(
                        due(clocks, DeadlineKind.SIGN_FOR),
                        due(clocks, DeadlineKind.FIRST_CONTACT),
                        due(clocks, DeadlineKind.FACE_TO_FACE)),
                clocks,
                escalations,
                contacts,
                conclusion,
                revisits,
                watchUntil == null
                        ? null
                        : new TaskView.Watch(
                                watchUntil,
                                instant(rs.getTimestamp("defrauded_after_at")),
                                rs.getString("defrauded_after_note")),
                rs.getInt("sla_version"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getTimestamp("opened_at").toInstant());
    }

    private static Instant due(List<TaskView.Clock> clocks, DeadlineKind kind) {
        return clocks.stream()
                .filter(c -> c.kind() == kind)
                .map(TaskView.Clock::dueAt)
                .findFirst()
                .orElse(null);
    }

    private Map<String, Boolean> read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, ANSWERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored checklist answers are unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Not there, or not for the caller to see: the same answer, so scope leaks nothing. */
    public static class TaskNotFound extends RuntimeException {
        public TaskNotFound(UUID id) {
            super("No task " + id + " for you");
        }
    }

    /** The action does not fit the task's state or the caller's part in it. */
    public static class TaskActionRefused extends RuntimeException {
        public TaskActionRefused(String message) {
            super(message);
        }
    }

    /** A field of the input is wrong; the API names it. */
    public static class InvalidTaskInput extends IllegalArgumentException {

        private final String field;

        public InvalidTaskInput(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
