package io.purseguard.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Many rows in one statement: each column is bound as one SQL array and unnested server-side
 * ({@code INSERT … SELECT … FROM unnest(?::uuid[], ?::text[], …)}). One round trip and one plan
 * instead of one per row, and unlike {@code COPY} it can say {@code ON CONFLICT} and {@code RETURNING}.
 */
public final class Unnest {

    private Unnest() {}

    /**
     * Runs {@code sql}, whose parameters are the {@code leading} scalars (e.g. a timestamp shared by
     * every row) and then one array per column of {@code types}; answers the row count.
     */
    public static int update(JdbcTemplate jdbc, String sql, Object[] leading, String[] types, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        return jdbc.execute((Connection connection) -> {
            try (var statement = connection.prepareStatement(sql)) {
                bind(connection, statement, leading, rows, types);
                return statement.executeUpdate();
            }
        });
    }

    /** As {@link #update}, for a statement with {@code RETURNING}: answers the returned rows. */
    public static <T> List<T> query(
            JdbcTemplate jdbc, String sql, Object[] leading, String[] types, List<Object[]> rows, RowMapper<T> mapper) {
        if (rows.isEmpty()) {
            return List.of();
        }
        return jdbc.execute((Connection connection) -> {
            try (var statement = connection.prepareStatement(sql)) {
                bind(connection, statement, leading, rows, types);
                var answers = new ArrayList<T>();
                try (var rs = statement.executeQuery()) {
                    int n = 0;
                    while (rs.next()) {
                        answers.add(mapper.mapRow(rs, n++));
                    }
                }
                return answers;
            }
        });
    }

    private static void bind(
            Connection connection, PreparedStatement statement, Object[] leading, List<Object[]> rows, String[] types)
            throws SQLException {
        for (int i = 0; i < leading.length; i++) {
            statement.setObject(i + 1, leading[i]);
        }
        for (int c = 0; c < types.length; c++) {
            var column = new Object[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                column[r] = rows.get(r)[c];
            }
            statement.setArray(leading.length + c + 1, connection.createArrayOf(types[c], column));
        }
    }
}
