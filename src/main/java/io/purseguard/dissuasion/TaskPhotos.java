package io.purseguard.dissuasion;

import io.purseguard.dissuasion.Tasks.Photo;
import io.purseguard.dissuasion.Tasks.PhotoRefused;
import io.purseguard.dissuasion.Tasks.PhotoRefused.Reason;
import io.purseguard.identity.Caller;
import io.purseguard.platform.TimeOrderedIds;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Photos taken at visits, kept with their task. */
@Component
class TaskPhotos {

    private final JdbcClient jdbc;
    private final TaskRows rows;
    private final Clock clock;

    TaskPhotos(JdbcClient jdbc, TaskRows rows, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.clock = clock;
    }

    /** A photo taken at a visit, stored with the task; answers its id for the contact to refer to. */
    @Transactional
    public UUID addPhoto(UUID taskId, Caller caller, byte[] bytes, boolean keepLocation) {
        rows.requireVisible(taskId, caller);
        if (bytes.length == 0 || bytes.length > Tasks.PHOTO_MAX_BYTES) {
            throw new PhotoRefused(Reason.SIZE, "must be between 1 byte and 10 MB");
        }
        var format = PhotoFormat.of(bytes)
                .orElseThrow(() -> new PhotoRefused(Reason.FORMAT, "must be a JPEG, PNG, WebP or HEIC image"));
        byte[] stored = keepLocation ? bytes : StrippingLocation.from(format, bytes);
        var contentType = format.contentType();
        var id = TimeOrderedIds.next();
        var now = clock.instant();
        jdbc.sql("INSERT INTO dissuasion.photo (id, task_id, content_type, bytes, taken_at, taken_by) "
                        + "VALUES (:id, :task, :type, :bytes, :at, :by)")
                .param("id", id)
                .param("task", taskId)
                .param("type", contentType)
                .param("bytes", stored)
                .param("at", Timestamp.from(now))
                .param("by", caller.name())
                .update();
        Timeline.append(jdbc, taskId, now, caller.name(), "PHOTO", id.toString());
        return id;
    }

    @Transactional(readOnly = true)
    public Optional<Photo> photo(UUID taskId, UUID photoId, Caller caller) {
        rows.requireVisible(taskId, caller);
        return jdbc.sql("SELECT content_type, bytes FROM dissuasion.photo WHERE id = :id AND task_id = :task")
                .param("id", photoId)
                .param("task", taskId)
                .query((rs, i) -> new Photo(rs.getString(1), rs.getBytes(2)))
                .optional();
    }

    /** Whether the photo is one of this task's, for a contact to refer to it. */
    boolean belongs(UUID photoId, UUID taskId) {
        return jdbc.sql("SELECT count(*) FROM dissuasion.photo WHERE id = :p AND task_id = :t")
                        .param("p", photoId)
                        .param("t", taskId)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
