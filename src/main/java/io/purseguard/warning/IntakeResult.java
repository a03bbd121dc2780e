package io.purseguard.warning;

import java.util.List;
import java.util.UUID;

/** What became of one clue: a new warning, a replay of one already taken in, or refused with its errors. */
public record IntakeResult(String clueId, Status status, UUID warningId, List<FieldError> errors) {

    public enum Status {
        ACCEPTED,
        DUPLICATE,
        REJECTED
    }

    static IntakeResult accepted(String clueId, UUID warningId) {
        return new IntakeResult(clueId, Status.ACCEPTED, warningId, List.of());
    }

    static IntakeResult duplicate(String clueId, UUID warningId) {
        return new IntakeResult(clueId, Status.DUPLICATE, warningId, List.of());
    }

    static IntakeResult rejected(String clueId, List<FieldError> errors) {
        return new IntakeResult(clueId, Status.REJECTED, null, errors);
    }
}
