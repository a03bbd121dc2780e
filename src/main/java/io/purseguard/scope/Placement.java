package io.purseguard.scope;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where something sits on both trees: its district, police station, township, community and grid
 * (any may be null above the level that applies). Modules that hold people copy a grid's placement
 * onto their rows so that {@link Scope} can be applied with one indexed equality.
 */
public record Placement(String district, String station, String township, String community, String grid) {

    public static final Placement NONE = new Placement(null, null, null, null, null);

    /** The placement columns, in the order of {@link #appendTo(Object...)}. */
    public static final List<String> COLUMNS =
            List.of("district_code", "station_code", "township_code", "community_code", "grid_code");

    /** {@code own} followed by this placement's five codes: one row for a bulk load. */
    public Object[] appendTo(Object... own) {
        var all = Arrays.copyOf(own, own.length + COLUMNS.size());
        all[own.length] = district;
        all[own.length + 1] = station;
        all[own.length + 2] = township;
        all[own.length + 3] = community;
        all[own.length + 4] = grid;
        return all;
    }

    /** Reads the five placement columns of the current row (unprefixed column labels). */
    public static Placement read(ResultSet rs) throws SQLException {
        return new Placement(
                rs.getString("district_code"),
                rs.getString("station_code"),
                rs.getString("township_code"),
                rs.getString("community_code"),
                rs.getString("grid_code"));
    }

    /** {@code own} column names followed by the placement columns. */
    public static List<String> columnsAfter(String... own) {
        var all = new ArrayList<>(List.of(own));
        all.addAll(COLUMNS);
        return List.copyOf(all);
    }

    /** The code at the given level, or null; the city level holds everything, so it has no column. */
    public String codeAt(UnitKind kind) {
        return switch (kind) {
            case CITY -> null;
            case DISTRICT -> district;
            case STATION -> station;
            case TOWNSHIP -> township;
            case COMMUNITY -> community;
            case GRID -> grid;
        };
    }
}
