package io.purseguard.protection.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.protection.Endpoints;
import io.purseguard.protection.MeasureKind;
import io.purseguard.protection.MeasureRefused;
import io.purseguard.protection.Measures;
import io.purseguard.protection.gateway.Signatures;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where banks, carriers and the blocking platform answer (docs/integrations/*.md). Signed like the
 * requests; a replayed answer is accepted and changes nothing.
 */
@RestController
@Tag(name = "Protection callbacks", description = "Answers of banks, carriers and the blocking platform")
class CallbackApi {

    private final Measures measures;
    private final Endpoints endpoints;
    private final ObjectMapper json;
    private final Clock clock;

    CallbackApi(Measures measures, Endpoints endpoints, ObjectMapper json, Clock clock) {
        this.measures = measures;
        this.endpoints = endpoints;
        this.json = json;
        this.clock = clock;
    }

    /** An answer: which request (by its idempotency key or measure id), and what became of it. */
    record Answer(
            String idempotencyKey,
            UUID measureId,
            String status,
            String reason,
            BigDecimal amount,
            OffsetDateTime at) {}

    @PostMapping("/api/v1/protection/callbacks/{channel:bank|carrier|blocking}")
    @Operation(summary = "An institution's answer: ACKNOWLEDGED, EXECUTED or REJECTED (signed)")
    ResponseEntity<Map<String, Object>> answer(
            @PathVariable String channel,
            @RequestHeader(name = Signatures.TIMESTAMP, required = false) String timestamp,
            @RequestHeader(name = Signatures.SIGNATURE, required = false) String signature,
            @RequestBody String body)
            throws IOException {
        var secret = endpoints.secret(MeasureKind.Channel.valueOf(channel.toUpperCase(Locale.ROOT)));
        if (!Signatures.valid(secret, timestamp, signature, body, clock.instant())) {
            return ResponseEntity.status(401).body(Map.of("error", "bad or missing signature"));
        }
        Answer answer;
        UUID measureId;
        try {
            answer = json.readValue(body, Answer.class);
            measureId = answer.measureId();
            if (measureId == null
                    && answer.idempotencyKey() != null
                    && answer.idempotencyKey().contains(":")) {
                measureId = UUID.fromString(answer.idempotencyKey()
                        .substring(0, answer.idempotencyKey().indexOf(':')));
            }
        } catch (IOException | IllegalArgumentException e) {
            // a 4xx, not a 5xx: the institution must not retry an answer that cannot be read
            return ResponseEntity.badRequest()
                    .body(Map.of(
                            "errors",
                            java.util.List.of(Map.of(
                                    "field", "body", "message", "not a JSON answer with a valid measureId or key"))));
        }
        if (measureId == null || answer.status() == null) {
            return ResponseEntity.badRequest()
                    .body(Map.of(
                            "errors",
                            java.util.List.of(Map.of(
                                    "field", "measureId", "message", "or idempotencyKey is required, with status"))));
        }
        Measures.Answer status;
        try {
            status = Measures.Answer.valueOf(answer.status());
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest()
                    .body(Map.of(
                            "errors",
                            java.util.List.of(
                                    Map.of("field", "status", "message", "ACKNOWLEDGED, EXECUTED or REJECTED"))));
        }
        try {
            boolean changed = measures.answer(
                    measureId,
                    status,
                    answer.reason(),
                    answer.amount(),
                    channel + ":callback",
                    answer.at() == null ? null : answer.at().toInstant());
            return ResponseEntity.ok(Map.of("measureId", measureId, "applied", changed));
        } catch (Measures.MeasureNotFound e) {
            return ResponseEntity.status(404).body(Map.of("error", "no such measure"));
        } catch (MeasureRefused e) {
            // e.g. a rejection without its reason
            return ResponseEntity.badRequest()
                    .body(Map.of(
                            "errors",
                            java.util.List.of(Map.of(
                                    "field", e.field() == null ? "status" : e.field(), "message", e.getMessage()))));
        }
    }
}
