package io.purseguard.notification.sms;

/**
 * The carrier's (or the province's) SMS gateway. Implementations block until the gateway has
 * answered or given up, so call them off the request thread and outside any transaction.
 */
public interface SmsGateway {

    /**
     * Hands one message to the gateway.
     *
     * @throws SmsDeliveryException when the gateway refused it, could not be reached or did not answer
     *     in time; the message may then not have gone out
     */
    void send(SmsMessage message);
}
