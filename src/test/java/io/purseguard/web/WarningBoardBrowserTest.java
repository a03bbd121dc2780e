package io.purseguard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.purseguard.PurseguardTest;
import io.purseguard.residents.IdNumber;
import io.purseguard.warning.ClueDraft;
import io.purseguard.warning.IntakeDoor;
import io.purseguard.warning.WarningIntake;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The warning spine in Debian's Chromium: the city center watches its board while a clue is posted;
 * the warning appears without a reload (the counts poll and the list follows); a station officer, on
 * a phone, opens 预警, signs for it, and sees it signed; the warning's page fits the phone.
 *
 * <p>Set {@code -Dpurseguard.shots=/tmp/shots} to keep screenshots ({@code warnings-*.png}).
 */
@PurseguardTest
class WarningBoardBrowserTest extends ChromiumTest {

    static final String MY_STATION = "329901P01";

    /** The board polls every 5 s; allow two polls and the list's reload. */
    static final LocatorAssertions.IsVisibleOptions WITHIN_TWO_POLLS =
            new LocatorAssertions.IsVisibleOptions().setTimeout(15_000);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WarningIntake intake;

    @Test
    void the_center_sees_a_posted_warning_arrive_and_a_station_officer_on_a_phone_signs_for_it() {
        var person = TaskFixtures.ofStation(jdbc, MY_STATION, 11);
        String warningId;

        try (var desk = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            var page = desk.newPage();
            signIn(page, "center");
            page.locator("nav.nav")
                    .getByRole(
                            AriaRole.LINK,
                            new Locator.GetByRoleOptions().setName("预警").setExact(true))
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*/warnings/board$"));
            assertThat(page.locator("h1")).hasText("预警看板");
            assertThat(page.locator("#board-counts")).containsText("特危待签收");
            assertThat(page.locator("#board-chart svg")).isVisible();
            var totalBefore = page.locator("#count-total").innerText();

            // an upstream platform pushes a clue while the board is open
            warningId = TaskFixtures.take(intake, fund(person)).toString();

            var row = page.locator("#results #w-" + warningId);
            assertThat(row).isVisible(WITHIN_TWO_POLLS); // no reload: the poll noticed and the list followed
            assertThat(row).containsText(person.name());
            assertThat(row).containsText("特危");
            assertThat(page.locator("#count-total")).not().hasText(totalBefore);
            chromium.shoot(page, "warnings-board");

            // someone the city cannot place waits in the manual queue; the center sends them to a station
            var stranger = intake.take(List.of(stranger()), IntakeDoor.REST).get(0);
            var queued = page.locator("#queue #q-" + stranger.warningId());
            assertThat(queued).isVisible(WITHIN_TWO_POLLS);
            assertThat(queued).containsText("无法定位，待人工分派");
            queued.getByRole(AriaRole.COMBOBOX).selectOption(new SelectOption().setLabel("青石派出所"));
            queued.getByRole(AriaRole.TEXTBOX).fill("电话核实住在青石辖区");
            chromium.shoot(page, "warnings-board-queue");
            queued.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("移交"))
                    .click();
            assertThat(queued).containsText("已移交至青石派出所");

            row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(person.name()))
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*/warnings/" + warningId + "$"));
            assertThat(page.locator("h1")).containsText(person.name());
            assertThat(page.locator(".id-number")).hasText(Pattern.compile("\\d{4}\\*{10}[\\dX]{4}"));
            chromium.shoot(page, "warnings-detail-center");
        }

        try (var phone = browser.newContext(HeadlessChromium.phone(375, 812, 2))) {
            var page = phone.newPage();
            signIn(page, "station");
            page.locator("nav.nav")
                    .getByRole(
                            AriaRole.LINK,
                            new Locator.GetByRoleOptions().setName("预警").setExact(true))
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*/warnings$"));
            var row = page.locator("#w-" + warningId);
            assertThat(row).containsText("待签收");
            HeadlessChromium.fitsTheScreen(page);
            chromium.shoot(page, "warnings-phone-list");

            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("签收"))
                    .click();
            assertThat(row).containsText("已签收");
            assertThat(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("签收")))
                    .hasCount(0);
            Assertions.assertThat(page.url()).endsWith("/warnings"); // the row was swapped, not the page
            chromium.shoot(page, "warnings-phone-signed");

            row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(person.name()))
                    .click();
            assertThat(page.locator("main")).containsText("已签收");
            assertThat(page.locator(".timeline li")).hasCount(2);
            HeadlessChromium.fitsTheScreen(page);
            chromium.shoot(page, "warnings-phone-detail");
        }

        // the board fits a phone too
        try (var phone = browser.newContext(HeadlessChromium.phone(375, 812, 2))) {
            var page = phone.newPage();
            signIn(page, "center");
            page.navigate(base() + "/warnings/board");
            assertThat(page.locator("#board-chart svg")).isVisible();
            HeadlessChromium.fitsTheScreen(page);
            chromium.shoot(page, "warnings-phone-board");
        }
    }

    private static ClueDraft fund(TaskFixtures.Person person) {
        return TaskFixtures.fund(
                person.named(),
                new ClueDraft.Account("某银行", "6222020200112233446", "李四"),
                "88000",
                Instant.now().minusSeconds(900),
                "FAKE_INVESTMENT",
                "高");
    }

    /** From another province, with no address: the city's manual queue. */
    private static ClueDraft stranger() {
        var now = Instant.now();
        return new ClueDraft(
                "BROWSER-" + UUID.randomUUID(),
                "PROVINCIAL",
                "CALL",
                TaskFixtures.at(now.minusSeconds(20)),
                new ClueDraft.Person(
                        "外省来客",
                        IdNumber.of("430524", LocalDate.of(1961, 5, 4), 37).value(),
                        null,
                        null,
                        null),
                new ClueDraft.Suspect(null, "+85261234567", null, null),
                null,
                null,
                "IMPERSONATE_AUTHORITY",
                null);
    }
}
