package io.purseguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.PurseguardTest;
import io.purseguard.identity.Masking;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 实有人口 pages: htmx fragments, scope (404 and absent from search), masking and the audited reveal. */
@PurseguardTest
class ResidentPagesTest {

    static final String PASSWORD = "demo123";
    static final String MY_STATION = "329901P01";
    static final String MY_GRID = "32990110120101";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    record Person(UUID id, String name, String idNumber, String phone) {}

    private Person someoneWhere(String condition) {
        return jdbc.sql("SELECT id, name, id_number, phone FROM residents.resident WHERE " + condition
                        + " AND phone IS NOT NULL ORDER BY id LIMIT 1")
                .param("station", MY_STATION)
                .param("grid", MY_GRID)
                .query(Person.class)
                .single();
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void an_htmx_search_gets_only_the_results_fragment() {
        var person = someoneWhere("station_code = :station");
        var center = WebSession.signedIn(port, "center", PASSWORD);
        var path = "/residents?q=" + q(person.idNumber());

        var full = center.get(path);
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.body()).contains("<html", "<nav", "id=\"results\"", "<form");

        var fragment = center.get(path, "HX-Request", "true");
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body().strip()).startsWith("<section id=\"results\"");
        assertThat(fragment.body()).doesNotContain("<html", "<head", "<nav", "<form");
        assertThat(fragment.body()).contains(person.name(), Masking.idNumber(person.idNumber()));
        assertThat(fragment.header("Vary")).contains("HX-Request");

        // htmx restoring history after a cache miss wants the whole page back
        var restore = center.get(path, "HX-Request", "true", "HX-History-Restore-Request", "true");
        assertThat(restore.body()).contains("<html", "<nav");
    }

    @Test
    void a_station_officer_gets_404_for_a_resident_of_another_station_and_does_not_find_them() {
        var mine = someoneWhere("station_code = :station");
        var other = someoneWhere("station_code <> :station");
        var station = WebSession.signedIn(port, "station", PASSWORD);

        var page = station.get("/residents/" + other.id());
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("找不到该页面").doesNotContain(other.idNumber(), Masking.idNumber(other.idNumber()));

        var search = station.get("/residents?q=" + q(other.idNumber()), "HX-Request", "true");
        assertThat(search.body()).contains("共 0 人").doesNotContain(Masking.idNumber(other.idNumber()));

        var own = station.get("/residents?q=" + q(mine.idNumber()), "HX-Request", "true");
        assertThat(own.body()).contains("共 1 人", mine.name(), Masking.idNumber(mine.idNumber()));
        assertThat(station.get("/residents/" + mine.id()).status()).isEqualTo(200);
    }

    @Test
    void the_detail_page_masks_and_the_reveal_shows_the_full_values_once_audited() {
        var mine = someoneWhere("station_code = :station");
        var station = WebSession.signedIn(port, "station", PASSWORD);

        var page = station.get("/residents/" + mine.id());
        assertThat(page.body())
                .contains(Masking.idNumber(mine.idNumber()), Masking.phone(mine.phone()), "显示完整信息")
                .doesNotContain(mine.idNumber(), mine.phone());

        var reason = "核查预警 " + UUID.randomUUID();
        var revealed = station.post(
                "/residents/" + mine.id() + "/reveal",
                Map.of("purpose", "IDENTITY_CHECK", "reason", reason),
                "HX-Request",
                "true",
                "X-CSRF-TOKEN",
                WebSession.csrfOf(page));
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.body()).contains(mine.idNumber(), mine.phone()).doesNotContain("<html");
        assertThat(jdbc.sql("SELECT count(*) FROM identity.audit_entry WHERE action = 'REVEAL' AND actor = 'station'"
                                + " AND target_id = :id AND detail = :reason")
                        .param("id", mine.id().toString())
                        .param("reason", "IDENTITY_CHECK: " + reason)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void a_reveal_without_the_csrf_token_is_refused() {
        var mine = someoneWhere("station_code = :station");
        var station = WebSession.signedIn(port, "station", PASSWORD);

        var reply = station.post("/residents/" + mine.id() + "/reveal", Map.of(), "HX-Request", "true");
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).doesNotContain(mine.idNumber());
    }

    @Test
    void a_grid_worker_sees_no_reveal_button_and_may_not_reveal() {
        var neighbour = someoneWhere("grid_code = :grid");
        var grid = WebSession.signedIn(port, "grid", PASSWORD);

        var page = grid.get("/residents/" + neighbour.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(neighbour.name()).doesNotContain("显示完整信息");

        var reply = grid.post(
                "/residents/" + neighbour.id() + "/reveal",
                Map.of("purpose", "VISIT"),
                "HX-Request",
                "true",
                "X-CSRF-TOKEN",
                WebSession.csrfOf(page));
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).doesNotContain(neighbour.idNumber());
    }

    @Test
    void a_grid_worker_finds_only_the_people_of_their_grid() {
        var outside = someoneWhere("grid_code <> :grid AND station_code = :station");
        var grid = WebSession.signedIn(port, "grid", PASSWORD);

        var all = grid.get("/residents?size=200", "HX-Request", "true");
        long inGrid = jdbc.sql("SELECT count(*) FROM residents.resident WHERE grid_code = :grid")
                .param("grid", MY_GRID)
                .query(Long.class)
                .single();
        assertThat(all.body())
                .contains("共 "
                        + NumberFormat.getIntegerInstance(Locale.SIMPLIFIED_CHINESE)
                                .format(inGrid) + " 人");
        assertThat(grid.get("/residents/" + outside.id()).status()).isEqualTo(404);
        assertThat(grid.get("/residents?q=" + q(outside.idNumber()), "HX-Request", "true")
                        .body())
                .contains("共 0 人");
    }

    @Test
    void ties_say_what_the_other_person_is_to_this_one() {
        // a stored tie reads "resident_id is <relation> of other_id"
        var tie = jdbc.sql("SELECT t.resident_id, t.other_id FROM residents.tie t"
                        + " JOIN residents.resident a ON a.id = t.resident_id JOIN residents.resident b ON b.id = t.other_id"
                        + " WHERE t.relation = 'PARENT' AND a.station_code = :station AND b.station_code = :station"
                        + " ORDER BY t.resident_id, t.other_id LIMIT 1")
                .param("station", MY_STATION)
                .query((rs, i) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .single();
        var parent = tie[0];
        var child = tie[1];
        var station = WebSession.signedIn(port, "station", PASSWORD);

        assertThat(station.get("/residents/" + child).body())
                .containsPattern("href=\"/residents/" + parent + "\"[^<]*</a>\\s*</td>\\s*<td[^>]*>父母</td>");
        assertThat(station.get("/residents/" + parent).body())
                .containsPattern("href=\"/residents/" + child + "\"[^<]*</a>\\s*</td>\\s*<td[^>]*>子女</td>");
    }
}
