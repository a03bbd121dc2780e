package io.purseguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.purseguard.PurseguardTest;
import io.purseguard.identity.ApiPermissions;
import io.purseguard.identity.ApiTokens;
import io.purseguard.identity.Role;
import io.purseguard.scope.Scope;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.spring.JqwikSpringSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Property-based fuzzing of every JSON request body the OpenAPI document describes: a valid body is
 * built from the operation's schema, then mutated (a field removed, added, of the wrong type, with NUL
 * or control characters, 100 KB long, an extreme or negative number, a malformed date, an unknown
 * id, not JSON at all). No answer may be a 5xx, and every 4xx must be a problem detail; a 400 must
 * name the field. Tries: {@code jqwik.tries.default} (10,000 in the build, see
 * {@code junit-platform.properties}; {@code -Djqwik.tries.default=100000} for the long run).
 *
 * <p>It runs in a context of its own (its own database), as the fuzzed writes that succeed (an extra
 * field is ignored, say) change policies and rule sets other tests rely on.
 */
@JqwikSpringSupport
@PurseguardTest
@TestPropertySource(properties = "purseguard.test.context=fuzz")
class ApiFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, AtomicInteger> STATUSES = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    private static volatile Fixture fixture;

    enum Mutation {
        NONE,
        REMOVE_FIELD,
        EXTRA_FIELD,
        WRONG_TYPE,
        NUL,
        CONTROL_CHARACTER,
        LONG_STRING,
        EXTREME_NUMBER,
        NEGATIVE_NUMBER,
        MALFORMED_DATE,
        UNKNOWN_ID,
        NULL_VALUE,
        EMPTY_BODY,
        NOT_JSON
    }

    record Operation(HttpMethod method, String path, JsonNode schema, Role role) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Which operation (an index into the document's, read once the application runs), how to break it. */
    record Fuzzed(int operation, Mutation mutation, int target, int variant) {}

    @Property(shrinking = ShrinkingMode.OFF)
    void no_body_makes_the_api_fail_and_every_refusal_names_what_is_wrong(@ForAll("requests") Fuzzed request) {
        var f = fixture();
        var operation = f.operations.get(request.operation() % f.operations.size());
        var path = f.path(operation.path());
        String body = body(operation, request.mutation(), request.target(), request.variant(), f);
        var client = f.callers.get(operation.role());
        var reply = HttpMethod.PUT.equals(operation.method()) ? client.put(path, body) : client.post(path, body);
        STATUSES.computeIfAbsent(String.valueOf(reply.status()), s -> new AtomicInteger())
                .incrementAndGet();

        var what = operation + " " + request.mutation() + " " + abbreviate(body) + " -> " + reply.status() + " "
                + abbreviate(reply.body());
        assertThat(reply.status()).as(what).isLessThan(500);
        if (reply.status() >= 400) {
            assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
            assertThat(reply.body()).as(what).doesNotContainIgnoringCase("SQL").doesNotContain("Exception");
        }
        if (reply.status() == 400) {
            var errors = reply.json().get("errors");
            assertThat(errors).as(what).isNotNull();
            assertThat(errors.size()).as(what).isPositive();
            errors.forEach(e -> assertThat(e.path("field").asText()).as(what).isNotBlank());
        }
    }

    @Provide
    Arbitrary<Fuzzed> requests() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 10_000),
                        Arbitraries.of(Mutation.class),
                        Arbitraries.integers().between(0, 1_000),
                        Arbitraries.integers().between(0, 1_000))
                .as(Fuzzed::new);
    }

    @AfterContainer
    static void counts() {
        int total = STATUSES.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.println(
                "ApiFuzzTest: " + total + " requests over " + (fixture == null ? 0 : fixture.operations.size())
                        + " operations with JSON bodies; answers by status: " + new TreeMap<>(STATUSES));
    }

    // ---- bodies

    private static String body(Operation operation, Mutation mutation, int target, int variant, Fixture f) {
        if (mutation == Mutation.EMPTY_BODY) {
            return "";
        }
        if (mutation == Mutation.NOT_JSON) {
            return List.of("{", "[1,2", "\"text", "{\"a\":}", "<xml/>").get(variant % 5);
        }
        var valid = example(operation.schema(), f, 0);
        if (mutation == Mutation.NONE) {
            return valid.toString();
        }
        var places = new ArrayList<Place>();
        collect(valid, null, null, places);
        if (places.isEmpty()) {
            return mutate(valid, mutation, variant).toString();
        }
        var place = places.get(target % places.size());
        place.replace(mutation, variant);
        return valid.toString();
    }

    /** A value inside the body: its container and its name or index there. */
    record Place(JsonNode container, String field, int index, JsonNode value) {
        void replace(Mutation mutation, int variant) {
            if (container instanceof ObjectNode object) {
                switch (mutation) {
                    case REMOVE_FIELD -> object.remove(field);
                    case EXTRA_FIELD -> object.put("unexpected" + variant, "x");
                    default -> object.set(field, mutate(value, mutation, variant));
                }
            } else if (container instanceof ArrayNode array) {
                if (mutation == Mutation.REMOVE_FIELD) {
                    array.remove(index);
                } else {
                    array.set(index, mutate(value, mutation, variant));
                }
            }
        }
    }

    private static void collect(JsonNode node, JsonNode container, Object key, List<Place> places) {
        if (container != null) {
            places.add(
                    new Place(container, key instanceof String s ? s : null, key instanceof Integer i ? i : -1, node));
        }
        if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> collect(e.getValue(), object, e.getKey(), places));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                collect(array.get(i), array, i, places);
            }
        }
    }

    private static JsonNode mutate(JsonNode value, Mutation mutation, int variant) {
        var json = JsonNodeFactory.instance;
        return switch (mutation) {
            case WRONG_TYPE ->
                value.isTextual()
                        ? List.of(json.numberNode(variant), json.booleanNode(true), json.arrayNode(), json.objectNode())
                                .get(variant % 4)
                        : List.of(
                                        json.textNode("wrong" + variant),
                                        json.arrayNode().add(1),
                                        json.objectNode())
                                .get(variant % 3);
            case NUL -> json.textNode("前" + '\u0000' + "后");
            case CONTROL_CHARACTER ->
                json.textNode("bell" + "\u0001\u0007\u0008\u000b\u000c\u001b\u007f\u0085".charAt(variant % 8));
            case LONG_STRING -> json.textNode("长".repeat(100_000 / 3 + variant));
            case EXTREME_NUMBER ->
                List.of(
                                json.numberNode(new java.math.BigDecimal("1e300")),
                                json.numberNode(1_000_000_000_000L),
                                json.numberNode(Long.MAX_VALUE),
                                json.numberNode(Double.MAX_VALUE),
                                json.numberNode(new java.math.BigDecimal("0.0000001")),
                                json.numberNode(0))
                        .get(variant % 6);
            case NEGATIVE_NUMBER -> json.numberNode(-1 - variant);
            case MALFORMED_DATE ->
                json.textNode(List.of(
                                "2026-13-45T99:00:00+08:00",
                                "yesterday",
                                "3000-01-01T00:00:00+08:00",
                                "1900-01-01T00:00:00Z")
                        .get(variant % 4));
            case UNKNOWN_ID -> json.textNode(UUID.randomUUID().toString());
            case NULL_VALUE -> json.nullNode();
            default -> value;
        };
    }

    private static JsonNode example(JsonNode schema, Fixture f, int depth) {
        var json = JsonNodeFactory.instance;
        schema = f.resolve(schema);
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            return example((schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf")).get(0), f, depth);
        }
        var type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        var format = schema.path("format").asText("");
        return switch (type) {
            case "string" ->
                switch (format) {
                    case "date-time" ->
                        json.textNode(OffsetDateTime.now(ZoneOffset.ofHours(8))
                                .minusMinutes(5)
                                .toString());
                    case "date" -> json.textNode("2026-11-20");
                    case "uuid" -> json.textNode(f.warningId);
                    case "binary" -> json.textNode("");
                    default -> json.textNode("测试");
                };
            case "integer" -> json.numberNode(1);
            case "number" -> json.numberNode(new java.math.BigDecimal("100.50"));
            case "boolean" -> json.booleanNode(true);
            case "array" ->
                depth > 4 ? json.arrayNode() : json.arrayNode().add(example(schema.path("items"), f, depth + 1));
            default -> {
                var object = json.objectNode();
                if (depth <= 4) {
                    schema.path("properties")
                            .properties()
                            .forEach(e -> object.set(e.getKey(), example(e.getValue(), f, depth + 1)));
                    if (schema.path("additionalProperties").isObject()) {
                        object.set("ask-contact", example(schema.get("additionalProperties"), f, depth + 1));
                    }
                }
                yield object;
            }
        };
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    // ---- the fixture: the operations, a caller each, and real ids for their paths

    private synchronized Fixture fixture() {
        if (fixture == null) {
            fixture = new Fixture(port, tokens, jdbc);
        }
        return fixture;
    }

    static final class Fixture {

        final List<Operation> operations = new ArrayList<>();
        final Map<Role, ApiClient> callers = new EnumMap<>(Role.class);
        final JsonNode components;
        final String warningId;
        final Map<String, String> ids;

        Fixture(int port, ApiTokens tokens, JdbcClient jdbc) {
            var anonymous = new ApiClient(port, null);
            for (var role : Role.values()) {
                var scope = role == Role.STATION_OFFICER
                        ? Scope.of(io.purseguard.scope.UnitKind.STATION, "329901P01")
                        : role.scopeLevel() == null ? Scope.none() : Scope.city();
                if (role.scopeLevel() != null && role != Role.CITY_CENTER && role != Role.STATION_OFFICER) {
                    continue;
                }
                callers.put(role, anonymous.as(tokens.issue("fuzz-" + role + "-" + UUID.randomUUID(), role, scope)));
            }
            var docs = anonymous.get("/v3/api-docs").json();
            components = docs.path("components").path("schemas");
            docs.get("paths")
                    .properties()
                    .forEach(path -> path.getValue().properties().forEach(op -> {
                        var method = HttpMethod.valueOf(op.getKey().toUpperCase());
                        var schema = op.getValue()
                                .path("requestBody")
                                .path("content")
                                .path("application/json")
                                .path("schema");
                        if (!path.getKey().startsWith("/api/") || schema.isMissingNode()) {
                            return;
                        }
                        var permission = ApiPermissions.all().stream()
                                .filter(p ->
                                        p.method().equals(method) && p.path().equals(path.getKey()))
                                .findFirst()
                                .orElseThrow(() -> new IllegalStateException(
                                        "not in ApiPermissions: " + method + " " + path.getKey()));
                        if (permission.signed()) {
                            return; // answers only to a valid signature: fuzzing stops at its first check
                        }
                        var role = List.of(
                                        Role.CITY_CENTER,
                                        Role.ADMIN,
                                        Role.BANK_LIAISON,
                                        Role.AUDITOR,
                                        Role.STATION_OFFICER)
                                .stream()
                                .filter(permission::allows)
                                .findFirst()
                                .orElseThrow();
                        operations.add(new Operation(method, path.getKey(), schema, role));
                    }));
            assertThat(operations).hasSizeGreaterThan(10);

            // a real warning with its task and automatic measure, so that paths reach past the look-up
            var city = callers.get(Role.CITY_CENTER);
            var idNumber = jdbc.sql("SELECT id_number FROM residents.resident WHERE birth_date < DATE '1990-01-01' "
                            + "ORDER BY id LIMIT 1")
                    .query(String.class)
                    .single();
            var now = OffsetDateTime.now(ZoneOffset.ofHours(8));
            var clue = """
                    {"clueId":"F-%s","source":"BANK","kind":"FUND","pushedAt":"%s",
                     "person":{"name":"测试","idNumber":"%s"},
                     "suspect":{"account":{"bank":"某行","number":"6222020200112233446","holder":"李四"}},
                     "amount":88000,"transactedAt":"%s","fraudTypeHint":"FAKE_INVESTMENT"}
                    """.formatted(UUID.randomUUID(), now.minusMinutes(1), idNumber, now.minusMinutes(20));
            warningId = city.post("/api/v1/warnings", "{\"items\":[" + clue + "]}")
                    .json()
                    .get("results")
                    .get(0)
                    .get("warningId")
                    .asText();
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            city.get("/api/v1/warnings/" + warningId).json().has("task")
                                    && jdbc.sql("SELECT count(*) FROM protection.measure WHERE warning_id = :w::uuid")
                                                    .param("w", warningId)
                                                    .query(Integer.class)
                                                    .single()
                                            > 0);
            ids = Map.of(
                    "warning", warningId,
                    "task",
                            city.get("/api/v1/warnings/" + warningId)
                                    .json()
                                    .get("task")
                                    .get("id")
                                    .asText(),
                    "measure",
                            jdbc.sql("SELECT id::text FROM protection.measure WHERE warning_id = :w::uuid LIMIT 1")
                                    .param("w", warningId)
                                    .query(String.class)
                                    .single(),
                    "resident",
                            jdbc.sql("SELECT id::text FROM residents.resident WHERE id_number = :n")
                                    .param("n", idNumber)
                                    .query(String.class)
                                    .single());
        }

        JsonNode resolve(JsonNode schema) {
            while (schema.has("$ref")) {
                var ref = schema.get("$ref").asText();
                schema = components.path(ref.substring(ref.lastIndexOf('/') + 1));
            }
            return schema;
        }

        String path(String template) {
            var collection = template.substring("/api/v1/".length()).split("/")[0];
            var record =
                    switch (collection) {
                        case "warnings" -> ids.get("warning");
                        case "tasks" -> ids.get("task");
                        case "measures" -> ids.get("measure");
                        case "residents" -> ids.get("resident");
                        default -> UUID.randomUUID().toString();
                    };
            return template.replaceAll("\\{(id|warningId)}", record)
                    .replace("{seq}", "1")
                    .replace("{name}", "three-asks")
                    .replace("{answer}", "acknowledge")
                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }
    }
}
