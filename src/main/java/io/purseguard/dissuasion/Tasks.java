package io.purseguard.dissuasion;

import io.purseguard.identity.Caller;
import io.purseguard.identity.RevealReason;
import io.purseguard.warning.WarningLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Dissuasion tasks, as the web layer and other modules see them: one task per warning, worked by its
 * team (contacts, photos, the outcome, revisits, team swaps), read within the caller's jurisdiction or
 * teams. A thin face: each use case is its own package-private class named as the activity
 * ({@link RecordingContacts}, {@link ConcludingTasks}, {@link Revisits}, ...); opening, following the
 * warning, the uncooperative path and the watch are driven from inside the module ({@link TaskEvents},
 * {@link SlaClock}) and are not part of it.
 */
@Service
public class Tasks {

    private final TaskQueries queries;
    private final RevealingIdentifiers revealing;
    private final RecordingContacts contacts;
    private final TaskPhotos photos;
    private final ConcludingTasks concluding;
    private final Revisits revisits;
    private final SwappingTeamMembers swapping;

    Tasks(
            TaskQueries queries,
            RevealingIdentifiers revealing,
            RecordingContacts contacts,
            TaskPhotos photos,
            ConcludingTasks concluding,
            Revisits revisits,
            SwappingTeamMembers swapping) {
        this.queries = queries;
        this.revealing = revealing;
        this.contacts = contacts;
        this.photos = photos;
        this.concluding = concluding;
        this.revisits = revisits;
        this.swapping = swapping;
    }

    // ------------------------------------------------------------------ reading

    /** The task of a warning, if the caller may see it. */
    public Optional<TaskView> ofWarning(UUID warningId, Caller caller) {
        return queries.ofWarning(warningId, caller);
    }

    /** The id of a warning's task, if the caller may see it: for acting on it without reading it all. */
    public Optional<UUID> idOfWarning(UUID warningId, Caller caller) {
        return queries.idOfWarning(warningId, caller);
    }

    /** A task by its id, if the caller may see it. */
    public Optional<TaskView> find(UUID taskId, Caller caller) {
        return queries.find(taskId, caller);
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
    public List<TaskLine> list(Caller caller, Filter filter, int limit) {
        return queries.list(caller, filter, limit);
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
    public List<RevisitLine> revisitsDue(Caller caller, int limit) {
        return queries.revisitsDue(caller, limit);
    }

    /** One line of a task's timeline. */
    public record TimelineLine(int seq, Instant at, String actor, String action, String detail) {}

    public List<TimelineLine> timeline(UUID taskId, Caller caller) {
        return queries.timeline(taskId, caller);
    }

    /** The person's full phone and ID number, for someone who must call or check them; audited. */
    public record Revealed(String idNumber, String phone) {}

    public Revealed reveal(UUID taskId, Caller caller, RevealReason reason) {
        return revealing.reveal(taskId, caller, reason);
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

    public TaskView logContact(UUID taskId, Caller caller, ContactInput input) {
        return contacts.logContact(taskId, caller, input);
    }

    /** The largest visit photo taken, in bytes (10 MB). */
    public static final int PHOTO_MAX_BYTES = 10 * 1024 * 1024;

    /**
     * A photo taken at a visit, stored with the task; answers its id for the contact to refer to. It is
     * taken for what its bytes are (JPEG, PNG, WebP or HEIC, at most {@link #PHOTO_MAX_BYTES}) and loses
     * its GPS position unless {@code keepLocation}; refused with {@link PhotoRefused} otherwise.
     */
    public UUID addPhoto(UUID taskId, Caller caller, byte[] bytes, boolean keepLocation) {
        return photos.addPhoto(taskId, caller, bytes, keepLocation);
    }

    /**
     * As {@link #addPhoto(UUID, Caller, byte[], boolean)} without keeping the location; the declared
     * type is not trusted and not used.
     */
    public UUID addPhoto(UUID taskId, Caller caller, String contentType, byte[] bytes) {
        return addPhoto(taskId, caller, bytes, false);
    }

    /** A stored photo, if the caller may see its task. */
    public record Photo(String contentType, byte[] bytes) {}

    public Optional<Photo> photo(UUID taskId, UUID photoId, Caller caller) {
        return photos.photo(taskId, photoId, caller);
    }

    /** How the dissuasion ended, with the checklist as worked through (item id → done). */
    public record OutcomeInput(
            Outcome outcome, Boolean faceToFace, BigDecimal lossAmount, Map<String, Boolean> checklist, String note) {}

    /**
     * Records the outcome and its effects: the warning follows, the clocks stop, revisits are
     * scheduled, the watch starts, {@link DissuasionConcluded} is published; a refusal (or an
     * unreachable person past the face-to-face deadline) escalates.
     */
    public TaskView conclude(UUID taskId, Caller caller, OutcomeInput input) {
        return concluding.conclude(taskId, caller, input);
    }

    /** The "三清" answers of a revisit (item id → done). */
    public record RevisitInput(Map<String, Boolean> checklist, String note) {}

    /** Marks a revisit done; when the last one is, the task (and its warning) is closed. */
    public TaskView completeRevisit(UUID revisitId, Caller caller, RevisitInput input) {
        return revisits.completeRevisit(revisitId, caller, input);
    }

    /** Who takes a team member's place: a staff member or a resident (for kin), and why. */
    public record SwapInput(UUID staffId, UUID residentId, String reason) {}

    /** The station swaps a team member, with a reason; the old member stays in the record, inactive. */
    public TaskView swapMember(UUID taskId, int seq, Caller caller, SwapInput input) {
        return swapping.swapMember(taskId, seq, caller, input);
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

    /** A visit photo refused for what its bytes are; the field is {@code photo}, the reason names the refusal. */
    public static class PhotoRefused extends InvalidTaskInput {

        /** Why, for a page to say it in its own words ({@code task.error.photo.<key>}). */
        public enum Reason {
            /** Not a JPEG, PNG, WebP or HEIC by its first bytes. */
            FORMAT,
            /** Empty or over {@link Tasks#PHOTO_MAX_BYTES}. */
            SIZE,
            /** Recognised, but its structure does not hold together. */
            UNREADABLE,
            /** A HEIC photo, whose position cannot be taken out, sent without asking to keep the location. */
            HEIC_LOCATION;

            public String key() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }
        }

        private final Reason reason;

        public PhotoRefused(Reason reason, String message) {
            super("photo", message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }
}
