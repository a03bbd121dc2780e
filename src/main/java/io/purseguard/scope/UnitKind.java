package io.purseguard.scope;

/** The levels of the unit tree, top down. Police stations and townships both sit under a district. */
public enum UnitKind {
    CITY,
    DISTRICT,
    STATION,
    TOWNSHIP,
    COMMUNITY,
    GRID;

    /** The placement column that holds a unit of this kind, e.g. {@code station_code}. */
    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT) + "_code";
    }
}
