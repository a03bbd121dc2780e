package io.purseguard.dissuasion;

import static io.purseguard.dissuasion.TaskRows.blankToNull;

import io.purseguard.dissuasion.Tasks.ContactInput;
import io.purseguard.dissuasion.Tasks.InvalidTaskInput;
import io.purseguard.identity.Caller;
import io.purseguard.platform.Moments;
import io.purseguard.platform.Text;
import io.purseguard.warning.WarningStatus;
import io.purseguard.warning.Warnings;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording a call, visit or message: a contact that reaches the person meets the first-contact
 * clock, a visit that reaches them the face-to-face clock, and the first one starts the work.
 */
@Component
class RecordingContacts {

    private final JdbcClient jdbc;
    private final TaskRows rows;
    private final TaskViews views;
    private final TaskPhotos photos;
    private final Warnings warnings;
    private final Clock clock;

    RecordingContacts(
            JdbcClient jdbc, TaskRows rows, TaskViews views, TaskPhotos photos, Warnings warnings, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.views = views;
        this.photos = photos;
        this.warnings = warnings;
        this.clock = clock;
    }

    @Transactional
    public TaskView logContact(UUID taskId, Caller caller, ContactInput input) {
        rows.requireVisible(taskId, caller);
        var task = rows.lock(taskId);
        var now = clock.instant();
        var at = input.at() == null ? now : input.at();
        Moments.problem(at, now).ifPresent(problem -> {
            throw new InvalidTaskInput("at", problem);
        });
        TaskRows.checkText("location", input.location(), Text.LINE, false);
        TaskRows.checkText("note", input.note(), Text.NOTE, true);
        if (input.channel() == null) {
            throw new InvalidTaskInput("channel", "is required");
        }
        if (input.result() == null) {
            throw new InvalidTaskInput("result", "is required");
        }
        if (input.photoId() != null && !photos.belongs(input.photoId(), taskId)) {
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
                .param("seq", rows.nextSeq("contact", taskId))
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
            rows.meet(taskId, DeadlineKind.FIRST_CONTACT, at);
        }
        if (faceToFace && input.result().reached()) {
            jdbc.sql("UPDATE dissuasion.task SET face_to_face_at = coalesce(face_to_face_at, :at) WHERE id = :id")
                    .param("at", Timestamp.from(at))
                    .param("id", taskId)
                    .update();
            rows.meet(taskId, DeadlineKind.FACE_TO_FACE, at);
        }
        if (task.status() == TaskStatus.OPEN) {
            rows.setStatus(taskId, TaskStatus.IN_PROGRESS, now);
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
        rows.touch(taskId, now);
        return views.view(taskId);
    }
}
