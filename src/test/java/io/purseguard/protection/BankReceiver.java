package io.purseguard.protection;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.purseguard.protection.gateway.Signatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A bank's HTTP endpoint that the test controls: it records every request it receives (idempotency
 * key, body, whether the signature is right) and can be taken down (its port then refuses
 * connections) and brought up again on the same port.
 */
final class BankReceiver {

    static final String SECRET = "test-bank-secret-5f0c2a";
    static final BankReceiver INSTANCE = new BankReceiver();

    /** One request as received. */
    record Received(String idempotencyKey, String body, boolean signed, Instant at) {}

    final int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    /** What it answers: 202, or e.g. 503 for a bank that records the request and then fails. */
    volatile int status = 202;

    private BankReceiver() {
        try (var reserve = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = reserve.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/bank";
    }

    synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/bank", this::handle);
        server.start();
    }

    /** Down: the port refuses connections, as when the bank's server is off. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders();
        boolean signed = Signatures.valid(
                SECRET,
                headers.getFirst(Signatures.TIMESTAMP),
                headers.getFirst(Signatures.SIGNATURE),
                body,
                Instant.now());
        received.add(new Received(headers.getFirst(Signatures.IDEMPOTENCY_KEY), body, signed, Instant.now()));
        var answer = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    /** Every request that carried this idempotency key, in the order received. */
    List<Received> requests(String idempotencyKey) {
        return received.stream()
                .filter(r -> idempotencyKey.equals(r.idempotencyKey()))
                .toList();
    }
}
