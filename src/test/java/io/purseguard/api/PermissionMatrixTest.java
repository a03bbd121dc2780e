package io.purseguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.purseguard.PurseguardTest;
import io.purseguard.identity.ApiPermissions;
import io.purseguard.identity.ApiTokens;
import io.purseguard.identity.Role;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The permission matrix against the live API: every operation of the OpenAPI document is in
 * {@link ApiPermissions}, every role gets exactly what the table says, and a role narrower than the
 * city asking for a record outside its jurisdiction learns nothing (404), whatever the operation.
 */
@PurseguardTest
class PermissionMatrixTest {

    /** The narrower callers all sit in district 329901; the out-of-scope records are in 329903. */
    private static final String MY_DISTRICT = "329901";

    private static final String OTHER_DISTRICT = "329903";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    ApiClient anonymous;
    Map<Role, ApiClient> callers;

    @BeforeEach
    void callers() {
        anonymous = new ApiClient(port, null);
        callers = new EnumMap<>(Role.class);
        for (var role : Role.values()) {
            callers.put(
                    role, anonymous.as(tokens.issue("matrix-" + role + "-" + UUID.randomUUID(), role, scopeOf(role))));
        }
    }

    @Test
    void every_operation_of_the_api_is_in_the_table_and_the_table_names_no_other() {
        var documented = new TreeSet<String>();
        var paths = anonymous.get("/v3/api-docs").json().get("paths");
        paths.fieldNames().forEachRemaining(path -> paths.get(path).fieldNames().forEachRemaining(method -> {
            if (path.startsWith("/api/")) {
                documented.add(method.toUpperCase() + " " + path);
            }
        }));
        var declared = new TreeSet<String>();
        ApiPermissions.all().forEach(p -> declared.add(p.method().name() + " " + p.path()));

        assertThat(documented).as("operations missing from ApiPermissions").isSubsetOf(declared);
        assertThat(declared).as("ApiPermissions rows naming no operation").isSubsetOf(documented);
    }

