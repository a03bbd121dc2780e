package io.purseguard.notification.web;

import io.purseguard.identity.Caller;
import io.purseguard.notification.InboxPage;
import io.purseguard.notification.Notifications;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(
        name = "Notifications 通知",
        description = "The caller's inbox: notices to its unit, to the staff member it is, and to the account")
class NotificationApi {

    private final Notifications notifications;

    NotificationApi(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(
            summary = "One page of the caller's notices, newest first, each with read (per account) and both"
                    + " languages; total and unread count the whole inbox")
    InboxPage inbox(
            Caller caller, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return notifications.inbox(caller, page, size);
    }

    @GetMapping("/unread")
    @Operation(summary = "How many of the caller's notices are unread")
    Map<String, Long> unread(Caller caller) {
        return Map.of("unread", notifications.unread(caller));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one notice read for the caller (404 if it is not in the caller's inbox)")
    ResponseEntity<Void> read(Caller caller, @PathVariable UUID id) {
        if (!notifications.markRead(caller, id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no notice " + id + " in this inbox");
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark every notice now in the caller's inbox read; answers how many were unread")
    Map<String, Integer> readAll(Caller caller) {
        return Map.of("marked", notifications.markAllRead(caller));
    }
}
