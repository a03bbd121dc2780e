package io.purseguard.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's browser session against the running application, over real HTTP: a cookie jar,
 * the real sign-in form with its CSRF token, redirects not followed (so tests see them).
 */
final class WebSession {

    /** What Chromium sends for a page; htmx's requests send their own. */
    static final String BROWSER_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final int port;
    private final HttpClient http;

    private WebSession(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A visitor who has not signed in. */
    static WebSession anonymous(int port) {
        return new WebSession(port);
    }

    /** Signs in through the form, as a person would; fails unless the sign-in is accepted. */
    static WebSession signedIn(int port, String username, String password) {
        var session = new WebSession(port);
        var form = session.get("/login");
        var matcher = HIDDEN_CSRF.matcher(form.body());
        if (!matcher.find()) {
            throw new AssertionError("no CSRF field on the sign-in page");
        }
        var reply =
                session.post("/login", Map.of("username", username, "password", password, "_csrf", matcher.group(1)));
        if (reply.status() != 302 || reply.location().contains("error")) {
            throw new AssertionError("sign-in as " + username + " failed: " + reply.status() + " " + reply.location());
        }
        return session;
    }

    /**
     * Whether the sign-in form accepts these credentials (a redirect to the start page, not to
     * {@code /login?error}); for testing refusals, where {@link #signedIn} would fail.
     */
    static boolean canSignIn(int port, String username, String password) {
        var reply = trySignIn(port, username, password);
        return reply.status() == 302 && !reply.location().contains("/login");
    }

    /**
     * The sign-in form's answer to these credentials, sent with these headers (such as the
     * {@code X-Forwarded-For} a proxy adds), on a fresh session.
     */
    static Page trySignIn(int port, String username, String password, String... headers) {
        var session = new WebSession(port);
        var matcher = HIDDEN_CSRF.matcher(session.get("/login", headers).body());
        if (!matcher.find()) {
            throw new AssertionError("no CSRF field on the sign-in page");
        }
        return session.post(
                "/login", Map.of("username", username, "password", password, "_csrf", matcher.group(1)), headers);
    }

    Page get(String path, String... headers) {
        var request = request(path, headers).GET();
        return send(request);
    }

    Page post(String path, Map<String, String> form, String... headers) {
        var body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        var request = request(path, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request);
    }

    /** A multipart form as a browser sends it: the text fields, and one file under {@code fileField}. */
    Page postFile(
            String path, Map<String, String> form, String fileField, String filename, byte[] content, String type) {
        var boundary = "----purseguard" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        form.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + filename + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return send(request);
    }

    /** The CSRF token a page carries for htmx (the {@code _csrf} meta tag). */
    static String csrfOf(Page page) {
        var matcher = META_CSRF.matcher(page.body());
        if (!matcher.find()) {
            throw new AssertionError("no CSRF meta tag on the page");
        }
        return matcher.group(1);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
        boolean accept = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
            accept |= headers[i].equalsIgnoreCase("Accept");
        }
        if (!accept) {
            builder.header("Accept", BROWSER_ACCEPT);
        }
        return builder;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            var responseHeaders = new LinkedHashMap<String, String>();
            response.headers().map().forEach((k, v) -> responseHeaders.put(k.toLowerCase(), String.join(", ", v)));
            return new Page(response.statusCode(), responseHeaders, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A response: status, headers (lower-case names) and the body as text. */
    record Page(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), "");
        }

        String location() {
            return header("location");
        }
    }
}
