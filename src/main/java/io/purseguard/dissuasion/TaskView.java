package io.purseguard.dissuasion;

import io.purseguard.warning.WarningLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A dissuasion task as a person on it sees it: masked names and phones, the team, the clocks, what
 * was done and how it ended.
 */
public record TaskView(
        UUID id,
        UUID warningId,
        TaskStatus status,
        WarningLevel level,
        Person person,
        String unitCode,
        String stationCode,
        String gridCode,
        List<Member> team,
        Deadlines deadlines,
        List<Clock> clocks,
        List<Escalation> escalations,
        List<Contact> contacts,
        Conclusion outcome,
        List<Revisit> revisits,
        Watch watch,
        int slaVersion,
        Instant receivedAt,
        Instant openedAt) {

    /** The warned person, masked. */
    public record Person(String name, String idNumber, String phone, UUID residentId) {}

    /** One place on the team; {@code missing} places say why in {@code reason}. */
    public record Member(
            int seq,
            TeamRole role,
            UUID staffId,
            UUID residentId,
            String name,
            String phone,
            String unitCode,
            String relation,
            String reason,
            String reasonEn,
            boolean missing) {}

    /** When each clock is due (null: no such clock at this level). */
    public record Deadlines(Instant signFor, Instant firstContact, Instant faceToFace) {}

    /** One clock in detail: due, met, stopped, and how far it has climbed. */
    public record Clock(
            DeadlineKind kind, Instant dueAt, Instant metAt, Instant stoppedAt, int step, boolean overdue) {}

    public record Escalation(
            int seq,
            String kind,
            DeadlineKind deadline,
            EscalationStep step,
            String targetUnit,
            Instant at,
            String note) {}

    public record Contact(
            int seq,
            ContactChannel channel,
            ContactResult result,
            Instant at,
            boolean faceToFace,
            String by,
            String location,
            UUID photoId,
            String note) {}

    public record Conclusion(
            Outcome outcome,
            boolean faceToFace,
            BigDecimal lossAmount,
            Integer checklistVersion,
            Map<String, Boolean> checklist,
            String note,
            Instant at,
            String by) {}

    public record Revisit(
            UUID id,
            String kind,
            Integer day,
            Instant dueAt,
            Instant doneAt,
            String doneBy,
            boolean overdue,
            String note) {}

    /** The post-warning watch: until when, and whether the person was defrauded after all. */
    public record Watch(Instant until, Instant defraudedAfterAt, String defraudedAfterNote) {}

    /** Whether any clock is past due and unmet. */
    public boolean overdue() {
        return clocks.stream().anyMatch(Clock::overdue);
    }
}
