package io.purseguard.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How pages tell an htmx swap from a whole page. A history restore is htmx asking for the whole page
 * again (its cache missed), so it gets the page, not the fragment. Every page response carries
 * {@code Vary: HX-Request} (see {@code platform.web.HtmxVary}), so caches keep the two apart.
 */
public final class Htmx {

    private Htmx() {}

    /** Whether to answer with the fragment that htmx swaps in, rather than the whole page. */
    public static boolean wantsFragment(HttpServletRequest request) {
        return request.getHeader("HX-Request") != null && request.getHeader("HX-History-Restore-Request") == null;
    }
}
