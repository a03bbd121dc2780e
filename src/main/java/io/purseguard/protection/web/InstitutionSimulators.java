package io.purseguard.protection.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.identity.Masking;
import io.purseguard.protection.Endpoints;
import io.purseguard.protection.MeasureKind;
import io.purseguard.protection.gateway.Signatures;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's bank, carrier and blocking platform (docs/integrations/bank-http.md, "Local simulator"):
 * they receive the signed requests of {@code HttpInstitutionGateway} on {@code POST /simulators/{bank|
 * carrier|blocking}}, answer {@code 202} at once, and later call back the signed callback endpoint
 * as a real institution would: ACKNOWLEDGED after 0.8–3 s, EXECUTED after as long again, or now and then
 * REJECTED with a reason; now and then the request itself fails with {@code 503}, so the outbox's
 * retries show. An idempotency key seen before is answered {@code 200 duplicate} and not executed
 * again. A channel with a configured URL has no simulator here (404).
 *
 * <p>Settings ({@code purseguard.protection.simulator.*}): {@code delay} (a range {@code 800ms..3s}, or
 * one duration), {@code reject-rate} (0.05), {@code fail-rate} (0.10), {@code seed} (unset = random).
 */
@RestController
@Hidden
class InstitutionSimulators {

    private static final Logger log = LoggerFactory.getLogger(InstitutionSimulators.class);
    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    /** How many idempotency keys a simulator remembers (the oldest are forgotten first). */
    static final int REMEMBERS = 100_000;
    /** How many log lines a simulator keeps to show. */
    static final int KEEPS = 500;
    /** How often a callback is tried before the simulator gives up on it. */
    static final int CALLBACK_ATTEMPTS = 5;

    /** Why each kind of institution turns a request down, as their systems word it. */
    static final Map<MeasureKind.Channel, List<String>> REJECTIONS = Map.of(
            MeasureKind.Channel.BANK,
            List.of("账户余额不足，无可止付资金", "账户已销户", "户名与账号不符"),
            MeasureKind.Channel.CARRIER,
            List.of("号码已销号", "非本网用户号码", "机主信息不符"),
            MeasureKind.Channel.BLOCKING,
            List.of("目标无法访问，无法核实", "已由其他单位封堵", "应用已下架"));

    /** How the simulators behave; tests change it through {@link #settings(Settings)}. */
    record Settings(Duration minDelay, Duration maxDelay, double rejectRate, double failRate) {
        Settings {
            if (minDelay.isNegative() || maxDelay.compareTo(minDelay) < 0) {
                throw new IllegalArgumentException("simulator delay: 0 ≤ min ≤ max, was " + minDelay + ".." + maxDelay);
            }
            if (!(rejectRate >= 0 && rejectRate <= 1 && failRate >= 0 && failRate <= 1)) {
                throw new IllegalArgumentException("simulator reject-rate and fail-rate are between 0 and 1");
            }
        }
    }

    /** A line of a simulator's log, newest first on {@code GET /simulators/{channel}/log}. */
    record Entry(
            Instant at,
            String event,
            String idempotencyKey,
            String operation,
            String kind,
            String institution,
            String target,
            BigDecimal amount,
            String detail) {}

    /** One request as the simulator works it. */
    private record Request(
            MeasureKind.Channel channel,
            String key,
            String measureId,
            String operation,
            String kind,
            String institution,
            String target,
            BigDecimal amount) {}

    private final Endpoints endpoints;
    private final ObjectMapper json;
    private final Clock clock;
    private final Environment environment;
    private final Random random;
    private final ScheduledExecutorService scheduler;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Map<MeasureKind.Channel, Set<String>> seen = new EnumMap<>(MeasureKind.Channel.class);
    private final Map<MeasureKind.Channel, Deque<Entry>> logs = new EnumMap<>(MeasureKind.Channel.class);
    private volatile Settings settings;

