package io.purseguard;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What a DBA with superuser rights could do to the audit trail: switch the guard off and rewrite a row. */
public final class AuditTampering {

    private AuditTampering() {}

    /** Rewrites the {@code detail} of entry {@code seq}; call again with the original to mend the chain. */
    public static void rewriteDetail(JdbcClient jdbc, long seq, String detail) {
        jdbc.sql("ALTER TABLE identity.audit_entry DISABLE TRIGGER audit_entry_append_only")
                .update();
        try {
            jdbc.sql("UPDATE identity.audit_entry SET detail = :d WHERE seq = :seq")
                    .param("d", detail)
                    .param("seq", seq)
                    .update();
        } finally {
            jdbc.sql("ALTER TABLE identity.audit_entry ENABLE TRIGGER audit_entry_append_only")
                    .update();
        }
    }
}
