package io.purseguard.dissuasion;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Dissuasion asks for protective measures (DOMAIN.md step 7, "断网断卡"): the person would not listen
 * or could not be found. The protection module carries them out.
 */
public record ProtectionRequested(UUID warningId, UUID taskId, List<Measure> measures, String reason, Instant at) {

    /** What to do. */
    public enum Measure {
        /** 紧急止付 of every account in the warning. */
        STOP_PAYMENT_ALL_ACCOUNTS,
        /** 限制手机 (suspend the phone's service). */
        PHONE_RESTRICTION
    }
}
