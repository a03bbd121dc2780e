package io.purseguard.identity.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The headers every answer carries, on both filter chains (each calls {@link #apply} once):
 * a strict Content-Security-Policy, the referrer kept to this origin, and the browser features
 * the pages use (the doorstep 定位 button's geolocation) and no others. The session cookie's
 * {@code SameSite=Lax} and {@code Secure} (under HTTPS, also behind a proxy that says so in
 * {@code X-Forwarded-Proto}) are set in {@code application.yml} and by Tomcat.
 */
final class SecurityHeaders {

    /**
     * No inline script anywhere: page scripts are files under {@code /js}, data reaches them in
     * {@code data-*} attributes or {@code <script type="application/json">} blocks. Style sheets and
     * {@code <style>} elements only from this origin (htmx's indicator style is in {@code app.css});
     * style <em>attributes</em> are allowed, because ECharts' tooltips are markup with style
     * attributes: an attribute styles its own element only, cannot select others to leak what they
     * hold, and can load nothing beyond {@code img-src}. Images may be {@code data:}/{@code blob:}
     * (ECharts' image export, a photo preview before upload).
     */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    /**
     * Swagger UI (springdoc's bundle) builds its page with inline styles and {@code data:} images; its
     * pages alone get them. Scripts stay {@code 'self'}: its initializer is a file.
     */
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'; form-action 'self'";

    /** Geolocation for the doorstep location button; a photo is taken through a file input, not the camera API. */
    static final String PERMISSIONS = "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), "
            + "serial=(), bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), "
            + "display-capture=(), fullscreen=(self), browsing-topics=()";

    private static final RequestMatcher SWAGGER = new OrRequestMatcher(
            request -> request.getServletPath().startsWith("/swagger-ui"),
            request -> request.getServletPath().equals("/swagger-ui.html"));

    private SecurityHeaders() {}

    /** Adds the headers to a filter chain. */
    static void apply(HttpSecurity http) throws Exception {
        http.headers(h -> h.addHeaderWriter(only(new NegatedRequestMatcher(SWAGGER), csp(POLICY)))
                .addHeaderWriter(only(SWAGGER, csp(SWAGGER_POLICY)))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy(PERMISSIONS)));
    }

    private static HeaderWriter csp(String policy) {
        return new StaticHeadersWriter("Content-Security-Policy", policy);
    }

    private static HeaderWriter only(RequestMatcher matcher, HeaderWriter writer) {
        return new DelegatingRequestMatcherHeaderWriter(matcher, writer);
    }
}