    @Test
    void every_role_may_call_exactly_the_operations_the_table_gives_it() {
        var wrong = new ArrayList<String>();
        for (var permission : ApiPermissions.all()) {
            var path = withPlaceholders(permission.path(), name -> placeholder(name));
            for (var role : Role.values()) {
                if (permission.signed()) {
                    continue; // it checks its own signature: no role is more or less welcome
                }
                int status = call(callers.get(role), permission.method(), path).status();
                boolean refused = status == 401 || status == 403;
                if (permission.allows(role) == refused) {
                    wrong.add(role + " " + permission.method() + " " + path + " -> " + status);
                }
            }
            if (!permission.signed()) {
                int status = call(anonymous, permission.method(), path).status();
                if (status != 401) {
                    wrong.add("anonymous " + permission.method() + " " + path + " -> " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void a_narrower_role_asking_for_a_record_outside_its_jurisdiction_gets_404_from_every_operation() {
        var records = recordsOutOfScope();
        var wrong = new ArrayList<String>();
        var narrower = List.of(
                Role.DISTRICT_CENTER, Role.STATION_OFFICER, Role.GRID_WORKER, Role.TOWNSHIP_HEAD, Role.BANK_LIAISON);
        for (var permission : ApiPermissions.all()) {
            var record = recordKind(permission.path());
            if (record == null || permission.signed()) {
                continue;
            }
            var path = withPlaceholders(
                    permission.path(),
                    name -> records.getOrDefault(record + ":" + name, records.getOrDefault(record, placeholder(name))));
            for (var role : narrower) {
                int status = call(callers.get(role), permission.method(), path).status();
                int expected = permission.allows(role) ? 404 : 403;
                if (status != expected) {
                    wrong.add(
                            role + " " + permission.method() + " " + path + " -> " + status + ", expected " + expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
        // and the city, which sees everything, does reach them: the ids are real
        assertThat(callers.get(Role.CITY_CENTER)
                        .get("/api/v1/warnings/" + records.get("warning"))
                        .status())
                .isEqualTo(200);
        assertThat(callers.get(Role.CITY_CENTER)
                        .get("/api/v1/residents/" + records.get("resident"))
                        .status())
                .isEqualTo(200);
        assertThat(callers.get(Role.CITY_CENTER)
                        .get("/api/v1/measures/" + records.get("measure"))
                        .status())
                .isEqualTo(200);
    }

    /** Which record a path's first variable names, by the path's collection; null for none. */
    private static String recordKind(String path) {
        if (!path.contains("{")) {
            return null;
        }
        var collection = path.substring("/api/v1/".length()).split("/")[0];
        return switch (collection) {
            case "warnings" -> "warning";
            case "tasks" -> "task";
            case "residents" -> "resident";
            case "measures" -> "measure";
            case "units" -> "unit";
            case "revisits" -> "revisit";
            case "notifications" -> "notification";
            case "cases" -> "case";
            default -> null; // admin tokens, checklists by name: not records of a jurisdiction
        };
    }

    /** A warning (with its task, automatic stop-payment and revisits), its resident and unit, in 329903. */
    private Map<String, String> recordsOutOfScope() {
        var city = callers.get(Role.CITY_CENTER);
        var resident = jdbc.sql("SELECT id::text AS id, id_number FROM residents.resident WHERE district_code = :d "
                        + "AND birth_date < DATE '1990-01-01' ORDER BY id LIMIT 1")
                .param("d", OTHER_DISTRICT)
                .query((rs, n) -> new String[] {rs.getString("id"), rs.getString("id_number")})
                .single();
        var now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        var clue = """
                {"clueId":"%s","source":"BANK","kind":"FUND","pushedAt":"%s",
                 "person":{"name":"测试","idNumber":"%s"},
                 "suspect":{"account":{"bank":"某行","number":"6222020200112233446","holder":"李四"}},
                 "amount":88000,"transactedAt":"%s","fraudTypeHint":"FAKE_INVESTMENT"}
                """.formatted("M-" + UUID.randomUUID(), now.minusMinutes(1), resident[1], now.minusMinutes(20));
        var warningId = city.post("/api/v1/warnings", "{\"items\":[" + clue + "]}")
                .json()
                .get("results")
                .get(0)
                .get("warningId")
                .asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        city.get("/api/v1/warnings/" + warningId).json().has("task") && measureOf(warningId) != null);
        JsonNode warning = city.get("/api/v1/warnings/" + warningId).json();
        var taskId = warning.get("task").get("id").asText();
        var measureId = measureOf(warningId);
        var concluded = city.post("/api/v1/warnings/" + warningId + "/outcome", """
                {"outcome":"DISSUADED","faceToFace":true,
                 "checklist":{"ask-contact":true,"ask-app":true,"ask-transfer":true,"tell-method":true,"tell-hotline":true}}
                """);
        assertThat(concluded.status()).isEqualTo(200);
        var revisitId = concluded.json().get("revisits").get(0).get("id").asText();
        var notificationId = jdbc.sql("SELECT id::text FROM notification.notice ORDER BY created_at DESC LIMIT 1")
                .query(String.class)
                .single();
        var caseId = city.post("/api/v1/cases", """
                        {"narrative":"对方冒充客服称可理赔退款，让其转账5000元。","unit":"%s",
                         "victims":[{"idNumber":"%s"}]}
                        """.formatted(OTHER_DISTRICT + "P01", resident[1]))
                .json()
                .get("id")
                .asText();
        return Map.of(
                "case", caseId,
                "warning", warningId,
                "task", taskId,
                "task:seq", "1",
                "resident", resident[0],
                "measure", measureId,
                "unit", OTHER_DISTRICT,
                "revisit", revisitId,
                "notification", notificationId);
    }

    private String measureOf(String warningId) {
        return jdbc.sql("SELECT id::text FROM protection.measure WHERE warning_id = :w::uuid LIMIT 1")
                .param("w", warningId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private static String placeholder(String name) {
        return switch (name) {
            case "seq" -> "1";
            case "code" -> "329900";
            case "name" -> "three-asks";
            case "answer" -> "acknowledge";
            case "channel" -> "bank";
            default -> UUID.randomUUID().toString();
        };
    }

    private static String withPlaceholders(String path, Function<String, String> value) {
        var out = new StringBuilder();
        int i = 0;
        while (i < path.length()) {
            int open = path.indexOf('{', i);
            if (open < 0) {
                out.append(path, i, path.length());
                break;
            }
            int close = path.indexOf('}', open);
            out.append(path, i, open).append(value.apply(path.substring(open + 1, close)));
            i = close + 1;
        }
        return out.toString();
    }

    /**
     * A body each write would accept, by the path's last segment, so that only the record's scope can
     * refuse it (a body refused first would say nothing about the record, but prove nothing either).
     */
    private static final Map<String, String> VALID_BODIES = Map.of(
            "transfer", "{\"reason\":\"移交核查\",\"unit\":\"329901P01\"}",
            "return", "{\"reason\":\"不属本所辖区\"}",
            "contacts", "{\"channel\":\"PHONE\",\"result\":\"ANSWERED\"}",
            "release", "{\"reason\":\"核实无涉诈\"}",
            "appeal", "{\"upheld\":true,\"note\":\"申诉属实\"}",
            "reveal", "{\"purpose\":\"VISIT\"}");

    private static ApiClient.Reply call(ApiClient client, HttpMethod method, String path) {
        if (HttpMethod.GET.equals(method)) {
            return client.get(path);
        }
        var last = path.substring(path.lastIndexOf('/') + 1);
        if (last.equals("photos")) {
            return client.postFile(path, "photo", "door.png", PNG, "image/png");
        }
        var body = VALID_BODIES.getOrDefault(last, "{}");
        return HttpMethod.PUT.equals(method) ? client.put(path, body) : client.post(path, body);
    }

    /** A 1×1 PNG. */
    private static final byte[] PNG = java.util.Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private Scope scopeOf(Role role) {
        return switch (role) {
            case CITY_CENTER -> Scope.city();
            case DISTRICT_CENTER -> Scope.of(UnitKind.DISTRICT, MY_DISTRICT);
            case STATION_OFFICER -> Scope.of(UnitKind.STATION, MY_DISTRICT + "P01");
            case GRID_WORKER -> Scope.of(UnitKind.GRID, unit("GRID"));
            case TOWNSHIP_HEAD -> Scope.of(UnitKind.TOWNSHIP, unit("TOWNSHIP"));
            case BANK_LIAISON -> Scope.institution(bankWithoutMeasures());
            default -> Scope.none();
        };
    }

    private String unit(String kind) {
        return jdbc.sql("SELECT code FROM jurisdiction.unit WHERE kind = :k AND code LIKE :d ORDER BY code LIMIT 1")
                .param("k", kind)
                .param("d", MY_DISTRICT + "%")
                .query(String.class)
                .single();
    }

    /** A bank code that is not the one the test's measure goes to, so the liaison must not see it. */
    private static String bankWithoutMeasures() {
        return "NOBANK";
    }
}
