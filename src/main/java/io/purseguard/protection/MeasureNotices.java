package io.purseguard.protection;

import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a printed notice (协助冻结/止付通知书) carries that a screen does not: the full account, phone or
 * ID number, since the bank or carrier acts on the real one. Only roles that may reveal personal data
 * and the liaison of the bank concerned print it, and every print is written to the audit trail.
 */
@Service
public class MeasureNotices {

    /** A measure as its notice prints it: the view, and the target in full. */
    public record Notice(MeasureView measure, String target) {}

    private final Measures measures;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    MeasureNotices(Measures measures, JdbcClient jdbc, AuditTrail audit) {
        this.measures = measures;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * The notice of a measure the caller may see, audited as {@code MEASURE_NOTICE_PRINTED}; empty when
     * the measure does not exist or is not the caller's.
     *
     * @throws AccessDeniedException for a role that may not reveal personal data
     */
    @Transactional
    public Optional<Notice> print(UUID id, Caller caller) {
        if (!mayPrint(caller)) {
            throw new AccessDeniedException("this role may not print a notice with the full target");
        }
        var found = measures.find(id, caller);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var target = jdbc.sql("SELECT target FROM protection.measure WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        audit.record(
                caller.name(),
                "MEASURE_NOTICE_PRINTED",
                "measure",
                id.toString(),
                found.get().documentNo());
        return Optional.of(new Notice(found.get(), target));
    }

    /**
     * Who prints a notice: the roles that may reveal personal data, and a bank's liaison, whose bank
     * acts on the notice for its own customer's account (which measures they see is limited to their
     * bank's, in SQL).
     */
    public static boolean mayPrint(Caller caller) {
        return caller.mayReveal() || caller.role() == Role.BANK_LIAISON;
    }

    /**
     * The full target of a measure the caller may see, for a request that follows it (a return drawn
     * on a freeze): handed to {@link Measures#request}, never shown, so not audited.
     */
    @Transactional(readOnly = true)
    public String targetOf(UUID id, Caller caller) {
        if (measures.find(id, caller).isEmpty()) {
            throw new Measures.MeasureNotFound(id);
        }
        return jdbc.sql("SELECT target FROM protection.measure WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
