package io.purseguard.protection.gateway;

/** The other end did not take the message; the outbox retries it later. */
public class DeliveryFailed extends Exception {
    public DeliveryFailed(String message) {
        super(message);
    }

    public DeliveryFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
