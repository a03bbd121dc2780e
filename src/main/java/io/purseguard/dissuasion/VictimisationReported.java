package io.purseguard.dissuasion;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone was defrauded: published by casework when a case is opened (and by dissuasion itself for a
 * {@link Outcome#DEFRAUDED} outcome). Declared here so that casework can publish it without a cycle;
 * the post-warning watch checks whether the person had been warned before (预后被骗).
 *
 * @param residentId the victim in the registry, or null
 * @param idNumber the victim's ID number, or null
 * @param phone the victim's mobile number, or null
 * @param source who reports it, e.g. {@code CASE} or {@code DISSUASION}
 * @param reference the case or task id, shown with the flag
 * @param excludeTaskId the task reporting it (its own warning is not "earlier"), or null
 */
public record VictimisationReported(
        UUID residentId,
        String idNumber,
        String phone,
        Instant at,
        String source,
        String reference,
        UUID excludeTaskId) {}
