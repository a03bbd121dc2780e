package io.purseguard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.purseguard.PurseguardTest;
import io.purseguard.identity.ApiTokens;
import io.purseguard.identity.AuditTrail;
import io.purseguard.identity.Role;
import io.purseguard.scope.Scope;
import io.purseguard.scope.UnitKind;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Scope in SQL, masking by default, audited reveals: what a station officer's token can and cannot reach. */
@PurseguardTest
class ScopeAndPrivacyApiTest {

    private static final String MY_STATION = "329901P01";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    ApiClient city;
    ApiClient station;

    record Person(UUID id, String name, String idNumber, String phone, String stationCode, String gridCode) {}

    @BeforeEach
    void clients() {
        city = new ApiClient(port, tokens.issue("test-city", Role.CITY_CENTER, Scope.city()));
        station = city.as(tokens.issue("test-station", Role.STATION_OFFICER, Scope.of(UnitKind.STATION, MY_STATION)));
    }

    private Person someoneWhere(String condition) {
        return jdbc.sql("SELECT id, name, id_number, phone, station_code, grid_code FROM residents.resident WHERE "
                        + condition + " AND phone IS NOT NULL ORDER BY id LIMIT 1")
                .param("station", MY_STATION)
                .query(Person.class)
                .single();
    }

    @Test
    void a_station_officer_gets_404_for_a_resident_of_another_station() {
        var outsider = someoneWhere("station_code <> :station");
        var reply = station.get("/api/v1/residents/" + outsider.id());
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(city.get("/api/v1/residents/" + outsider.id()).status()).isEqualTo(200);
    }

