package io.purseguard.notification.sms;

/** The gateway refused a message, could not be reached or did not answer in time. */
public class SmsDeliveryException extends RuntimeException {

    public SmsDeliveryException(String message) {
        super(message);
    }

    public SmsDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
