package io.purseguard.identity;

import io.purseguard.platform.InvalidInput;
import io.purseguard.platform.Text;
import java.util.Locale;

/**
 * Why a full ID number, phone or account is shown: a purpose from a short list, and free text that
 * the purpose "other" requires. Both go into the audit entry of the reveal, so an auditor reads what
 * the duty was (个人信息保护法 Art. 34–35: only what the duty requires).
 *
 * @param detail the officer's own words, one line; null where the purpose says enough
 */
public record RevealReason(Purpose purpose, String detail) {

    /** The duties a full value is shown for. */
    public enum Purpose {
        /** 联系当事人劝阻 */
        DISSUASION_CALL,
        /** 上门走访 */
        VISIT,
        /** 止付冻结等保护措施 */
        PROTECTION,
        /** 案件侦办 */
        CASE,
        /** 核实身份 */
        IDENTITY_CHECK,
        /** 其他（须说明） */
        OTHER
    }

    public RevealReason {
        if (purpose == null) {
            throw new InvalidInput("purpose", "is required: why the full value is needed");
        }
        detail = detail == null || detail.isBlank() ? null : detail.strip();
        if (purpose == Purpose.OTHER && detail == null) {
            throw new InvalidInput("reason", "is required when the purpose is OTHER");
        }
        Text.problem(detail, Text.SHORT, false).ifPresent(problem -> {
            throw new InvalidInput("reason", problem);
        });
    }

    /**
     * The reason as typed into a form or an API body: the purpose's name and the free text.
     *
     * @throws InvalidInput naming {@code purpose} or {@code reason}
     */
    public static RevealReason of(String purpose, String detail) {
        if (purpose == null || purpose.isBlank()) {
            throw new InvalidInput("purpose", "is required: why the full value is needed");
        }
        Purpose known;
        try {
            known = Purpose.valueOf(purpose.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("purpose", "not one of " + java.util.Arrays.toString(Purpose.values()));
        }
        return new RevealReason(known, detail);
    }

    /** As the audit trail keeps it: the purpose's code, then the officer's words. */
    public String audited() {
        return detail == null ? purpose.name() : purpose.name() + ": " + detail;
    }
}
