package io.purseguard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.PurseguardTest;
import io.purseguard.identity.UserAccounts;
import io.purseguard.scope.UnitKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo city as loaded at start-up. It compares the whole database with a fresh generation, so
 * it relies on tests sharing this context leaving the jurisdiction and residents tables as the
 * demo loaded them (they write their own rows elsewhere, e.g. tokens and audit entries).
 */
@PurseguardTest
class DemoCityLoadTest {

    static DemoCity expected;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoProperties properties;

    @Autowired
    DemoCityRunner runner;

    @Autowired
    DemoGenerations generations;

    @Autowired
    UserAccounts accounts;

    @BeforeAll
    static void generateTheSameCityAgain(@Autowired DemoProperties properties) {
        expected = DemoCityGenerator.generate(properties.seed(), properties.residents());
    }

    @Test
    void the_marker_records_seed_size_and_digest_of_the_generated_city() {
        var generation = generations.find().orElseThrow();

        assertThat(properties.residents()).isEqualTo(6000);
        assertThat(generation.seed()).isEqualTo(properties.seed());
        assertThat(generation.residents()).isEqualTo(expected.residents().size());
        assertThat(generation.digest()).isEqualTo(expected.digest());
        assertThat(generation.millis()).isPositive();
    }

    @Test
    void the_database_holds_exactly_the_generated_city() {
        assertThat(DatabaseDigest.of(jdbc)).isEqualTo(expected.digest());
    }

    @Test
    void unit_and_row_counts_match_the_generated_city() {
        var byKind = jdbc
                .sql("SELECT kind, count(*) FROM jurisdiction.unit GROUP BY kind")
                .query((rs, i) -> Map.entry(UnitKind.valueOf(rs.getString(1)), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        var expectedByKind =
                expected.units().stream().collect(Collectors.groupingBy(u -> u.kind(), Collectors.counting()));

        assertThat(byKind).isEqualTo(expectedByKind);
        assertThat(counts())
                .containsEntry("residents.resident", (long) expected.residents().size())
                .containsEntry("residents.tie", 2L * expected.ties().size())
                .containsEntry("jurisdiction.staff", (long) expected.staff().size());
    }

    @Test
    void a_second_start_reuses_the_city_instead_of_generating_it_again() throws Exception {
        var before = counts();
        var marker = generations.find().orElseThrow();

        runner.run(new DefaultApplicationArguments());

        assertThat(counts()).isEqualTo(before);
        assertThat(generations.find()).contains(marker);
    }

    @Test
    void every_demo_account_signs_in_with_its_role_and_scope() {
        for (var account : DemoAccounts.ALL) {
            var caller = accounts.caller(account.username()).orElseThrow();
            assertThat(caller.role()).isEqualTo(account.role());
            assertThat(caller.scope()).isEqualTo(account.scope());
        }
        var linked = jdbc
                .sql("SELECT username, staff_id FROM identity.app_user WHERE staff_id IS NOT NULL")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(linked).containsAllEntriesOf(expected.accountStaff());
    }

    private Map<String, Long> counts() {
        var counts = new LinkedHashMap<String, Long>();
        for (String table : new String[] {
            "jurisdiction.unit",
            "jurisdiction.staff",
            "jurisdiction.community_officer",
            "jurisdiction.duty_rotation",
            "residents.resident",
            "residents.tie",
            "demo.generation"
        }) {
            counts.put(
                    table,
                    jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        for (var account : DemoAccounts.ALL) {
            counts.put(account.username(), accounts.exists(account.username()) ? 1L : 0L);
        }
        return counts;
    }
}
