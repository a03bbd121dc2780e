package io.purseguard.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.purseguard.PurseguardTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows bound as array literals come back out of PostgreSQL exactly as they went in. */
@PurseguardTest
class UnnestTest {

    @Autowired
    JdbcTemplate jdbc;

    static final String[] TYPES = {"text", "uuid", "timestamptz", "numeric", "int4"};

    @Test
    void every_value_survives_the_round_trip_through_an_array_literal() {
        var at = Instant.parse("2026-11-22T05:06:07.123456Z");
        List<Object[]> rows = List.of(
                new Object[] {"plain", UUID.randomUUID(), Timestamp.from(at), new BigDecimal("50000.00"), 7},
                new Object[] {"say \"hi\", {braces}, back\\slash", null, at, new BigDecimal("0.01"), -1},
                new Object[] {"NULL", UUID.randomUUID(), null, null, null},
                new Object[] {"", UUID.randomUUID(), at.plusSeconds(1), new BigDecimal("1E+3"), 0},
                new Object[] {null, UUID.randomUUID(), at, BigDecimal.ZERO, Integer.MAX_VALUE},
                new Object[] {"老年人 刷单返利\n第二行\t制表 ' 单引号", UUID.randomUUID(), at, new BigDecimal("-3.5"), 1});
        var back = Unnest.query(
                jdbc,
                "SELECT t.* FROM unnest(?::text[], ?::uuid[], ?::timestamptz[], ?::numeric[], ?::int4[])"
                        + " WITH ORDINALITY AS t(s, u, ts, n, i, o) ORDER BY o",
                new Object[0],
                TYPES,
                rows,
                (rs, i) -> new Object[] {
                    rs.getString("s"),
                    rs.getObject("u", UUID.class),
                    rs.getTimestamp("ts") == null ? null : rs.getTimestamp("ts").toInstant(),
                    rs.getBigDecimal("n"),
                    rs.getObject("i", Integer.class)
                });
        var expected = new ArrayList<Object[]>();
        for (var row : rows) {
            var copy = Arrays.copyOf(row, row.length);
            copy[2] = copy[2] instanceof Timestamp t ? t.toInstant() : copy[2];
            expected.add(copy);
        }
        assertThat(back).hasSize(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            var got = back.get(r);
            var want = expected.get(r);
            assertThat(got[0]).as("text of row %d", r).isEqualTo(want[0]);
            assertThat(got[1]).as("uuid of row %d", r).isEqualTo(want[1]);
            assertThat(got[2]).as("time of row %d", r).isEqualTo(want[2]);
            assertThat(got[3] == null ? null : ((BigDecimal) got[3]).compareTo((BigDecimal) want[3]))
                    .as("number of row %d", r)
                    .isEqualTo(want[3] == null ? null : 0);
            assertThat(got[4]).as("integer of row %d", r).isEqualTo(want[4]);
        }
    }

    @Test
    void a_value_without_a_literal_form_is_refused_before_anything_is_sent() {
        var out = new StringBuilder();
        List<Object[]> rows = List.<Object[]>of(new Object[] {new Object()});
        assertThatThrownBy(() -> Unnest.arrayLiteral(out, rows, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no array literal for a java.lang.Object");
    }
}
