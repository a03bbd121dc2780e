package io.purseguard.casework;

import java.time.Instant;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Case numbers, readable and unique per year and accepting unit: {@code A} + the unit's code + the
 * year + a six-digit sequence, e.g. {@code A329901P012026000123}. The sequence is a row per unit and
 * year, bumped in the caller's transaction (concurrent openers of one unit take turns on that row).
 */
@Component
class CaseNumbers {

    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    CaseNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String next(String unitCode, Instant at) {
        return reserve(unitCode, at, 1)[0];
    }

    /** {@code count} consecutive numbers for one unit and year, in one statement. */
    String[] reserve(String unitCode, Instant at, int count) {
        int year = at.atZone(LOCAL).getYear();
        int last = jdbc.sql("""
                        INSERT INTO casework.case_number (unit_code, year, last) VALUES (:unit, :year, :count)
                        ON CONFLICT (unit_code, year) DO UPDATE SET last = casework.case_number.last + :count
                        RETURNING last
                        """)
                .param("unit", unitCode)
                .param("year", year)
                .param("count", count)
                .query(Integer.class)
                .single();
        var numbers = new String[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = format(unitCode, year, last - count + 1 + i);
        }
        return numbers;
    }

    static String format(String unitCode, int year, int seq) {
        return "A" + unitCode + year + String.format("%06d", seq);
    }
}