    @Test
    void a_resident_of_another_station_is_absent_from_the_officers_search_but_not_the_citys() {
        var outsider = someoneWhere("station_code <> :station");
        assertThat(ids(station.get("/api/v1/residents?size=200&q=" + enc(outsider.name()))))
                .doesNotContain(outsider.id().toString());
        assertThat(ids(city.get("/api/v1/residents?size=200&q=" + enc(outsider.name()))))
                .contains(outsider.id().toString());
        assertThat(station.get("/api/v1/residents?q=" + outsider.idNumber())
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void every_resident_an_officer_lists_lives_in_the_officers_station_area() {
        var page = station.get("/api/v1/residents?size=200").json();
        long expected = jdbc.sql("SELECT count(*) FROM residents.resident WHERE station_code = :s")
                .param("s", MY_STATION)
                .query(Long.class)
                .single();
        assertThat(page.get("total").asLong()).isEqualTo(expected).isPositive();
        for (var item : page.get("items")) {
            String stationOf = jdbc.sql("SELECT station_code FROM residents.resident WHERE id = :id")
                    .param("id", UUID.fromString(item.get("id").asText()))
                    .query(String.class)
                    .single();
            assertThat(stationOf).isEqualTo(MY_STATION);
        }
    }

    @Test
    void units_and_staff_outside_the_station_are_invisible() {
        assertThat(station.get("/api/v1/units/329902P01").status()).isEqualTo(404);
        assertThat(station.get("/api/v1/units/" + MY_STATION).status()).isEqualTo(200);
        var roots = station.get("/api/v1/units").json();
        assertThat(roots).hasSize(1);
        assertThat(roots.get(0).get("code").asText()).isEqualTo(MY_STATION);
        var staff = station.get("/api/v1/staff").json();
        assertThat(staff).isNotEmpty();
        for (var member : staff) {
            assertThat(member.get("residentId").asText()).isNotBlank();
            String stationOf = jdbc.sql("SELECT station_code FROM jurisdiction.staff WHERE id = :id")
                    .param("id", UUID.fromString(member.get("id").asText()))
                    .query(String.class)
                    .single();
            assertThat(stationOf).isEqualTo(MY_STATION);
        }
        assertThat(station.get("/api/v1/staff?unit=329902P01").json()).isEmpty();
    }

    @Test
    void id_numbers_and_phones_are_masked_by_default() {
        var person = someoneWhere("station_code = :station");
        var detail = station.get("/api/v1/residents/" + person.id()).json();
        assertThat(detail.get("idNumber").asText())
                .matches("\\d{4}\\*{10}[\\dX]{4}")
                .isNotEqualTo(person.idNumber());
        assertThat(detail.get("phone").asText()).matches("1\\d{2}\\*{4}\\d{4}");
        assertThat(detail.get("gridCode").asText()).isEqualTo(person.gridCode());
        assertThat(detail.has("ties")).isTrue();
        var listed = station.get("/api/v1/residents?q=" + person.idNumber())
                .json()
                .get("items")
                .get(0);
        assertThat(listed.get("idNumber").asText())
                .isEqualTo(detail.get("idNumber").asText());
    }

    @Test
    void a_reveal_returns_the_full_values_and_writes_an_audit_entry() {
        var person = someoneWhere("station_code = :station");
        long before = audit.count();
        var reply = station.post(
                "/api/v1/residents/" + person.id() + "/reveal", "{\"purpose\":\"VISIT\",\"reason\":\"上门劝阻核对身份\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("idNumber").asText()).isEqualTo(person.idNumber());
        assertThat(reply.json().get("phone").asText()).isEqualTo(person.phone());
        var entry = audit.recent("resident", person.id().toString(), 0, 1).get(0);
        assertThat(audit.count()).isEqualTo(before + 1);
        assertThat(entry.action()).isEqualTo("REVEAL");
        assertThat(entry.actor()).isEqualTo("token:test-station");
        assertThat(entry.detail()).isEqualTo("VISIT: 上门劝阻核对身份");
        assertThat(entry.remoteAddr()).isEqualTo("127.0.0.1");
    }

    @Test
    void a_grid_worker_may_not_reveal_and_the_attempt_is_audited() {
        var person = someoneWhere("station_code = :station");
        var grid = city.as(tokens.issue("test-grid", Role.GRID_WORKER, Scope.of(UnitKind.GRID, person.gridCode())));
        assertThat(grid.get("/api/v1/residents/" + person.id()).status()).isEqualTo(200);
        var reply = grid.post("/api/v1/residents/" + person.id() + "/reveal", "{\"purpose\":\"VISIT\"}");
        assertThat(reply.status()).isEqualTo(403);
        assertThat(audit.recent("resident", person.id().toString(), 0, 1).get(0).action())
                .isEqualTo("REVEAL_DENIED");
    }

    @Test
    void a_reveal_needs_a_purpose_from_the_list_and_other_needs_words() {
        var person = someoneWhere("station_code = :station");
        long before = audit.count();
        var none = station.post("/api/v1/residents/" + person.id() + "/reveal", "{\"reason\":\"看看\"}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("errors").findValuesAsText("field")).containsExactly("purpose");
        var other = station.post("/api/v1/residents/" + person.id() + "/reveal", "{\"purpose\":\"OTHER\"}");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.json().get("errors").findValuesAsText("field")).containsExactly("reason");
        var unknown = station.post("/api/v1/residents/" + person.id() + "/reveal", "{\"purpose\":\"CURIOSITY\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(audit.count()).as("nothing revealed, nothing to audit").isEqualTo(before);
    }

    @Test
    void revealing_someone_outside_the_scope_is_404_and_reveals_nothing() {
        var outsider = someoneWhere("station_code <> :station");
        var reply = station.post("/api/v1/residents/" + outsider.id() + "/reveal", "{\"purpose\":\"VISIT\"}");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().toString()).doesNotContain(outsider.idNumber());
    }

    @Test
    void ties_name_only_people_the_caller_may_see() {
        var tie = jdbc.sql("""
                        SELECT t.resident_id FROM residents.tie t
                        JOIN residents.resident a ON a.id = t.resident_id JOIN residents.resident b ON b.id = t.other_id
                        WHERE a.station_code = :station AND b.station_code <> :station ORDER BY 1 LIMIT 1
                        """).param("station", MY_STATION).query(UUID.class).optional();
        if (tie.isEmpty()) {
            return; // the demo city has no cross-station tie from this station: nothing to hide
        }
        var ties = station.get("/api/v1/residents/" + tie.get()).json().get("ties");
        var hidden = StreamSupport.stream(ties.spliterator(), false)
                .filter(t -> !t.get("inScope").asBoolean())
                .toList();
        assertThat(hidden).isNotEmpty().allSatisfy(t -> assertThat(t.has("name"))
                .isFalse());
    }

    private static List<String> ids(ApiClient.Reply reply) {
        var ids = new ArrayList<String>();
        for (JsonNode item : reply.json().get("items")) {
            ids.add(item.get("id").asText());
        }
        return ids;
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
