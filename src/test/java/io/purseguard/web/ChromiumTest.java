package io.purseguard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the browser tests share: one {@link HeadlessChromium} for the test class, the running
 * application's address, and signing in through the form from the home page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChromiumTest {

    @LocalServerPort
    int port;

    HeadlessChromium chromium;
    Browser browser;

    @BeforeAll
    void launch() throws Exception {
        chromium = HeadlessChromium.launch();
        browser = chromium.browser;
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Opens the home page, which asks a stranger to sign in, signs in as a demo account and is greeted. */
    void signIn(Page page, String username) {
        page.navigate(base() + "/");
        HeadlessChromium.submitSignIn(page, username);
        assertThat(page.locator("h1")).containsText("您好");
    }
}
