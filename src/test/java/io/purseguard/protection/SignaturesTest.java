package io.purseguard.protection;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.protection.gateway.Signatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The signature scheme of docs/integrations/bank-http.md, and its worked examples, against the code. */
class SignaturesTest {

    static final String SECRET = "demo-bank-secret";
    static final String REQUEST =
            "{\"kind\": \"STOP_PAYMENT\", \"amount\": 20000.00, \"holder\": \"李四\", \"reason\": \"资金预警（HIGH），以快制快，先行止付涉案账户\", "
                    + "\"target\": \"6222020200112233446\", \"issuedAt\": \"2026-11-22T02:20:00.118Z\", "
                    + "\"measureId\": \"01a20150-6cc8-708f-afa8-d2fc047c52f8\", \"operation\": \"EXECUTE\", "
                    + "\"documentNo\": \"澄反止〔2026〕000123号\", "
                    + "\"legalBasis\": \"《电信网络新型违法犯罪案件冻结资金返还若干规定》《公安机关办理刑事案件程序规定》紧急止付\", "
                    + "\"institution\": \"澄川农村商业银行\", \"transactedAt\": \"2026-11-21T01:12:40Z\", "
                    + "\"idempotencyKey\": \"01a20150-6cc8-708f-afa8-d2fc047c52f8:EXECUTE:1\"}";
    static final String REQUEST_SIGNATURE = "sha256=8cc01bf8ba47a866f4d186e06299095b352b0cbcca13f334c10affc07ea5938c";
    static final String CALLBACK = "{\"idempotencyKey\":\"01a20150-6cc8-708f-afa8-d2fc047c52f8:EXECUTE:1\","
            + "\"status\":\"EXECUTED\",\"amount\":20000.00,\"at\":\"2026-11-22T10:20:04+08:00\"}";
    static final String CALLBACK_SIGNATURE = "sha256=56448c423caee6f931eb48b9972871c8056d3060403ff26a3390bf42eb1296f8";

    @Test
    void the_documented_examples_are_what_the_code_computes() throws Exception {
        assertThat(Signatures.sign(SECRET, 1795314001L, REQUEST)).isEqualTo(REQUEST_SIGNATURE);
        assertThat(Signatures.sign(SECRET, 1795314005L, CALLBACK)).isEqualTo(CALLBACK_SIGNATURE);
        var doc = Files.readString(Path.of("docs/integrations/bank-http.md"));
        assertThat(doc)
                .contains(REQUEST)
                .contains(REQUEST_SIGNATURE)
                .contains(CALLBACK)
                .contains(CALLBACK_SIGNATURE);
        assertThat(doc).contains("X-Purseguard-Timestamp: 1795314001").contains("X-Purseguard-Timestamp: 1795314005");
    }

    @Test
    void a_signature_holds_five_minutes_either_way_and_only_for_its_body_and_secret() {
        var at = Instant.ofEpochSecond(1795314005L);
        assertThat(Signatures.valid(SECRET, "1795314005", CALLBACK_SIGNATURE, CALLBACK, at))
                .isTrue();
        assertThat(Signatures.valid(SECRET, "1795314005", CALLBACK_SIGNATURE, CALLBACK, at.plusSeconds(300)))
                .isTrue();
        assertThat(Signatures.valid(SECRET, "1795314005", CALLBACK_SIGNATURE, CALLBACK, at.plusSeconds(301)))
                .isFalse();
        assertThat(Signatures.valid(SECRET, "1795314005", CALLBACK_SIGNATURE, CALLBACK, at.minusSeconds(301)))
                .isFalse();
        assertThat(Signatures.valid("other", "1795314005", CALLBACK_SIGNATURE, CALLBACK, at))
                .isFalse();
        assertThat(Signatures.valid(SECRET, "1795314005", CALLBACK_SIGNATURE, CALLBACK.replace("20000", "2000"), at))
                .isFalse();
        assertThat(Signatures.valid(SECRET, "1795314004", CALLBACK_SIGNATURE, CALLBACK, at))
                .isFalse();
        assertThat(Signatures.valid(SECRET, null, CALLBACK_SIGNATURE, CALLBACK, at))
                .isFalse();
        assertThat(Signatures.valid(SECRET, "soon", CALLBACK_SIGNATURE, CALLBACK, at))
                .isFalse();
    }
}
