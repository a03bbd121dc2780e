package io.purseguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.PurseguardTest;
import io.purseguard.dissuasion.Checklist;
import io.purseguard.dissuasion.DissuasionSettings;
import io.purseguard.dissuasion.Outcome;
import io.purseguard.dissuasion.TaskStatus;
import io.purseguard.dissuasion.TaskView;
import io.purseguard.dissuasion.Tasks;
import io.purseguard.dissuasion.TeamRole;
import io.purseguard.dissuasion.TestPhotos;
import io.purseguard.warning.WarningIntake;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 劝阻任务 pages over real HTTP: the inboxes of a grid worker, a station and the city center; the
 * task page, which a grid worker opens only when on its team; the audited reveal; a refused outcome
 * shown next to its field with what was typed kept; a team swap that needs a reason; revisits and the
 * settings. Every task here is opened by a clue of its own, about a person of its own.
 */
@PurseguardTest
class TaskPagesTest {

    static final String PASSWORD = "demo123";
    static final String MY_STATION = "329901P01";
    static final String OTHER_STATION = "329901P02";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WarningIntake intake;

    @Autowired
    Tasks tasks;

    @Autowired
    DissuasionSettings settings;

    /** A task about someone of the demo grid worker's grid (so the worker is on its team). */
    private TaskView gridTask(int n) {
        return TaskFixtures.gridTask(jdbc, intake, tasks, n, "3000");
    }

    private TaskView stationTask(String station, int n) {
        return TaskFixtures.warn(
                intake, tasks, TaskFixtures.resident(jdbc, "r.station_code = :value", station, n), "3000");
    }

    /** Posts a form of {@code page} with the page's CSRF token, as the browser would. */
    private static WebSession.Page submit(
            WebSession session, String page, String action, Map<String, String> fields, String... headers) {
        var form = new HashMap<>(fields);
        form.put("_csrf", WebSession.csrfOf(session.get(page)));
        return session.post(action, form, headers);
    }

    private long audited(String actor, String action, UUID taskId) {
        return jdbc.sql("SELECT count(*) FROM identity.audit_entry WHERE actor = :actor AND action = :action"
                        + " AND target_id = :target")
                .param("actor", actor)
                .param("action", action)
                .param("target", taskId.toString())
                .query(Long.class)
                .single();
    }

