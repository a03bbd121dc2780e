package io.purseguard.notification.sms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The SMS gateway over HTTP: one {@code POST} of {@code {"to", "text", "ref"}} as JSON per message,
 * with {@code Authorization: Bearer <secret>}; any 2xx answer means accepted. The format is
 * documented in {@code docs/adapters/sms.md}, and the local simulator speaks it too.
 */
public final class HttpSmsGateway implements SmsGateway {

    /** The most of a refusal's body kept in the error (and so on the notice). */
    static final int MAX_ERROR_BODY = 200;

    private final Supplier<URI> target;
    private final String secret;
    private final Duration timeout;
    private final ObjectMapper json;
    private final HttpClient http;

    /**
     * @param target the URL to post to, read at each send (the local simulator's port is known only
     *     once the web server has started)
     * @param secret the bearer secret, or null to send none
     */
    public HttpSmsGateway(
            Supplier<URI> target, String secret, Duration connectTimeout, Duration timeout, ObjectMapper json) {
        this.target = target;
        this.secret = secret;
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void send(SmsMessage message) {
        URI uri = target.get();
        var request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(message), StandardCharsets.UTF_8));
        if (secret != null && !secret.isBlank()) {
            request.header("Authorization", "Bearer " + secret);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SmsDeliveryException("SMS gateway " + uri + " unreachable: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsDeliveryException("interrupted while sending to the SMS gateway " + uri, e);
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            var body = response.body() == null ? "" : response.body().strip();
            if (body.length() > MAX_ERROR_BODY) {
                body = body.substring(0, MAX_ERROR_BODY) + "…";
            }
            throw new SmsDeliveryException(
                    "SMS gateway " + uri + " answered " + status + (body.isEmpty() ? "" : ": " + body));
        }
    }

    private String body(SmsMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(IOException e) {
        var text = e.getMessage();
        if (text == null && e.getCause() != null) {
            text = e.getCause().getMessage();
        }
        return e.getClass().getSimpleName() + (text == null ? "" : " " + text);
    }
}
