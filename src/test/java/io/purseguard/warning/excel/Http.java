package io.purseguard.warning.excel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A client for these tests over real HTTP: either a machine with a bearer token, or a person signed
 * in through the real form (cookie jar, CSRF token), redirects not followed. Uploads are multipart,
 * as a browser's form sends them.
 */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final String token;
    private final HttpClient client;

    private Http(int port, String token) {
        this.port = port;
        this.token = token;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static Http bearer(int port, String token) {
        return new Http(port, token);
    }

    static Http signedIn(int port, String username, String password) {
        var http = new Http(port, null);
        var csrf = http.csrf("/login");
        var form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf);
        var reply = http.send(http.request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (reply.status() != 302 || reply.header("location").contains("error")) {
            throw new AssertionError("sign-in as " + username + " failed: " + reply.status());
        }
        return http;
    }

    /** The CSRF token of a page's form (the hidden {@code _csrf} field). */
    String csrf(String page) {
        var matcher = HIDDEN_CSRF.matcher(get(page).text());
        if (!matcher.find()) {
            throw new AssertionError("no CSRF field on " + page);
        }
        return matcher.group(1);
    }

    Reply get(String path, String... headers) {
        var request = request(path).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** A multipart form with one file field and any text fields, as {@code <form enctype=multipart/form-data>}. */
    Reply upload(String path, String fileName, String contentType, byte[] content, String... fields) {
        var boundary = "----purseguard" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        try {
            for (int i = 0; i + 1 < fields.length; i += 2) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                                + fields[i + 1] + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                            + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers(), response.body());
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

    record Reply(int status, java.net.http.HttpHeaders headers, byte[] body) {

        String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text(), e);
            }
        }
    }
}
