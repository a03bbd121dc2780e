package io.purseguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.purseguard.PurseguardTest;
import io.purseguard.dissuasion.Tasks;
import io.purseguard.dissuasion.TestPhotos;
import io.purseguard.identity.ApiTokens;
import io.purseguard.identity.Role;
import io.purseguard.scope.Scope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dissuasion contract as a mobile client or an upstream system sees it. */
@PurseguardTest
class DissuasionApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokens tokens;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port, "test-bootstrap-token");
    }

    /** Takes in a CRITICAL fund clue for an adult of station P02 and answers the warning id once its task is open. */
    private String warnedWithTask(int n) {
        var idNumber = jdbc.sql("SELECT id_number FROM residents.resident WHERE station_code = '329901P02' "
                        + "AND birth_date < DATE '1990-01-01' ORDER BY id OFFSET :n LIMIT 1")
                .param("n", n)
                .query(String.class)
                .single();
        var now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        var clue = """
                {"clueId":"%s","source":"BANK","kind":"FUND","pushedAt":"%s",
                 "person":{"name":"测试","idNumber":"%s"},
                 "suspect":{"account":{"bank":"某行","number":"6222020200112233446","holder":"李四"}},
                 "amount":88000,"transactedAt":"%s","fraudTypeHint":"FAKE_INVESTMENT"}
                """.formatted("D-" + UUID.randomUUID(), now.minusMinutes(1), idNumber, now.minusMinutes(20));
        var reply = api.post("/api/v1/warnings", "{\"items\":[" + clue + "]}");
        var warningId = reply.json().get("results").get(0).get("warningId").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/warnings/" + warningId).json().has("task"));
        return warningId;
    }

    @Test
    void a_warning_answers_its_task_with_team_deadlines_and_escalations() {
        var warningId = warnedWithTask(3);
        var task = api.get("/api/v1/warnings/" + warningId).json().get("task");

        assertThat(task.get("status").asText()).isEqualTo("OPEN");
        assertThat(task.get("team").findValuesAsText("role")).contains("OFFICER", "GRID_WORKER");
        assertThat(task.get("deadlines").has("signFor")).isTrue();
        assertThat(task.get("deadlines").has("firstContact")).isTrue();
        assertThat(task.get("deadlines").has("faceToFace")).isTrue();
        assertThat(task.get("escalations").isArray()).isTrue();
        // names are masked in the team
        task.get("team").forEach(m -> {
            if (m.has("name")) {
                assertThat(m.get("name").asText()).contains("*");
            }
        });
    }

    @Test
    void contacts_and_the_outcome_move_the_warning_and_bad_items_name_the_field() {
        var warningId = warnedWithTask(4);

        var call = api.post(
                "/api/v1/warnings/" + warningId + "/contacts", "{\"channel\":\"PHONE\",\"result\":\"ANSWERED\"}");
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.json().get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(api.get("/api/v1/warnings/" + warningId).json().get("status").asText())
                .isEqualTo("IN_PROGRESS");

        var bad = api.post(
                "/api/v1/warnings/" + warningId + "/contacts", "{\"channel\":\"PIGEON\",\"result\":\"ANSWERED\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsText("field")).containsExactly("channel");

        var noChecklist = api.post(
                "/api/v1/warnings/" + warningId + "/outcome", "{\"outcome\":\"DISSUADED\",\"faceToFace\":true}");
        assertThat(noChecklist.status()).isEqualTo(400);
        assertThat(noChecklist.json().get("errors").findValuesAsText("field")).containsExactly("checklist");

        var done = api.post("/api/v1/warnings/" + warningId + "/outcome", """
                {"outcome":"DISSUADED_AFTER_LOSS","faceToFace":true,"lossAmount":1200.50,
                 "checklist":{"ask-contact":true,"ask-app":true,"ask-transfer":true,"tell-method":true,"tell-hotline":true},
                 "note":"部分损失后劝阻成功"}
                """);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("outcome").get("outcome").asText()).isEqualTo("DISSUADED_AFTER_LOSS");
        assertThat(done.json().get("outcome").get("lossAmount").decimalValue()).isEqualByComparingTo("1200.50");
        assertThat(done.json().get("revisits").size()).isEqualTo(2);
        var warning = api.get("/api/v1/warnings/" + warningId).json();
        assertThat(warning.get("status").asText()).isEqualTo("DISSUADED");
        assertThat(warning.get("task").get("watch").has("until")).isTrue();

        var again = api.post(
                "/api/v1/warnings/" + warningId + "/outcome", "{\"outcome\":\"REFUSED\",\"faceToFace\":false}");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void a_photo_is_taken_by_its_bytes_and_loses_its_position_unless_the_location_is_kept() {
        var taskId = api.get("/api/v1/warnings/" + warnedWithTask(5))
                .json()
                .get("task")
                .get("id")
                .asText();
        var photos = "/api/v1/tasks/" + taskId + "/photos";

        // a JPEG with a GPS position, declared as anything: stored as a JPEG, without the position
        var stripped = api.postFile(photos, "photo", "IMG_0001", TestPhotos.jpegWithGps(), "application/octet-stream");
        assertThat(stripped.status()).isEqualTo(200);
        var strippedId = stripped.json().get("photoId").asText();
        assertThat(storedType(strippedId)).isEqualTo("image/jpeg");
        assertThat(api.get(photos + "/" + strippedId).contentType()).startsWith("image/jpeg");
        var exif = TestPhotos.exifOf(storedBytes(strippedId));
        assertThat(exifValue(() -> exif.getGpsInfo())).isNull();
        assertThat(exifValue(() -> exif.getFieldValue(TiffTagConstants.TIFF_TAG_ORIENTATION)))
                .isEqualTo((short) TestPhotos.ORIENTATION);

        // the officer asked to keep where it was taken
        var kept = api.postFile(
                photos + "?keepLocation=true", "photo", "IMG_0002.jpg", TestPhotos.jpegWithGps(), "image/jpeg");
        assertThat(kept.status()).isEqualTo(200);
        var gps = exifValue(
                () -> TestPhotos.exifOf(storedBytes(kept.json().get("photoId").asText()))
                        .getGpsInfo());
        assertThat(gps).isNotNull();
        assertThat(exifValue(gps::getLatitudeAsDegreesNorth)).isCloseTo(TestPhotos.LATITUDE, within(1e-4));

        // a PNG declared as a JPEG is stored as the PNG it is, without its eXIf chunk
        var png = api.postFile(photos, "photo", "door.jpg", TestPhotos.pngWithExif(), "image/jpeg");
        assertThat(png.status()).isEqualTo(200);
        var pngId = png.json().get("photoId").asText();
        assertThat(storedType(pngId)).isEqualTo("image/png");
        assertThat(storedBytes(pngId)).isEqualTo(TestPhotos.png());

        // a WebP is recognised; a HEIC without keepLocation is refused for its position, with it stored
        var webp = api.postFile(photos, "photo", "door", TestPhotos.webpWithExif(), "application/octet-stream");
        assertThat(webp.status()).isEqualTo(200);
        assertThat(storedType(webp.json().get("photoId").asText())).isEqualTo("image/webp");
        var heic = api.postFile(photos, "photo", "IMG_0003.HEIC", TestPhotos.heic(), "image/heic");
        assertThat(heic.status()).isEqualTo(400);
        assertThat(heic.json().get("errors").findValuesAsText("field")).containsExactly("photo");
        assertThat(heic.json().get("errors").findValuesAsText("message").get(0)).contains("HEIC");
        var heicKept =
                api.postFile(photos + "?keepLocation=true", "photo", "IMG_0003.HEIC", TestPhotos.heic(), "image/heic");
        assertThat(heicKept.status()).isEqualTo(200);
        assertThat(storedType(heicKept.json().get("photoId").asText())).isEqualTo("image/heic");

        // text named and declared as a JPEG, and a JPEG over 10 MB, are refused naming the field
        var text = api.postFile(
                photos, "photo", "photo.jpg", "not a picture at all".getBytes(StandardCharsets.UTF_8), "image/jpeg");
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().get("errors").findValuesAsText("field")).containsExactly("photo");
        assertThat(text.json().get("errors").findValuesAsText("message").get(0)).contains("JPEG, PNG, WebP or HEIC");
        var huge = Arrays.copyOf(TestPhotos.jpeg(), Tasks.PHOTO_MAX_BYTES + 1);
        var tooLarge = api.postFile(photos, "photo", "huge.jpg", huge, "image/jpeg");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().get("errors").findValuesAsText("field")).containsExactly("photo");
        assertThat(tooLarge.json().get("errors").findValuesAsText("message").get(0))
                .contains("10 MB");

        assertThat(jdbc.sql("SELECT count(*) FROM dissuasion.photo WHERE task_id = :t")
                        .param("t", UUID.fromString(taskId))
                        .query(Long.class)
                        .single())
                .as("only the accepted ones are stored")
                .isEqualTo(5);
    }

    private String storedType(String photoId) {
        return jdbc.sql("SELECT content_type FROM dissuasion.photo WHERE id = :id")
                .param("id", UUID.fromString(photoId))
                .query(String.class)
                .single();
    }

    private byte[] storedBytes(String photoId) {
        return jdbc.sql("SELECT bytes FROM dissuasion.photo WHERE id = :id")
                .param("id", UUID.fromString(photoId))
                .query(byte[].class)
                .single();
    }

    private interface ExifRead<T> {
        T read() throws java.io.IOException;
    }

    private static <T> T exifValue(ExifRead<T> read) {
        try {
            return read.read();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void the_policy_is_versioned_and_a_bad_window_is_named() {
        var policy = api.get("/api/v1/dissuasion/policy");
        assertThat(policy.status()).isEqualTo(200);
        assertThat(policy.json()
                        .get("body")
                        .get("windows")
                        .get("CRITICAL")
                        .get("signForMinutes")
                        .asInt())
                .isEqualTo(2);
        assertThat(api.get("/api/v1/dissuasion/checklists/dissuasion")
                        .json()
                        .get("body")
                        .get("items")
                        .size())
                .isEqualTo(5);
        // the bootstrap token is the city center, not the admin
        var body = policy.json().get("body").toString();
        assertThat(api.put("/api/v1/dissuasion/policy", body).status()).isEqualTo(403);

        var admin = api.as(tokens.issue("policy-admin", Role.ADMIN, Scope.none()));
        var bad = body.replace("\"signForMinutes\":2", "\"signForMinutes\":0");
        var refused = admin.put("/api/v1/dissuasion/policy", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsText("field")).containsExactly("windows.CRITICAL");
        var version = policy.json().get("version").asInt();
        assertThat(api.get("/api/v1/dissuasion/policy").json().get("version").asInt())
                .isEqualTo(version);

        // a good one is the next version, and opens the next tasks; the defaults are restored after
        var published = admin.put("/api/v1/dissuasion/policy", body);
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().get("version").asInt()).isEqualTo(version + 1);
    }
}
