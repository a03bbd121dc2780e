package io.purseguard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.purseguard.PurseguardTest;
import io.purseguard.identity.UserAccounts;
import io.purseguard.notification.Notice;
import io.purseguard.notification.Notice.Audience;
import io.purseguard.notification.Notice.Urgency;
import io.purseguard.notification.Notifications;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The grid worker on a phone (375 px): the bell in the header shows the unread count once htmx has
 * loaded it, the inbox fits the screen, and "mark all read" empties the badge.
 *
 * <p>Set {@code -Dpurseguard.shots=/tmp/shots} to keep screenshots.
 */
@PurseguardTest
class NotificationBrowserTest extends ChromiumTest {

    @Autowired
    Notifications notifications;

    @Autowired
    UserAccounts accounts;

    @Test
    void the_grid_worker_sees_the_badge_reads_the_inbox_on_a_phone_and_marks_all_read() {
        var staffId = accounts.caller("grid").orElseThrow().staffId().toString();
        var title = "新的紧急劝阻任务：杏花社区第1网格居民疑似遭遇冒充公检法诈骗，请立即上门 "
                + UUID.randomUUID().toString().substring(0, 8);
        notifications.send(new Notice(
                Audience.STAFF,
                staffId,
                Urgency.URGENT,
                title,
                "Urgent dissuasion task",
                "当事人电话无人接听，请在 30 分钟内上门劝阻，并在平台登记结果。链接：/warnings/0193a8f2-6c1e-7b4a-9d2f-3e5b7c9a1d40",
                "Nobody answers the phone: visit within 30 minutes.",
                "/warnings"));
        notifications.send(
                new Notice(Audience.UNIT, "32990110120101", Urgency.ROUTINE, "网格例行通知", "Routine", null, null, null));

        try (var phone = browser.newContext(HeadlessChromium.phone(375, 812, 2))) {
            var page = phone.newPage();
            signIn(page, "grid");
            var badge = page.locator("#notification-badge .pill");
            assertThat(badge).isVisible();
            assertThat(badge).hasText(Pattern.compile("\\d+\\+?"));
            HeadlessChromium.fitsTheScreen(page);
            chromium.shoot(page, "phone-home-badge");

            page.locator("#notification-badge").click();
            assertThat(page).hasURL(Pattern.compile(".*/notifications$"));
            assertThat(page.locator("li.inbox-item.unread").first()).isVisible();
            assertThat(page.locator("main")).containsText(title);
            HeadlessChromium.fitsTheScreen(page);
            chromium.shoot(page, "phone-notifications");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("全部标为已读"))
                    .click();
            assertThat(page.locator("main")).containsText("条通知标为已读");
            assertThat(page.locator("li.inbox-item.unread")).hasCount(0);
            assertThat(page.locator("#notification-badge")).hasAttribute("data-unread", "0");
            assertThat(page.locator("#notification-badge .pill")).hasCount(0);
            HeadlessChromium.fitsTheScreen(page);
            chromium.shoot(page, "phone-notifications-read");
        }
    }
}
