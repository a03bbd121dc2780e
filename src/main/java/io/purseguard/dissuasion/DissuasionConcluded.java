package io.purseguard.dissuasion;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A task's outcome was recorded. Casework turns a {@link Outcome#DEFRAUDED} one into a case;
 * analytics counts dissuasions and face-to-face rates from it.
 */
public record DissuasionConcluded(
        UUID taskId,
        UUID warningId,
        Outcome outcome,
        boolean faceToFace,
        BigDecimal lossAmount,
        UUID residentId,
        String personIdNumber,
        String personPhone,
        String stationCode,
        String by,
        Instant at) {}
