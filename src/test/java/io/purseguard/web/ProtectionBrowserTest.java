package io.purseguard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.purseguard.PurseguardTest;
import io.purseguard.protection.MeasureKind;
import io.purseguard.protection.MeasureRequest;
import io.purseguard.protection.MeasureState;
import io.purseguard.protection.MeasureView;
import io.purseguard.protection.Measures;
import io.purseguard.protection.OutboxSender;
import io.purseguard.protection.web.ReliableSimulators;
import io.purseguard.scope.Placement;
import io.purseguard.warning.ClueDraft;
import io.purseguard.warning.WarningIntake;
import io.purseguard.warning.WarningStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 以快制快 in Debian's Chromium, on a 390-pixel phone: a HIGH fund warning comes in, and before anyone
 * has called, its page shows the automatic stop-payment REQUESTED; the outbox sends it to the simulated
 * bank, which answers by callback a moment later, and the badge turns EXECUTED with the 48-hour
 * countdown running, without a reload, while the warning is still waiting for the officer's call. The
 * bank's liaison then works their queue on a phone too.
 *
 * <p>Tests run with the outbox sender off, so the test drains it ({@link OutboxSender#drain}) as the
 * scheduler would every 2 s. Set {@code -Dpurseguard.shots=/tmp/shots} to keep screenshots
 * ({@code protection-*.png}).
 */
@PurseguardTest
class ProtectionBrowserTest extends ChromiumTest {

    static final String MY_STATION = "329901P01";
    static final String LOCAL_BANK = "澄川农商银行";

    /** The list polls every 2 s; the simulated bank answers twice, 1.2 s apart. */
    static final LocatorAssertions.HasTextOptions WITHIN_A_FEW_POLLS =
            new LocatorAssertions.HasTextOptions().setTimeout(20_000);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WarningIntake intake;

    @Autowired
    Measures measures;

    @Autowired
    OutboxSender sender;

    @Autowired
    ApplicationContext context;

    @Test
    void a_high_fund_warnings_stop_payment_turns_executed_on_its_page_while_the_officer_is_still_calling() {
        var person = TaskFixtures.ofStation(jdbc, MY_STATION, 13);
        var suspect = MeasurePagesTest.account();

        try (var simulators = ReliableSimulators.answeringAfter(context, Duration.ofMillis(1200));
                var phone = browser.newContext(HeadlessChromium.phone(390, 844, 2))) {
            var warningId = TaskFixtures.take(intake, fund(person, suspect));
            // requested at once by the intake's event, before anyone has called
            MeasureView stop = TaskFixtures.firstMeasure(measures, warningId);
            Assertions.assertThat(stop.kind()).isEqualTo(MeasureKind.STOP_PAYMENT);

            var page = phone.newPage();
            signIn(page, "station");
            page.navigate(base() + "/warnings/" + warningId);
            var row = page.locator("#measures #m-" + stop.measureId());
            assertThat(row).isVisible();
            assertThat(row.locator(".mstate")).hasText("已申请");
            assertThat(row).containsText("紧急止付");
            assertThat(row).containsText(LOCAL_BANK);
            assertThat(row).containsText(suspect.substring(0, 4) + "***********" + suspect.substring(15));
            assertThat(page.locator("#measure-list")).hasAttribute("hx-trigger", "every 2s");
            HeadlessChromium.fitsTheScreen(page);
            chromium.shoot(page, "protection-phone-requested");
            page.evaluate("() => { window.notReloaded = true; }");

            // the outbox delivers it (in production the sender drains every 2 s); the bank calls back
            // the sender stands in for the scheduled one: drained on every poll until the bank has answered
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        sender.drain(Instant.now());
                        return stateOf(stop.measureId()) == MeasureState.EXECUTED;
                    });
            Assertions.assertThat(stateOf(stop.measureId())).isEqualTo(MeasureState.EXECUTED);

            assertThat(row.locator(".mstate")).hasText("已执行", WITHIN_A_FEW_POLLS);
            Assertions.assertThat(page.evaluate("() => window.notReloaded === true"))
                    .as("the badge changed without a reload")
                    .isEqualTo(true);
            assertThat(row.locator(".countdown")).hasText(Pattern.compile("剩余 (47|48):\\d\\d:\\d\\d"));
            assertThat(row).containsText("已控制 ¥88,000.00");
            // all answered: the list stops polling
            assertThat(page.locator("#measure-list")).not().hasAttribute("hx-trigger", "every 2s");
            // and nobody has concluded the call yet
            Assertions.assertThat(jdbc.sql("SELECT status FROM warning.warning WHERE id = :id")
                            .param("id", warningId)
                            .query(String.class)
                            .single())
                    .isIn(
                            WarningStatus.RECEIVED.name(),
                            WarningStatus.SIGNED_FOR.name(),
                            WarningStatus.IN_PROGRESS.name());
            HeadlessChromium.fitsTheScreen(page);
            chromium.shoot(page, "protection-phone-executed");

            // the document number opens the measure's page, with its history and the printable notice
            row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(stop.documentNo()))
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*/measures/" + stop.measureId() + "$"));
            assertThat(page.locator("h1")).containsText("紧急止付");
            assertThat(page.locator("h1 .mstate")).hasText("已执行");
            assertThat(page.locator(".timeline")).containsText("协助单位执行");
            assertThat(page.locator("#notice-link")).isVisible();
            HeadlessChromium.fitsTheScreen(page);
            chromium.shoot(page, "protection-phone-measure");
        }
    }

    @Test
    void the_bank_liaison_works_their_queue_on_a_phone() {
        var request = measures.request(
                new MeasureRequest(
                        MeasureKind.FREEZE,
                        LOCAL_BANK,
                        MeasurePagesTest.account(),
                        "赵六",
                        new BigDecimal("15000"),
                        Instant.now().minusSeconds(900),
                        "涉案资金需冻结",
                        null,
                        null,
                        "CASE-" + UUID.randomUUID(),
                        null,
                        new Placement("329901", MY_STATION, null, null, null)),
                "station");

        try (var phone = browser.newContext(HeadlessChromium.phone(390, 844, 2))) {
            var page = phone.newPage();
            signIn(page, "bank");
            page.locator("nav.nav")
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("银行协查"))
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*/bank$"));
            var item = page.locator("#m-" + request.measureId());
            assertThat(item).containsText("冻结");
            assertThat(item).containsText("赵六");
            HeadlessChromium.fitsTheScreen(page);
            chromium.shoot(page, "protection-phone-bank");

            item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("受理"))
                    .click();
            assertThat(page.locator("#bank-notice")).containsText("已受理 " + request.documentNo());
            var acknowledged = page.locator("#group-ACKNOWLEDGED #m-" + request.measureId());
            assertThat(acknowledged.locator(".mstate").first()).hasText("已受理");

            acknowledged.getByRole(AriaRole.TEXTBOX).first().fill("14800.00");
            acknowledged
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("已执行"))
                    .click();
            var executed = page.locator("#group-EXECUTED #m-" + request.measureId());
            assertThat(executed).containsText("¥14,800.00");
            Assertions.assertThat(page.url()).endsWith("/bank"); // swapped by htmx, not reloaded
            Assertions.assertThat(stateOf(request.measureId())).isEqualTo(MeasureState.EXECUTED);
            HeadlessChromium.fitsTheScreen(page);
            chromium.shoot(page, "protection-phone-bank-executed");
        }
    }

    private MeasureState stateOf(UUID measureId) {
        return MeasureState.valueOf(jdbc.sql("SELECT state FROM protection.measure WHERE id = :id")
                .param("id", measureId)
                .query(String.class)
                .single());
    }

    /** ¥88,000 moved a quarter of an hour ago to an account at the city's bank: HIGH or above. */
    private static ClueDraft fund(TaskFixtures.Person person, String suspectAccount) {
        return TaskFixtures.fund(
                person.named(),
                new ClueDraft.Account(LOCAL_BANK, suspectAccount, "李四"),
                "88000",
                Instant.now().minusSeconds(900),
                "FAKE_INVESTMENT",
                "高");
    }
}
