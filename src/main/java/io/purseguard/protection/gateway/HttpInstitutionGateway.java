package io.purseguard.protection.gateway;

import io.purseguard.protection.Endpoints;
import io.purseguard.protection.MeasureKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The generic HTTP/JSON adapter (docs/integrations/bank-http.md, carrier-http.md): POSTs the message
 * with its idempotency key and an HMAC signature; any 2xx means the other end has it.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class HttpInstitutionGateway implements InstitutionGateway {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final Endpoints endpoints;
    private final Clock clock;

    HttpInstitutionGateway(Endpoints endpoints, Clock clock) {
        this.endpoints = endpoints;
        this.clock = clock;
    }

    @Override
    public boolean serves(String institution, String channel) {
        return true;
    }

    @Override
    public void deliver(Delivery delivery) throws DeliveryFailed {
        var channel = MeasureKind.Channel.valueOf(delivery.channel());
        long timestamp = clock.instant().getEpochSecond();
        var request = HttpRequest.newBuilder(URI.create(endpoints.url(channel)))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json; charset=utf-8")
                .header(Signatures.IDEMPOTENCY_KEY, delivery.idempotencyKey())
                .header(Signatures.TIMESTAMP, Long.toString(timestamp))
                .header(Signatures.SIGNATURE, Signatures.sign(endpoints.secret(channel), timestamp, delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                .build();
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryFailed("HTTP " + response.statusCode() + " " + abbreviate(response.body()));
            }
        } catch (IOException e) {
            throw new DeliveryFailed(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("interrupted", e);
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
