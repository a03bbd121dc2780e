/**
 * Outbound channels (SMS, IM group webhooks, email) with local simulators.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification · 通知")
package io.purseguard.notification;
