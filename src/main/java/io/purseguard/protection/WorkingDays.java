package io.purseguard.protection;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Chinese working-day calendar: Monday to Friday, except public holidays, plus the weekend days
 * worked in exchange (调休). Both kinds of exception are rows in {@code protection.calendar_day}, kept
 * by the admin (the State Council publishes them each December).
 */
@Component
public class WorkingDays {

    private final JdbcClient jdbc;

    WorkingDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isWorkingDay(LocalDate day) {
        return isWorkingDay(day, exceptions(day, day));
    }

    /** The {@code n}-th working day after {@code day} (not counting {@code day} itself). */
    public LocalDate plus(LocalDate day, int n) {
        // n working days never span more than n weeks plus the longest holiday (Golden Week)
        var exceptions = exceptions(day, day.plusDays(n * 7L + 30));
        var d = day;
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (isWorkingDay(d, exceptions)) {
                counted++;
            }
        }
        return d;
    }

    private static boolean isWorkingDay(LocalDate day, Map<LocalDate, Boolean> exceptions) {
        var exception = exceptions.get(day);
        if (exception != null) {
            return exception;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private Map<LocalDate, Boolean> exceptions(LocalDate from, LocalDate to) {
        var map = new java.util.HashMap<LocalDate, Boolean>();
        jdbc.sql("SELECT day, working FROM protection.calendar_day WHERE day BETWEEN :from AND :to")
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    map.put(rs.getObject(1, LocalDate.class), rs.getBoolean(2));
                });
        return map;
    }
}
