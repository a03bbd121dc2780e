package io.purseguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.purseguard.PurseguardTest;
import io.purseguard.dissuasion.Tasks;
import io.purseguard.warning.WarningIntake;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * No page breaks under the Content-Security-Policy: every demo role signs in, opens every page its
 * navigation offers and the first item of each list there, at 1366 px and at 390 px, and the
 * browser reports no console error, no uncaught script error and no policy violation (a refused
 * inline script or style is both a console error and a {@code securitypolicyviolation} event). One
 * browser, one context per role, one tab reused.
 */
@PurseguardTest
class ContentSecurityPolicyBrowserTest extends ChromiumTest {

    static final List<String> ROLES =
            List.of("center", "district", "station", "grid", "township", "bank", "auditor", "admin");

    /** A list's item: a page one step below a navigation page, such as /warnings/{id} or /units/{code}. */
    static final Pattern DETAIL = Pattern.compile("^/(warnings|tasks|residents|units|measures|revisits)/[^/?#]+$");

    /** List pages that look like items. */
    static final List<String> NOT_ITEMS = List.of("/warnings/board", "/warnings/import");

    /** Reports violations to the console, where the listener below collects them. */
    static final String REPORT_VIOLATIONS = "document.addEventListener('securitypolicyviolation', e =>"
            + " console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI + ' at '"
            + " + e.sourceFile + ':' + e.lineNumber));";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WarningIntake intake;

    @Autowired
    Tasks tasks;

    @BeforeAll
    void somethingInEachList() {
        // a task in the demo grid worker's grid: the centers, the station, the township and the grid see it
        TaskFixtures.gridTask(jdbc, intake, tasks, 3, "80000");
    }

    @Test
    void every_page_of_every_role_runs_under_the_policy_on_a_desk_and_on_a_phone() {
        var problems = new ArrayList<String>();
        var visited = 0;
        for (var role : ROLES) {
            try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
                context.addInitScript(REPORT_VIOLATIONS);
                var page = context.newPage();
                var current = new String[] {"sign-in"};
                page.onConsoleMessage(m -> {
                    if ("error".equals(m.type())) {
                        problems.add(role + " " + current[0] + ": " + m.text());
                    }
                });
                page.onPageError(e -> problems.add(role + " " + current[0] + ": uncaught " + e));
                signIn(page, role);

                var pages = new LinkedHashSet<String>();
                pages.add("/");
                pages.addAll(hrefs(page, "nav.nav a"));
                var items = new LinkedHashMap<String, String>(); // the first item of each kind
                for (var path : List.copyOf(pages)) { // at 1366 px, finding the items on the way
                    current[0] = path + " @1366";
                    open(page, path);
                    visited++;
                    for (var href : hrefs(page, "main a")) {
                        var item = DETAIL.matcher(href);
                        if (item.matches() && !NOT_ITEMS.contains(href) && !pages.contains(href)) {
                            items.putIfAbsent(item.group(1), href);
                        }
                    }
                }
                for (var path : items.values()) {
                    current[0] = path + " @1366";
                    open(page, path);
                    visited++;
                }
                pages.addAll(items.values());
                assertThat(pages).as("%s's pages", role).hasSizeGreaterThan(1);

                page.setViewportSize(390, 844);
                for (var path : pages) {
                    current[0] = path + " @390";
                    open(page, path);
                    visited++;
                }
            }
        }
        assertThat(problems).as("console errors and policy violations").isEmpty();
        assertThat(visited).isGreaterThan(ROLES.size() * 4);
    }

    private void open(Page page, String path) {
        page.navigate(base() + path);
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    /** The same-site links (paths) of the elements the selector finds, in order. */
    @SuppressWarnings("unchecked")
    private static List<String> hrefs(Page page, String selector) {
        var all = (List<String>) page.evalOnSelectorAll(selector, "els => els.map(e => e.getAttribute('href'))");
        var paths = new ArrayList<String>();
        for (var href : all) {
            if (href != null && href.startsWith("/") && !href.startsWith("//")) {
                paths.add(href);
            }
        }
        return paths;
    }
}
