package io.purseguard.notification.sms;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's stand-in for local runs: what {@code POST /simulators/sms} received, newest first,
 * kept in memory (the latest {@code simulator-keeps}), so that a demo shows what would have been
 * texted. It answers only when no real gateway is configured.
 */
public final class SmsSimulator {

    /** One message received. */
    public record Received(String id, Instant at, String to, String text, String ref) {}

    private final boolean active;
    private final String secret;
    private final int keeps;
    private final Clock clock;
    private final Deque<Received> received = new ArrayDeque<>();
    private final AtomicLong sequence = new AtomicLong();

    public SmsSimulator(boolean active, String secret, int keeps, Clock clock) {
        this.active = active;
        this.secret = secret;
        this.keeps = keeps;
        this.clock = clock;
    }

    /** Whether this application is its own SMS gateway (no real one configured). */
    public boolean active() {
        return active;
    }

    /** The secret the gateway must present; for this application's own adapter only. */
    String secret() {
        return secret;
    }

    /** Whether an {@code Authorization} header carries the gateway secret (compared in constant time). */
    public boolean authorized(String authorization) {
        if (authorization == null || secret == null) {
            return false;
        }
        return MessageDigest.isEqual(
                ("Bearer " + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                authorization.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Takes a message as the gateway would: a {@code ref} seen before is not texted again and answers
     * with the first message's id.
     */
    public synchronized Received receive(SmsMessage message) {
        Optional<Received> earlier =
                received.stream().filter(r -> r.ref().equals(message.ref())).findFirst();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        var taken = new Received(
                "sim-" + sequence.incrementAndGet(), clock.instant(), message.to(), message.text(), message.ref());
        received.addFirst(taken);
        while (received.size() > keeps) {
            received.removeLast();
        }
        return taken;
    }

    /** The latest messages, newest first. */
    public synchronized List<Received> recent() {
        return List.copyOf(received);
    }

    /** The latest messages with this {@code ref}: normally one, or none. */
    public synchronized Optional<Received> byRef(String ref) {
        return received.stream().filter(r -> r.ref().equals(ref)).findFirst();
    }
}
