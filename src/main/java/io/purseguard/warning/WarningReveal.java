package io.purseguard.warning;

import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.Caller;
import io.purseguard.identity.RevealReason;
import io.purseguard.scope.Scope;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The full identifiers behind a warning's masks: the person's ID number, phone and own account, and
 * the suspect's account and phone. Every identifier of a warning is masked in every list, page and
 * API answer ({@link Warnings}), victim's and suspect's alike; this is the one way to the full values,
 * for a role that may ({@code Role.mayReveal()}), within its scope, with a {@link RevealReason}, and
 * audited. A
 * refusal is audited too.
 */
@Service
public class WarningReveal {

    /** The audit trail's action for a reveal; its target is the warning. */
    public static final String REVEALED = "WARNING_REVEAL";

    /** The audit trail's action for a refused reveal. */
    public static final String REFUSED = "WARNING_REVEAL_DENIED";

    /** What a reveal shows; a part the warning lacks is null. */
    public record Revealed(
            UUID warningId,
            String personIdNumber,
            String personPhone,
            String personAccount,
            String suspectAccount,
            String suspectPhone) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    WarningReveal(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * The full values, or empty when the warning is not there or outside the caller's scope (the same
     * answer, so scope leaks nothing).
     *
     * @param reason why the caller needs the full values (a purpose, and words for OTHER), kept in the
     *     audit entry
     * @throws AccessDeniedException when the caller's role may not reveal (audited)
     */
    @Transactional(noRollbackFor = AccessDeniedException.class) // the refusal's audit entry must stay
    public Optional<Revealed> reveal(UUID id, Caller caller, RevealReason reason) {
        var why = reason.audited();
        var found = jdbc.sql("SELECT w.id, w.person_id_number, w.person_phone, w.person_account, w.suspect_account,"
                        + " w.suspect_phone FROM warning.warning w WHERE w.id = :id AND "
                        + caller.scope().predicate("w"))
                .param("id", id)
                .param(Scope.PARAM, caller.scope().code())
                .query((rs, i) -> new Revealed(
                        rs.getObject("id", UUID.class),
                        rs.getString("person_id_number"),
                        rs.getString("person_phone"),
                        rs.getString("person_account"),
                        rs.getString("suspect_account"),
                        rs.getString("suspect_phone")))
                .optional();
        if (found.isEmpty()) {
            return found;
        }
        if (!caller.mayReveal()) {
            audit.record(caller.name(), REFUSED, "warning", id.toString(), why);
            throw new AccessDeniedException("role " + caller.role() + " may not reveal personal data");
        }
        audit.record(caller.name(), REVEALED, "warning", id.toString(), why);
        return found;
    }
}