    InstitutionSimulators(
            Endpoints endpoints,
            ObjectMapper json,
            Clock clock,
            Environment environment,
            @Value("${purseguard.protection.simulator.delay:800ms..3s}") String delay,
            @Value("${purseguard.protection.simulator.reject-rate:0.05}") double rejectRate,
            @Value("${purseguard.protection.simulator.fail-rate:0.10}") double failRate,
            @Value("${purseguard.protection.simulator.seed:#{null}}") Long seed) {
        this.endpoints = endpoints;
        this.json = json;
        this.clock = clock;
        this.environment = environment;
        this.random = seed == null ? new Random() : new Random(seed);
        var range = delay.split("\\.\\.", 2);
        var min = DurationStyle.detectAndParse(range[0].strip());
        var max = range.length == 2 ? DurationStyle.detectAndParse(range[1].strip()) : min;
        this.settings = new Settings(min, max, rejectRate, failRate);
        for (var channel : MeasureKind.Channel.values()) {
            seen.put(channel, Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERS;
                }
            })));
            logs.put(channel, new ArrayDeque<>());
        }
        var threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
            var thread = new Thread(r, "institution-simulator-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    Settings settings() {
        return settings;
    }

    /** Changes how the simulators behave from now on (tests: rejections, failures, delays). */
    void settings(Settings settings) {
        this.settings = settings;
    }

    // ------------------------------------------------------------------ receiving

    @PostMapping(path = "/simulators/{channel:bank|carrier|blocking}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> receive(
            @PathVariable String channel,
            @RequestHeader(name = Signatures.TIMESTAMP, required = false) String timestamp,
            @RequestHeader(name = Signatures.SIGNATURE, required = false) String signature,
            @RequestHeader(name = Signatures.IDEMPOTENCY_KEY, required = false) String key,
            @RequestBody(required = false) String body) {
        var ch = MeasureKind.Channel.valueOf(channel.toUpperCase(Locale.ROOT));
        if (!endpoints.simulated(ch)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Map.of("error", "no " + channel + " simulator here: a real endpoint is configured"));
        }
        var text = body == null ? "" : body;
        if (!Signatures.valid(endpoints.secret(ch), timestamp, signature, text, clock.instant())) {
            note(ch, "BAD_SIGNATURE", key, null, null);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "bad or missing signature"));
        }
        JsonNode message;
        try {
            message = json.reader()
                    .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readTree(text);
        } catch (IOException e) {
            message = null;
        }
        if (message == null || !message.isObject()) {
            return ResponseEntity.badRequest().body(Map.of("error", "the body is not a JSON object"));
        }
        if (key == null
                || key.isBlank()
                || !key.equals(message.path("idempotencyKey").asText(null))) {
            return ResponseEntity.badRequest()
                    .body(Map.of("error", "the Idempotency-Key header is required and must equal idempotencyKey"));
        }
        var request = new Request(
                ch,
                key,
                message.path("measureId").asText(null),
                message.path("operation").asText(null),
                message.path("kind").asText(null),
                message.path("institution").asText(null),
                masked(message.path("kind").asText(""), message.path("target").asText(null)),
                message.path("amount").isNumber() ? message.path("amount").decimalValue() : null);
        if (roll() < settings.failRate()) {
            // not remembered: the resend is a new attempt, as after a real outage
            note(request, "UNAVAILABLE", "503, the sender will retry");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "2")
                    .body(Map.of("error", "模拟故障：系统繁忙，请稍后重试 (simulated outage)"));
        }
        if (!seen.get(ch).add(key)) {
            note(request, "DUPLICATE", "seen before: not executed again");
            return ResponseEntity.ok(Map.of("status", "duplicate", "idempotencyKey", key));
        }
        note(request, "RECEIVED", null);
        scheduler.schedule(() -> work(request), delayMillis(), TimeUnit.MILLISECONDS);
        return ResponseEntity.accepted().body(Map.of("status", "accepted", "idempotencyKey", key));
    }

    /**
     * Carries a request out. EXECUTE: rejected now and then, otherwise acknowledged, then executed. A
     * renewal or a release needs no answer: the {@code 202} was the receipt, and the measure's state on
     * the police side does not wait for the institution.
     */
    private void work(Request request) {
        try {
            if (!"EXECUTE".equals(request.operation())) {
                note(request, "DONE", request.operation() + " carried out; no callback for it");
                return;
            }
            if (roll() < settings.rejectRate()) {
                var reasons = REJECTIONS.get(request.channel());
                var reason = reasons.get((int) (roll() * reasons.size()));
                callBack(request, "REJECTED", reason, 1);
                return;
            }
            callBack(request, "ACKNOWLEDGED", null, 1);
            scheduler.schedule(
                    () -> {
                        try {
                            callBack(request, "EXECUTED", null, 1);
                        } catch (RuntimeException e) {
                            log.warn("Simulator failed on {}", request.key(), e);
                        }
                    },
                    delayMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            log.warn("Simulator failed on {}", request.key(), e);
        }
    }

    private void callBack(Request request, String status, String reason, int attempt) {
        var answer = new LinkedHashMap<String, Object>();
        answer.put("idempotencyKey", request.key());
        answer.put("measureId", request.measureId());
        answer.put("status", status);
        if (reason != null) {
            answer.put("reason", reason);
        }
        if ("EXECUTED".equals(status) && request.amount() != null) {
            answer.put("amount", request.amount());
        }
        answer.put("at", OffsetDateTime.ofInstant(clock.instant(), LOCAL).toString());
        String body;
        try {
            body = json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long timestamp = clock.instant().getEpochSecond();
        var channel = request.channel().name().toLowerCase(Locale.ROOT);
        var uri = URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port", "8080")
                + "/api/v1/protection/callbacks/" + channel);
        var call = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .header(Signatures.TIMESTAMP, Long.toString(timestamp))
                .header(Signatures.SIGNATURE, Signatures.sign(endpoints.secret(request.channel()), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        String problem;
        boolean retry;
        try {
            var response = http.send(call, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                note(request, status, (reason == null ? "" : reason + "; ") + "callback " + response.body());
                return;
            }
            problem = "callback answered " + response.statusCode() + " " + abbreviate(response.body());
            // a 4xx will not change on a resend; a 5xx may
            retry = response.statusCode() >= 500;
        } catch (IOException e) {
            problem = "callback failed: " + e.getClass().getSimpleName() + " " + e.getMessage();
            retry = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        note(request, "CALLBACK_FAILED", status + " attempt " + attempt + ": " + problem);
        if (retry && attempt < CALLBACK_ATTEMPTS && !scheduler.isShutdown()) {
            scheduler.schedule(() -> callBack(request, status, reason, attempt + 1), 1L << attempt, TimeUnit.SECONDS);
        }
    }

    // ------------------------------------------------------------------ showing

    @GetMapping(path = "/simulators/{channel:bank|carrier|blocking}/log", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'CITY_CENTER')")
    ResponseEntity<List<Entry>> log(@PathVariable String channel) {
        var ch = MeasureKind.Channel.valueOf(channel.toUpperCase(Locale.ROOT));
        if (!endpoints.simulated(ch)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(entries(ch));
    }

    /** What the simulator of {@code channel} saw and did, newest first. */
    List<Entry> entries(MeasureKind.Channel channel) {
        var log = logs.get(channel);
        synchronized (log) {
            return new ArrayList<>(log);
        }
    }

    // ------------------------------------------------------------------ plumbing

    private void note(Request r, String event, String detail) {
        add(
                r.channel(),
                new Entry(
                        clock.instant(),
                        event,
                        r.key(),
                        r.operation(),
                        r.kind(),
                        r.institution(),
                        r.target(),
                        r.amount(),
                        detail));
    }

    private void note(MeasureKind.Channel channel, String event, String key, String operation, String detail) {
        add(channel, new Entry(clock.instant(), event, key, operation, null, null, null, null, detail));
    }

    private void add(MeasureKind.Channel channel, Entry entry) {
        var log = logs.get(channel);
        synchronized (log) {
            log.addFirst(entry);
            while (log.size() > KEEPS) {
                log.removeLast();
            }
        }
    }

    private double roll() {
        synchronized (random) {
            return random.nextDouble();
        }
    }

    private long delayMillis() {
        var s = settings;
        long min = s.minDelay().toMillis();
        long spread = s.maxDelay().toMillis() - min;
        return min + (spread <= 0 ? 0 : (long) (roll() * (spread + 1)));
    }

    /** Accounts and phones are personal data; URLs and app names are the fraudsters' and shown whole. */
    static String masked(String kind, String target) {
        if (target == null) {
            return null;
        }
        return switch (kind) {
            case "STOP_PAYMENT", "FREEZE", "UNFREEZE_RETURN" -> Masking.bankAccount(target);
            case "PHONE_RESTRICTION" -> Masking.phone(target);
            case "CARD_CUT" -> Masking.idNumber(target);
            default -> target;
        };
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
