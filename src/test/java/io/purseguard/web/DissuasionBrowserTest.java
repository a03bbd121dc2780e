package io.purseguard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.purseguard.PurseguardTest;
import io.purseguard.dissuasion.SlaClock;
import io.purseguard.dissuasion.TaskStatus;
import io.purseguard.dissuasion.Tasks;
import io.purseguard.scope.Scope;
import io.purseguard.warning.WarningIntake;
import io.purseguard.warning.WarningLevel;
import io.purseguard.warning.WarningStatus;
import io.purseguard.warning.Warnings;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 劝阻 on a phone, in Debian's Chromium at 390×844: the grid worker opens a task they are on, reveals
 * the number, logs a call, checks in a visit with a photo, works through 三必问两告知 and records
 * DISSUADED, and the warning follows; the city center watches an overdue CRITICAL task climb the
 * escalation steps on its overdue list. No page scrolls sideways.
 *
 * <p>The SLA scheduler is off in tests; the test drives {@link SlaClock#tick} with explicit instants.
 * Set {@code -Dpurseguard.shots=/tmp/shots} to keep screenshots ({@code tasks-*.png}).
 */
@PurseguardTest
class DissuasionBrowserTest extends ChromiumTest {

    /** A 1×1 PNG, as a phone's camera would send a (much larger) JPEG. */
    static final byte[] PHOTO = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /** The center's list refreshes itself every 15 s. */
    static final LocatorAssertions.ContainsTextOptions WITHIN_A_REFRESH =
            new LocatorAssertions.ContainsTextOptions().setTimeout(25_000);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WarningIntake intake;

    @Autowired
    Tasks tasks;

    @Autowired
    Warnings warnings;

    @Autowired
    SlaClock slaClock;

    private BrowserContext phone() {
        return browser.newContext(HeadlessChromium.phone(390, 844, 3).setLocale("zh-CN"));
    }

    @Test
    void a_grid_worker_on_a_phone_calls_visits_works_the_checklist_and_records_dissuaded() {
        var task = TaskFixtures.gridTask(jdbc, intake, tasks, 7, "20000");
        // ¥20,000 is at least HIGH (more if the person was warned before): a face-to-face deadline too
        Assertions.assertThat(task.level()).isIn(WarningLevel.HIGH, WarningLevel.CRITICAL);

        try (var context = phone()) {
            var page = context.newPage();
            signIn(page, "grid");
            page.locator("nav.nav")
                    .getByRole(
                            AriaRole.LINK,
                            new Locator.GetByRoleOptions().setName("任务").setExact(true))
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*/tasks$"));
            assertThat(page.locator("#tab-mine")).hasClass(Pattern.compile("active"));
            var row = page.locator("#t-" + task.id());
            assertThat(row).containsText(task.person().name());
            assertThat(row.locator(".countdown")).containsText("剩余");
            HeadlessChromium.fitsTheScreen(page);
            chromium.shoot(page, "tasks-phone-mine");

            row.getByRole(
                            AriaRole.LINK,
                            new Locator.GetByRoleOptions().setName(task.person().name()))
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*/tasks/" + task.id() + "$"));
            assertThat(page.locator("h1")).containsText(task.person().name());
            assertThat(page.locator("#my-duty")).containsText("熟悉当事人日常");
            assertThat(page.locator("#team")).containsText("网格员");
            HeadlessChromium.fitsTheScreen(page);
            chromium.shoot(page, "tasks-phone-task");

            // the full number, to call: audited
            page.locator("#reveal").click();
            var phone = jdbc.sql("SELECT person_phone FROM dissuasion.task WHERE id = :id")
                    .param("id", task.id())
                    .query(String.class)
                    .single();
            assertThat(page.locator("#revealed-phone")).hasAttribute("href", "tel:" + phone);
            assertThat(page.locator("#revealed-phone")).hasText(phone);
            Assertions.assertThat(page.url()).endsWith("/tasks/" + task.id()); // swapped in, not a new page

            // the call
            var call = page.locator("#call");
            call.getByLabel("接通", new Locator.GetByLabelOptions().setExact(true))
                    .check();
            call.locator("#log-call").click();
            assertThat(page.locator("#notice")).hasText("已记录通话。");
            assertThat(page.locator("#contacts")).containsText("接通");
            assertThat(page.locator("#clock-FIRST_CONTACT")).hasClass(Pattern.compile("\\bmet\\b"));

            // the visit: now by default, where, and a photo from the camera
            var visit = page.locator("#visit");
            Assertions.assertThat(visit.locator("#visit-at").inputValue()).isNotBlank();
            visit.getByLabel("见到本人", new Locator.GetByLabelOptions().setExact(true))
                    .check();
            visit.locator("#visit-location").fill("村口小卖部");
            Assertions.assertThat(visit.locator("#visit-photo").getAttribute("capture"))
                    .isEqualTo("environment");
            visit.locator("#visit-photo").setInputFiles(new FilePayload("door.png", "image/png", PHOTO));
            chromium.shoot(page, "tasks-phone-visit");
            visit.locator("#check-in").click();
            assertThat(page.locator("#notice")).hasText("已记录上门签到。");
            var contacts = page.locator("#contacts");
            assertThat(contacts).containsText("见到本人");
            assertThat(contacts).containsText("村口小卖部");
            assertThat(contacts.locator(".tag")).containsText("见面");
            var photo = contacts.locator("img");
            assertThat(photo).isVisible();
            Assertions.assertThat((Boolean) photo.evaluate("img => img.complete && img.naturalWidth > 0"))
                    .as("the stored photo loads")
                    .isTrue();
            assertThat(page.locator("#clock-FACE_TO_FACE")).hasClass(Pattern.compile("\\bmet\\b"));

            // 三必问两告知, then the outcome
            var checklist = page.locator("#checklist input[type=checkbox]");
            Assertions.assertThat(checklist.count()).isEqualTo(5);
            for (var box : checklist.all()) {
                box.check();
            }
            var conclude = page.locator("#conclude");
            conclude.getByLabel("劝阻成功（未损失）", new Locator.GetByLabelOptions().setExact(true))
                    .check();
            assertThat(conclude.getByLabel("是，见面")).isChecked(); // the visit reached them
            HeadlessChromium.fitsTheScreen(page);
            chromium.shoot(page, "tasks-phone-outcome-form");
            conclude.locator("#record-outcome").click();

            assertThat(page.locator("#notice")).hasText("已记录劝阻结果。");
            assertThat(page.locator("#outcome-value")).hasText("劝阻成功（未损失）");
            assertThat(page.locator("#outcome .answers li.done")).hasCount(5);
            assertThat(page.locator("#outcome .revisits")).containsText("第 3 天回访");
            assertThat(page.locator("#outcome .revisits")).containsText("第 30 天回访");
            assertThat(page.locator("#watch")).containsText("观察至");
            assertThat(page.locator("#conclude")).hasCount(0); // nothing left to record
            page.locator("#timeline summary").click();
            assertThat(page.locator("#timeline ol.timeline")).containsText("劝阻结果");
            HeadlessChromium.fitsTheScreen(page);
            chromium.shoot(page, "tasks-phone-concluded");

            // the revisits are on the worker's revisit list
            page.locator("nav.nav")
                    .getByRole(
                            AriaRole.LINK,
                            new Locator.GetByRoleOptions().setName("回访").setExact(true))
                    .click();
            var day3 = tasks.find(task.id(), TaskFixtures.CITY)
                    .orElseThrow()
                    .revisits()
                    .get(0);
            var revisit = page.locator("#r-" + day3.id());
            assertThat(revisit).containsText("第 3 天回访");
            HeadlessChromium.fitsTheScreen(page);
            revisit.locator("summary").click();
            var clears = revisit.locator("input[type=checkbox]");
            Assertions.assertThat(clears.count()).isEqualTo(3);
            for (var box : clears.all()) {
                box.check();
            }
            HeadlessChromium.fitsTheScreen(page);
            chromium.shoot(page, "tasks-phone-revisits");
            revisit.locator("button[type=submit]").click();
            assertThat(page.locator("#notice")).hasText("已完成回访。");
            assertThat(page.locator("#r-" + day3.id())).hasCount(0);
        }

        var concluded = tasks.find(task.id(), TaskFixtures.CITY).orElseThrow();
        Assertions.assertThat(concluded.status()).isEqualTo(TaskStatus.CONCLUDED);
        Assertions.assertThat(concluded.outcome().by()).isEqualTo("grid");
        Assertions.assertThat(concluded.outcome().faceToFace()).isTrue();
        Assertions.assertThat(concluded.contacts()).hasSize(2);
        Assertions.assertThat(concluded.revisits().get(0).doneBy()).isEqualTo("grid");
        Assertions.assertThat(concluded.revisits().get(1).doneAt()).isNull();
        Assertions.assertThat(warnings.find(task.warningId(), Scope.city())
                        .orElseThrow()
                        .status())
                .isEqualTo(WarningStatus.DISSUADED);
    }

    @Test
    void the_center_sees_an_overdue_critical_task_climb_the_escalation_steps() {
        var person = TaskFixtures.resident(jdbc, "r.grid_code IS NOT NULL AND r.station_code = :value", "329901P01", 9);
        var task = TaskFixtures.warn(intake, tasks, person, "80000");
        Assertions.assertThat(task.level()).isEqualTo(WarningLevel.CRITICAL);

        // ten minutes have passed since the clue came in: the task's times move back, as if it had
        // been received then (the clocks compare with the real time), and nobody has signed for it
        var ago = Duration.ofMinutes(10);
        backdate(task.id(), ago);
        var received = task.receivedAt().minus(ago);

        // the scheduler's tick, as the test drives it: just past the 2-minute sign-for deadline
        slaClock.tick(received.plus(Duration.ofMinutes(2)).plusSeconds(1));

        try (var context = phone()) {
            var page = context.newPage();
            signIn(page, "center");
            page.locator("nav.nav")
                    .getByRole(
                            AriaRole.LINK,
                            new Locator.GetByRoleOptions().setName("任务").setExact(true))
                    .click();
            // the center starts on its escalation queue and the overdue tasks
            assertThat(page.locator("#tab-queue")).hasClass(Pattern.compile("active"));
            assertThat(page.locator("#section-OVERDUE #t-" + task.id())).isVisible();

            page.locator("#tab-overdue").click();
            assertThat(page).hasURL(Pattern.compile(".*/tasks\\?tab=overdue$"));
            var row = page.locator("#section-OVERDUE #t-" + task.id());
            assertThat(row).hasClass(Pattern.compile("\\boverdue\\b"));
            assertThat(row).containsText("特危");
            assertThat(row).containsText("超时");
            assertThat(row).containsText("已升级第 1 级：所领导");
            Assertions.assertThat(row.evaluate("r => getComputedStyle(r).borderLeftColor"))
                    .as("an overdue row is red")
                    .isEqualTo("rgb(179, 38, 30)");
            Assertions.assertThat(row.locator(".countdown").evaluate("c => getComputedStyle(c).color"))
                    .isEqualTo("rgb(179, 38, 30)");
            HeadlessChromium.fitsTheScreen(page);
            chromium.shoot(page, "tasks-phone-overdue");

            // two minutes on, still unsigned: the next step, and the list the center is looking at follows
            slaClock.tick(received.plus(Duration.ofMinutes(4)).plusSeconds(2));
            assertThat(row).containsText("已升级第 2 级：分局反诈中心", WITHIN_A_REFRESH);
            Assertions.assertThat(page.url()).endsWith("/tasks?tab=overdue"); // no reload: the section refreshed
            chromium.shoot(page, "tasks-phone-overdue-climbed");

            row.getByRole(
                            AriaRole.LINK,
                            new Locator.GetByRoleOptions().setName(task.person().name()))
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*/tasks/" + task.id() + "$"));
            var signFor = page.locator("#clock-SIGN_FOR");
            assertThat(signFor).hasClass(Pattern.compile("\\blate\\b"));
            assertThat(signFor).containsText("超时");
            assertThat(signFor).containsText("分局反诈中心");
            var escalations = page.locator("#clocks .escalations");
            assertThat(escalations).containsText("超时，上报所领导");
            assertThat(escalations).containsText("超时，上报分局反诈中心");
            HeadlessChromium.fitsTheScreen(page);
            chromium.shoot(page, "tasks-phone-overdue-task");
        }
        // the deadlines behind it, and the administrator's forms, fit the phone too
        try (var context = phone()) {
            var page = context.newPage();
            signIn(page, "admin");
            page.locator("nav.nav")
                    .getByRole(
                            AriaRole.LINK,
                            new Locator.GetByRoleOptions().setName("劝阻设置").setExact(true))
                    .click();
            assertThat(page.locator("#windows tr[data-level=CRITICAL]")).containsText("2 分钟");
            assertThat(page.locator("#windows tr[data-level=CRITICAL]")).containsText("60 分钟");
            assertThat(page.locator("#windows tr[data-level=LOW]")).containsText("无需见面");
            for (var summary : page.locator(".settings-form summary").all()) {
                summary.click();
            }
            assertThat(page.locator("#policy-form")).isVisible();
            assertThat(page.locator("#checklist-form-dissuasion")).isVisible();
            HeadlessChromium.fitsTheScreen(page);
            chromium.shoot(page, "tasks-phone-settings");
        }
        Assertions.assertThat(tasks.list(TaskFixtures.CITY, Tasks.Filter.OVERDUE, 500))
                .filteredOn(l -> l.id().equals(task.id()))
                .singleElement()
                .satisfies(l -> Assertions.assertThat(l.escalationStep()).isEqualTo(2));
    }

    /** Moves a task's times {@code by} into the past, clocks included, as if it had been received then. */
    private void backdate(UUID taskId, Duration by) {
        var interval = by.toSeconds() + " seconds";
        jdbc.sql("UPDATE dissuasion.task SET received_at = received_at - CAST(:by AS interval),"
                        + " opened_at = opened_at - CAST(:by AS interval) WHERE id = :id")
                .param("by", interval)
                .param("id", taskId)
                .update();
        int clocks = jdbc.sql("UPDATE dissuasion.deadline SET due_at = due_at - CAST(:by AS interval),"
                        + " next_fire_at = next_fire_at - CAST(:by AS interval) WHERE task_id = :id")
                .param("by", interval)
                .param("id", taskId)
                .update();
        Assertions.assertThat(clocks).isEqualTo(3);
    }
}
