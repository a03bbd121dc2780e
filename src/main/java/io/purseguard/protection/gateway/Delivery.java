package io.purseguard.protection.gateway;

/**
 * One outbox message on its way: to whom, over which channel, with which idempotency key, and the
 * JSON body as stored.
 */
public record Delivery(String institution, String channel, String operation, String idempotencyKey, String body) {}
