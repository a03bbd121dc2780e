package io.purseguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.purseguard.AuditTampering;
import io.purseguard.PurseguardTest;
import io.purseguard.identity.ApiTokens;
import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.Role;
import io.purseguard.scope.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

@PurseguardTest
class AuditChainTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_trail_is_append_only_in_the_database() {
        var entry = audit.record("tester", "TEST", "case", "append-only", null);
        assertThatThrownBy(() -> jdbc.sql("UPDATE identity.audit_entry SET actor = 'x' WHERE seq = :seq")
                        .param("seq", entry.seq())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM identity.audit_entry WHERE seq = :seq")
                        .param("seq", entry.seq())
                        .update())
                .hasMessageContaining("append-only");
    }

    @Test
    void a_row_tampered_with_behind_the_applications_back_is_detected_and_named() {
        audit.record("tester", "TEST", "case", "before", null);
        var victim = audit.record("tester", "TEST", "case", "tampered", "original");
        audit.record("tester", "TEST", "case", "after", null);
        assertThat(audit.verify().intact()).isTrue();
        try {
            AuditTampering.rewriteDetail(jdbc, victim.seq(), "forged");
            var check = audit.verify();
            assertThat(check.intact()).isFalse();
            assertThat(check.firstBrokenSeq()).isEqualTo(victim.seq());
            assertThat(check.reason()).contains("hash");

            var auditor = new ApiClient(port, tokens.issue("test-auditor", Role.AUDITOR, Scope.none()));
            var reply = auditor.get("/api/v1/audit/verify").json();
            assertThat(reply.get("intact").asBoolean()).isFalse();
            assertThat(reply.get("firstBrokenSeq").asLong()).isEqualTo(victim.seq());
        } finally {
            AuditTampering.rewriteDetail(
                    jdbc, victim.seq(), "original"); // the context is shared: leave the chain whole
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void only_the_auditor_reads_the_trail() {
        var station = new ApiClient(port, tokens.issue("test-reader", Role.CITY_CENTER, Scope.city()));
        assertThat(station.get("/api/v1/audit").status()).isEqualTo(403);
        var auditor = station.as(tokens.issue("test-auditor-2", Role.AUDITOR, Scope.none()));
        assertThat(auditor.get("/api/v1/audit?size=5").status()).isEqualTo(200);
    }
}
