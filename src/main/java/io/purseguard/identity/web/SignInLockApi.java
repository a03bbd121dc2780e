package io.purseguard.identity.web;

import io.purseguard.identity.Caller;
import io.purseguard.identity.SignInLocks;
import io.purseguard.identity.SignInLocks.Kind;
import io.purseguard.identity.SignInLocks.SignInLock;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** 登录锁定: the sign-in locks in force, and lifting one; administrator only, every unlock audited. */
@RestController
@RequestMapping("/api/v1/admin/sign-in-locks")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Administration 管理")
class SignInLockApi {

    private final SignInLocks locks;

    SignInLockApi(SignInLocks locks) {
        this.locks = locks;
    }

    @GetMapping
    @Operation(
            summary = "The sign-in locks in force",
            description = "5 failed sign-ins for an account or from an address within 15 minutes lock it for 15"
                    + " minutes; kind is ACCOUNT or ADDRESS.")
    List<SignInLock> inForce() {
        return locks.inForce();
    }

    @PostMapping("/accounts/{account}/unlock")
    @Operation(summary = "Lifts the lock on an account (204); 404 when none is in force")
    ResponseEntity<Void> unlockAccount(Caller caller, @PathVariable String account) {
        return unlock(Kind.ACCOUNT, account, caller);
    }

    @PostMapping("/addresses/{address}/unlock")
    @Operation(summary = "Lifts the lock on a client address (204); 404 when none is in force")
    ResponseEntity<Void> unlockAddress(Caller caller, @PathVariable String address) {
        return unlock(Kind.ADDRESS, address, caller);
    }

    private ResponseEntity<Void> unlock(Kind kind, String key, Caller caller) {
        if (!locks.unlock(kind, key, caller)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No sign-in lock in force on " + key);
        }
        return ResponseEntity.noContent().build();
    }
}
