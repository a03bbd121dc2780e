package io.purseguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, as every browser test launches it: headless, no sandbox
 * (root), none of Chromium's background traffic (this machine's network is closed), and no browser
 * download of Playwright's own. Screenshots go to {@code -Dpurseguard.shots=DIR} when it is set.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** The demo accounts' password. */
    static final String PASSWORD = "demo123";

    final Playwright playwright;
    final Browser browser;
    /** Where to keep screenshots, or null. */
    final Path shots;

    private HeadlessChromium(Playwright playwright, Browser browser, Path shots) {
        this.playwright = playwright;
        this.browser = browser;
        this.shots = shots;
    }

    static HeadlessChromium launch() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM))
                .as(
                        "the browser tests drive Debian's Chromium at %s: install it with `apt-get install -y chromium`"
                                + " (.ci/run does this on CI)",
                        CHROMIUM)
                .isTrue();
        var playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        var browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
        var dir = System.getProperty("purseguard.shots");
        var shots = dir == null || dir.isBlank() ? null : Files.createDirectories(Path.of(dir));
        return new HeadlessChromium(playwright, browser, shots);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    /** A phone's browser: a {@code width}×{@code height} screen at {@code scale} device pixels a pixel, touch. */
    static Browser.NewContextOptions phone(int width, int height, double scale) {
        return new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setDeviceScaleFactor(scale)
                .setIsMobile(true)
                .setHasTouch(true);
    }

    /** Fills in the sign-in form the page shows, as a demo account, and sends it. */
    static void submitSignIn(Page page, String username) {
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录"))
                .click();
    }

    /** Nothing wider than the screen: no sideways scrolling on a phone. */
    static void fitsTheScreen(Page page) {
        var pair = (List<?>)
                page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        assertThat(((Number) pair.get(0)).intValue())
                .as("scrollWidth of %s", page.url())
                .isLessThanOrEqualTo(((Number) pair.get(1)).intValue());
    }

    /** Keeps a full-page screenshot as {@code name.png}, when screenshots were asked for. */
    void shoot(Page page, String name) {
        if (shots != null) {
            page.waitForLoadState(LoadState.LOAD);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(shots.resolve(name + ".png"))
                    .setFullPage(true));
        }
    }
}
