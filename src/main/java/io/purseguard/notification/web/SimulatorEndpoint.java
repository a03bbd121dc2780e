package io.purseguard.notification.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.purseguard.notification.sms.SmsMessage;
import io.purseguard.notification.sms.SmsSimulator;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The local SMS simulator's receiving end, speaking the gateway's wire format
 * ({@code docs/adapters/sms.md}): {@code POST {"to", "text", "ref"}} with the bearer secret, answered
 * {@code 200 {"id", "status": "ACCEPTED"}}. A {@code ref} seen before is accepted again without a
 * second message. Open to anyone who holds the secret (the application's own SMS adapter), not to
 * sessions; answers 404 when a real gateway is configured.
 */
@RestController
@Hidden
class SimulatorEndpoint {

    static final Pattern MOBILE = Pattern.compile("\\+?[0-9]{5,20}");
    static final int MAX_TEXT = 1_000;
    static final int MAX_REF = 100;

    private final SmsSimulator simulator;

    SimulatorEndpoint(SmsSimulator simulator) {
        this.simulator = simulator;
    }

    @PostMapping(path = "/simulators/sms", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receive(
            @RequestHeader(value = "Authorization", required = false) String authorization,
            @RequestBody(required = false) JsonNode body) {
        if (!simulator.active()) {
            return problem(HttpStatus.NOT_FOUND, "no SMS simulator here: a real gateway is configured", List.of());
        }
        if (!simulator.authorized(authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Bearer realm=\"sms-simulator\"")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(detail(HttpStatus.UNAUTHORIZED, "the gateway secret is missing or wrong", List.of()));
        }
        var errors = new ArrayList<Map<String, String>>();
        var to = text(body, "to");
        var text = text(body, "text");
        var ref = text(body, "ref");
        if (to == null || !MOBILE.matcher(to).matches()) {
            errors.add(Map.of("field", "to", "message", "a mobile number, digits only"));
        }
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            errors.add(Map.of("field", "text", "message", "1 to " + MAX_TEXT + " characters"));
        }
        if (ref == null || ref.isBlank() || ref.length() > MAX_REF) {
            errors.add(Map.of("field", "ref", "message", "1 to " + MAX_REF + " characters"));
        }
        if (!errors.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "not an SMS request", errors);
        }
        var received = simulator.receive(new SmsMessage(to, text, ref));
        return ResponseEntity.ok(Map.of("id", received.id(), "status", "ACCEPTED"));
    }

    private static String text(JsonNode body, String field) {
        if (body == null || !body.isObject()) {
            return null;
        }
        var value = body.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static ResponseEntity<ProblemDetail> problem(
            HttpStatus status, String detail, List<Map<String, String>> errors) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail(status, detail, errors));
    }

    private static ProblemDetail detail(HttpStatus status, String detail, List<Map<String, String>> errors) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create("/simulators/sms"));
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }
}
