package io.purseguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.purseguard.PurseguardTest;
import io.purseguard.identity.Caller;
import io.purseguard.identity.RevealReason;
import io.purseguard.identity.Role;
import io.purseguard.scope.Scope;
import io.purseguard.warning.WarningReveal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every identifier of a warning is masked alike, the suspect's phone as the victim's, in the list and
 * the detail; the full values only through the audited reveal, with a reason, for a role that may.
 */
@PurseguardTest
class WarningRevealApiTest {

    static final String SUSPECT_PHONE = "+8613812340000";
    static final String SUSPECT_ACCOUNT = "6222020200112233446";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WarningReveal reveals;

    ApiClient center;

    @BeforeEach
    void client() {
        center = new ApiClient(port, "test-bootstrap-token");
    }

    record Person(String idNumber, String phone) {}

    private UUID warning(String clueId, Person person) {
        var now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        var body = """
                {"items":[{"clueId":"%s","source":"NATIONAL","kind":"FUND","pushedAt":"%s",
                 "person":{"name":"测试","idNumber":"%s","phone":"%s"},
                 "suspect":{"account":{"bank":"某行","number":"%s","holder":"李四"},"phone":"%s"},
                 "amount":800,"transactedAt":"%s"}]}
                """.formatted(
                        clueId,
                        now.minusMinutes(1),
                        person.idNumber(),
                        person.phone(),
                        SUSPECT_ACCOUNT,
                        SUSPECT_PHONE,
                        now.minusMinutes(30));
        var reply = center.post("/api/v1/warnings", body);
        assertThat(reply.status()).isEqualTo(200);
        var result = reply.json().get("results").get(0);
        assertThat(result.get("status").asText()).as(reply.body()).isEqualTo("ACCEPTED");
        return UUID.fromString(result.get("warningId").asText());
    }

    private Person person() {
        return jdbc.sql("SELECT id_number, phone FROM residents.resident WHERE phone IS NOT NULL ORDER BY id"
                        + " OFFSET 11 LIMIT 1")
                .query(Person.class)
                .single();
    }

    @Test
    void the_suspects_phone_is_masked_like_every_identifier_in_the_detail_and_the_list() {
        var person = person();
        var clueId = "RV-" + UUID.randomUUID();
        var id = warning(clueId, person);

        var detail = center.get("/api/v1/warnings/" + id);
        assertThat(detail.status()).isEqualTo(200);
        var suspect = detail.json().get("suspect");
        assertThat(suspect.get("phone").asText()).isEqualTo("+86*******0000");
        assertThat(suspect.get("account").asText()).isEqualTo("6222***********3446");
        assertThat(detail.body()).doesNotContain(SUSPECT_PHONE, SUSPECT_ACCOUNT, person.idNumber(), person.phone());

        var list = center.get("/api/v1/warnings?clueId=" + clueId);
        assertThat(list.json().get("items").get(0).get("suspect").get("phone").asText())
                .isEqualTo("+86*******0000");
        assertThat(list.body()).doesNotContain(SUSPECT_PHONE, SUSPECT_ACCOUNT, person.idNumber(), person.phone());
    }

    @Test
    void a_reveal_shows_every_identifier_with_a_reason_and_is_audited() {
        var person = person();
        var id = warning("RV-" + UUID.randomUUID(), person);

        var revealed =
                center.post("/api/v1/warnings/" + id + "/reveal", "{\"purpose\":\"PROTECTION\",\"reason\":\"核查涉诈号码\"}");
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.json().get("suspectPhone").asText()).isEqualTo(SUSPECT_PHONE);
        assertThat(revealed.json().get("suspectAccount").asText()).isEqualTo(SUSPECT_ACCOUNT);
        assertThat(revealed.json().get("personIdNumber").asText()).isEqualTo(person.idNumber());
        assertThat(revealed.json().get("personPhone").asText()).isEqualTo(person.phone());
        assertThat(audit(id, WarningReveal.REVEALED)).isEqualTo("bootstrap-token PROTECTION: 核查涉诈号码");

        // without a purpose nothing is shown, and the field is named
        var bare = center.post("/api/v1/warnings/" + id + "/reveal", "{}");
        assertThat(bare.status()).isEqualTo(400);
        assertThat(bare.json().get("errors").get(0).get("field").asText()).isEqualTo("purpose");
        assertThat(bare.body()).doesNotContain(SUSPECT_PHONE);
        // out of scope, or unknown: 404 alike
        assertThat(center.post("/api/v1/warnings/" + UUID.randomUUID() + "/reveal", "{\"purpose\":\"VISIT\"}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void a_role_that_may_not_reveal_is_refused_and_the_refusal_is_audited() {
        var id = warning("RV-" + UUID.randomUUID(), person());
        var head = new Caller("township-test", "乡镇负责人", Role.TOWNSHIP_HEAD, Scope.city());
        assertThatThrownBy(() -> reveals.reveal(id, head, new RevealReason(RevealReason.Purpose.OTHER, "想看看")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(audit(id, WarningReveal.REFUSED)).isEqualTo("township-test OTHER: 想看看");
    }

    private String audit(UUID id, String action) {
        return jdbc.sql("SELECT actor || ' ' || detail FROM identity.audit_entry WHERE target_type = 'warning'"
                        + " AND target_id = :id AND action = :a ORDER BY seq DESC LIMIT 1")
                .param("id", id.toString())
                .param("a", action)
                .query(String.class)
                .single();
    }
}
