package io.purseguard.protection.gateway;

/**
 * A way to hand a measure to a bank, a carrier or the blocking platform. Returning normally means the
 * other end has taken it (and will answer through the callback, or a liaison answers for it); throwing
 * means try again later. The same idempotency key may come more than once: the other end executes it
 * once.
 */
public interface InstitutionGateway {

    /** Whether this gateway serves the institution on that channel. */
    boolean serves(String institution, String channel);

    void deliver(Delivery delivery) throws DeliveryFailed;
}