    @Test
    void the_inboxes_and_the_task_page_render_for_the_grid_worker_the_station_and_the_center() {
        var task = gridTask(3);

        var grid = WebSession.signedIn(port, "grid", PASSWORD);
        var mine = grid.get("/tasks");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body())
                .contains("劝阻任务", "我的任务", "id=\"t-" + task.id() + "\"", "data-due=", "every 15s")
                .contains("href=\"/tasks\"", "href=\"/revisits\"") // the navigation
                .doesNotContain("id=\"tab-open\"", "id=\"tab-queue\""); // a grid worker has no station board
        var page = grid.get("/tasks/" + task.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains(task.person().name(), task.person().phone(), "显示完整号码")
                .contains("劝阻专班（4+1）", "网格员", "您的职责", "熟悉当事人日常")
                .contains("签收", "首次联系", "剩余 ")
                .contains("电话劝阻", "上门签到", "capture=\"environment\"", "type=\"datetime-local\"")
                .contains("三必问两告知（第", "是否接到可疑电话或短信", "告知96110、110求助电话")
                .contains("劝阻成功（未损失）", "部分损失后劝阻", "已被骗", "联系不上", "拒不配合")
                .contains("完整记录（1 条）", "开始，组建专班")
                .doesNotContain("value=\"staff:"); // a grid worker swaps nobody
        // the full number never leaves the server before the reveal
        var phone = jdbc.sql("SELECT person_phone FROM dissuasion.task WHERE id = :id")
                .param("id", task.id())
                .query(String.class)
                .single();
        assertThat(page.body()).doesNotContain(phone);

        var station = WebSession.signedIn(port, "station", PASSWORD);
        var own = stationTask(MY_STATION, 3);
        var board = station.get("/tasks");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.body()).contains("在办任务", "id=\"tab-open\"", "id=\"t-" + own.id() + "\"");
        var fragment = station.get("/tasks/section?filter=OPEN", "HX-Request", "true");
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body().strip()).startsWith("<section");
        assertThat(fragment.body()).doesNotContain("<html", "<nav").contains("id=\"t-" + own.id() + "\"");
        var stationPage = station.get("/tasks/" + own.id());
        assertThat(stationPage.status()).isEqualTo(200);
        assertThat(stationPage.body()).contains("更换", "更换原因（必填）");

        var center = WebSession.signedIn(port, "center", PASSWORD);
        var queue = center.get("/tasks");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains("升级队列", "超时任务", "id=\"tab-queue\"", "id=\"section-ESCALATED\"");
        assertThat(center.get("/tasks?tab=open").body()).contains("id=\"t-" + own.id() + "\"");

        for (var session : new WebSession[] {grid, station, center}) {
            assertThat(session.get("/revisits").status()).isEqualTo(200);
            var settings = session.get("/dissuasion/settings");
            assertThat(settings.status()).isEqualTo(200);
            assertThat(settings.body())
                    .contains("时限与回访", "三必问两告知", "三清（回访）", "设置只能由管理员修改")
                    .doesNotContain("id=\"policy-form\"");
        }

        // the warning's page links to its task, without the warning module knowing tasks
        var warningPage = center.get("/warnings/" + task.warningId());
        assertThat(warningPage.body()).contains("/tasks/by-warning/" + task.warningId());
        var link = center.get("/tasks/by-warning/" + task.warningId());
        assertThat(link.status()).isEqualTo(302);
        assertThat(link.location()).endsWith("/tasks/" + task.id());

        // in English too (the language sticks to the session: last)
        assertThat(center.get("/tasks/" + task.id() + "?lang=en").body())
                .contains("Dissuasion of", "Show the full number", "The team (4+1)", "Record the outcome");

        // roles that see no people have no tasks
        var bank = WebSession.signedIn(port, "bank", PASSWORD);
        assertThat(bank.get("/tasks").status()).isEqualTo(403);
        assertThat(bank.get("/tasks/" + task.id()).status()).isEqualTo(404);
    }

    @Test
    void a_grid_worker_cannot_open_a_task_they_are_not_on() {
        var elsewhere = stationTask(OTHER_STATION, 4);
        var worker = TaskFixtures.staffOf(jdbc, "grid");
        assertThat(elsewhere.team()).noneMatch(m -> worker.equals(m.staffId()));

        var grid = WebSession.signedIn(port, "grid", PASSWORD);
        assertThat(grid.get("/tasks/" + elsewhere.id()).status()).isEqualTo(404);
        assertThat(grid.get("/tasks/by-warning/" + elsewhere.warningId()).status())
                .isEqualTo(404);
        assertThat(grid.get("/tasks?tab=overdue").body())
                .doesNotContain(elsewhere.id().toString());
        // nor act on it: a post answers the same 404
        var own = gridTask(4);
        var refused = submit(
                grid,
                "/tasks/" + own.id(),
                "/tasks/" + elsewhere.id() + "/calls",
                Map.of("result", "ANSWERED", "channel", "PHONE"));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(tasks.find(elsewhere.id(), TaskFixtures.CITY).orElseThrow().contacts())
                .isEmpty();
        // and another station's officer does not see it either
        var station = WebSession.signedIn(port, "station", PASSWORD);
        assertThat(station.get("/tasks/" + elsewhere.id()).status()).isEqualTo(404);
        assertThat(WebSession.signedIn(port, "station2", PASSWORD)
                        .get("/tasks/" + elsewhere.id())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void revealing_the_full_number_is_audited_and_shows_it_as_a_link_to_call() {
        var task = gridTask(5);
        var phone = jdbc.sql("SELECT person_phone FROM dissuasion.task WHERE id = :id")
                .param("id", task.id())
                .query(String.class)
                .single();
        var grid = WebSession.signedIn(port, "grid", PASSWORD);
        long before = audited("grid", "TASK_PERSON_REVEALED", task.id());

        var htmx = submit(
                grid,
                "/tasks/" + task.id(),
                "/tasks/" + task.id() + "/reveal",
                Map.of("purpose", "DISSUASION_CALL"),
                "HX-Request",
                "true");
        assertThat(htmx.status()).isEqualTo(200);
        assertThat(htmx.body().strip()).startsWith("<div id=\"person-contact\"");
        assertThat(htmx.body()).contains("href=\"tel:" + phone + "\"", "已记入审计").doesNotContain("<html");
        assertThat(audited("grid", "TASK_PERSON_REVEALED", task.id())).isEqualTo(before + 1);

        // without htmx: the whole page, with the number
        var page = submit(
                grid, "/tasks/" + task.id(), "/tasks/" + task.id() + "/reveal", Map.of("purpose", "DISSUASION_CALL"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"tel:" + phone + "\"", "劝阻专班（4+1）");
        assertThat(audited("grid", "TASK_PERSON_REVEALED", task.id())).isEqualTo(before + 2);

        // a plain GET of the page does not reveal, and is not audited
        assertThat(grid.get("/tasks/" + task.id()).body()).doesNotContain(phone);
        assertThat(audited("grid", "TASK_PERSON_REVEALED", task.id())).isEqualTo(before + 2);
    }

    @Test
    void a_visit_photo_is_refused_in_the_pages_words_and_keeps_its_position_only_when_the_box_is_ticked()
            throws Exception {
        var task = gridTask(8);
        var grid = WebSession.signedIn(port, "grid", PASSWORD);
        var page = "/tasks/" + task.id();
        assertThat(grid.get(page).body()).contains("name=\"keepLocation\"", "保留拍摄位置");

        var text = visitWithPhoto(grid, page, Map.of(), "photo.jpg", "不是照片".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.body()).contains("id=\"visit-photo-error\"", "照片须为 JPEG、PNG、WebP 或 HEIC 图片");
        var heic = visitWithPhoto(grid, page, Map.of(), "IMG_0001.HEIC", TestPhotos.heic());
        assertThat(heic.status()).isEqualTo(400);
        assertThat(heic.body()).contains("HEIC 照片含位置信息，请改用 JPEG 或勾选保留位置");

        var stripped = visitWithPhoto(grid, page, Map.of(), "IMG_0002.jpg", TestPhotos.jpegWithGps());
        assertThat(stripped.status()).isEqualTo(302);
        var kept = visitWithPhoto(grid, page, Map.of("keepLocation", "true"), "IMG_0003.jpg", TestPhotos.jpegWithGps());
        assertThat(kept.status()).isEqualTo(302);

        var contacts = tasks.find(task.id(), TaskFixtures.CITY).orElseThrow().contacts();
        assertThat(contacts).hasSize(2);
        var gps = new ArrayList<Object>();
        for (var contact : contacts) {
            var photo =
                    tasks.photo(task.id(), contact.photoId(), TaskFixtures.CITY).orElseThrow();
            assertThat(photo.contentType()).isEqualTo("image/jpeg");
            gps.add(TestPhotos.exifOf(photo.bytes()).getGpsInfo());
        }
        assertThat(gps).as("the first without its position, the second with it").hasSize(2);
        assertThat(gps.get(0)).isNull();
        assertThat(gps.get(1)).isNotNull();
    }

    private WebSession.Page visitWithPhoto(
            WebSession session, String page, Map<String, String> fields, String filename, byte[] photo) {
        var form = new HashMap<>(fields);
        form.put("_csrf", WebSession.csrfOf(session.get(page)));
        form.put("result", "ANSWERED");
        return session.postFile(page + "/visits", form, "photo", filename, photo, "image/jpeg");
    }

    @Test
    void an_outcome_the_service_refuses_is_shown_next_to_its_field_with_what_was_typed() {
        var task = gridTask(6);
        var grid = WebSession.signedIn(port, "grid", PASSWORD);
        var page = "/tasks/" + task.id();

        // a partial loss needs its amount
        var form = new HashMap<String, String>();
        form.put("outcome", "DISSUADED_AFTER_LOSS");
        form.put("faceToFace", "no");
        form.put("note", "已追回部分");
        var noAmount = submit(grid, page, page + "/outcome", form);
        assertThat(noAmount.status()).isEqualTo(400);
        assertThat(noAmount.body())
                .contains("没有保存：请按提示修改", "id=\"outcome-lossAmount-error\"", "须填写损失金额")
                .contains("value=\"已追回部分\"");
        assertThat(Pattern.compile("value=\"DISSUADED_AFTER_LOSS\"[^>]*checked")
                        .matcher(noAmount.body())
                        .find())
                .as("the chosen outcome stays chosen")
                .isTrue();
        assertThat(noAmount.body()).doesNotContain("id=\"outcome-checklist-error\"");

        // DISSUADED with the checklist not worked through
        var dissuaded = submit(
                grid, page, page + "/outcome", Map.of("outcome", "DISSUADED", "faceToFace", "yes", "item", "ask-app"));
        assertThat(dissuaded.status()).isEqualTo(400);
        assertThat(dissuaded.body()).contains("id=\"outcome-checklist-error\"", "请逐项完成清单上的每一项");
        assertThat(Pattern.compile("value=\"ask-app\"[^>]*checked")
                        .matcher(dissuaded.body())
                        .find())
                .isTrue();
        assertThat(Pattern.compile("value=\"ask-contact\"[^>]*checked")
                        .matcher(dissuaded.body())
                        .find())
                .isFalse();

        // a visit in the future
        var future = submit(
                grid, page, page + "/visits", Map.of("result", "ANSWERED", "at", "2099-01-01T10:00", "location", "村口"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("id=\"visit-at-error\"", "value=\"2099-01-01T10:00\"", "value=\"村口\"");

        var now = tasks.find(task.id(), TaskFixtures.CITY).orElseThrow();
        assertThat(now.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(now.outcome()).isNull();
        assertThat(now.contacts()).isEmpty();
    }

    @Test
    void the_station_swaps_a_team_member_only_with_a_reason() {
        var task = stationTask(MY_STATION, 5);
        var station = WebSession.signedIn(port, "station", PASSWORD);
        var page = "/tasks/" + task.id();
        var body = station.get(page).body();
        var officer = task.team().stream()
                .filter(m -> m.role() == TeamRole.OFFICER && !m.missing())
                .findFirst()
                .orElseThrow();
        var section = body.substring(body.indexOf("id=\"member-" + officer.seq() + "\""));
        var candidate = Pattern.compile("value=\"(staff:[0-9a-f\\-]+)\"").matcher(section);
        assertThat(candidate.find())
                .as("another officer of the station is offered")
                .isTrue();

        var noReason = submit(
                station,
                page,
                page + "/team/" + officer.seq() + "/swap",
                Map.of("replacement", candidate.group(1), "reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"swap-" + officer.seq() + "-reason-error\"", "请填写更换原因");
        assertThat(tasks.find(task.id(), TaskFixtures.CITY).orElseThrow().team())
                .extracting(TaskView.Member::staffId)
                .contains(officer.staffId());

        var swapped = submit(
                station,
                page,
                page + "/team/" + officer.seq() + "/swap",
                Map.of("replacement", candidate.group(1), "reason", "原民警休假"));
        assertThat(swapped.status()).isEqualTo(302);
        var team = tasks.find(task.id(), TaskFixtures.CITY).orElseThrow().team();
        assertThat(team).extracting(TaskView.Member::staffId).doesNotContain(officer.staffId());
        assertThat(team)
                .filteredOn(m -> m.role() == TeamRole.OFFICER)
                .singleElement()
                .satisfies(m -> assertThat(m.reason()).contains("原民警休假"));
        assertThat(station.get(page).body()).contains("已更换专班成员", "更换专班成员");
    }

    @Test
    void revisits_are_completed_with_the_three_clears_and_the_last_one_closes_the_task() {
        var task = gridTask(7);
        var concluded = tasks.conclude(
                task.id(),
                TaskFixtures.CITY,
                new Tasks.OutcomeInput(
                        Outcome.DISSUADED,
                        true,
                        null,
                        Map.of(
                                "ask-contact", true,
                                "ask-app", true,
                                "ask-transfer", true,
                                "tell-method", true,
                                "tell-hotline", true),
                        null));
        Assertions.assertThat(concluded.revisits()).hasSize(2);
        var first = concluded.revisits().get(0).id();
        var last = concluded.revisits().get(1).id();
        var grid = WebSession.signedIn(port, "grid", PASSWORD);
        var list = grid.get("/revisits");
        assertThat(list.body()).contains("id=\"r-" + first + "\"", "id=\"r-" + last + "\"", "被骗事实清");

        // two of the three clears: not done, and the ticks are kept
        var partial = submit(
                grid, "/revisits", "/revisits/" + first + "/complete", Map.of("item", "clear-facts", "note", "已回访"));
        assertThat(partial.status()).isEqualTo(400);
        assertThat(partial.body())
                .contains("id=\"revisit-" + first + "-checklist-error\"", "请逐项完成清单上的每一项", "value=\"已回访\"");
        assertThat(Pattern.compile("value=\"clear-facts\"[^>]*checked")
                        .matcher(partial.body())
                        .find())
                .isTrue();

        // all three (the browser test ticks them on a phone): done, the last one closes the task
        var clears = new java.util.LinkedHashMap<String, Boolean>();
        settings.checklist(Checklist.REVISIT).body().items().forEach(item -> clears.put(item.id(), true));
        tasks.completeRevisit(first, TaskFixtures.CITY, new Tasks.RevisitInput(clears, null));
        assertThat(grid.get("/revisits").body())
                .doesNotContain("id=\"r-" + first + "\"")
                .contains("id=\"r-" + last + "\"");
        tasks.completeRevisit(last, TaskFixtures.CITY, new Tasks.RevisitInput(clears, null));
        var closed = grid.get("/tasks/" + task.id());
        assertThat(closed.body()).contains("已结案", "完成", "预后观察").doesNotContain("id=\"revisit-form-");
        assertThat(grid.get("/tasks?tab=concluded").body()).contains("id=\"t-" + task.id() + "\"");
        // a revisit already done is said so, not done twice
        var again = submit(
                grid,
                "/revisits",
                "/revisits/" + last + "/complete",
                Map.of("item", "clear-facts", "from", "list", "task", task.id().toString()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("该回访已经完成");
    }

    @Test
    void only_the_administrator_publishes_settings_and_a_wrong_field_is_named() {
        var admin = WebSession.signedIn(port, "admin", PASSWORD);
        var page = admin.get("/dissuasion/settings");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"policy-form\"", "id=\"checklist-form-dissuasion\"");

        var fields = new HashMap<String, String>();
        for (var level : new String[] {"CRITICAL", "HIGH", "MEDIUM", "LOW"}) {
            fields.put(level + ".signFor", "5");
            fields.put(level + ".firstContact", "2"); // before the sign-for: refused by the policy's own check
            fields.put(level + ".faceToFace", "");
        }
        fields.put("revisitDays", "3, 30");
        fields.put("watchMonths", "12");
        fields.put("secondVisitHours", "abc");
        var refused = submit(admin, "/dissuasion/settings", "/dissuasion/settings/policy", fields);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("没有发布", "请填写整数", "value=\"abc\"");
        // the numbers parse, but the first call cannot be due before the sign-for: the policy says so
        fields.put("secondVisitHours", "24");
        var inconsistent = submit(admin, "/dissuasion/settings", "/dissuasion/settings/policy", fields);
        assertThat(inconsistent.status()).isEqualTo(400);
        assertThat(inconsistent.body()).contains("且签收 ≤ 首次联系 ≤ 见面", "value=\"2\"");
        assertThat(admin.get("/dissuasion/settings").body()).contains("5 分钟", "60 分钟"); // nothing published

        var station = WebSession.signedIn(port, "station", PASSWORD);
        var forbidden = submit(station, "/dissuasion/settings", "/dissuasion/settings/policy", fields);
        assertThat(forbidden.status()).isEqualTo(403);

        // a checklist item with a bad id is named by its row
        var checklist = new HashMap<String, String>();
        checklist.put("rows", "1");
        checklist.put("item0.id", "Bad Id");
        checklist.put("item0.kind", "ASK");
        checklist.put("item0.zh", "问");
        checklist.put("item0.en", "Ask");
        var badItem = submit(admin, "/dissuasion/settings", "/dissuasion/settings/checklists/revisit", checklist);
        assertThat(badItem.status()).isEqualTo(400);
        assertThat(badItem.body()).contains("编号只能用小写字母", "value=\"Bad Id\"");

        // the revisit checklist published again as it is (and a blank row, ignored): a new version
        var current = settings.checklist(Checklist.REVISIT);
        var same = new HashMap<String, String>();
        int row = 0;
        for (var item : current.body().items()) {
            same.put("item" + row + ".id", item.id());
            same.put("item" + row + ".kind", item.kind());
            same.put("item" + row + ".zh", item.zh());
            same.put("item" + row + ".en", item.en());
            row++;
        }
        assertThat(row).isPositive();
        same.put("rows", Integer.toString(row + 1));
        var published = submit(admin, "/dissuasion/settings", "/dissuasion/settings/checklists/revisit", same);
        assertThat(published.status()).isEqualTo(302);
        var next = settings.checklist(Checklist.REVISIT);
        assertThat(next.version()).isEqualTo(current.version() + 1);
        assertThat(next.body()).isEqualTo(current.body());
        assertThat(next.createdBy()).isEqualTo("admin");
        assertThat(admin.get("/dissuasion/settings").body()).contains("已发布新版本");
    }
}
