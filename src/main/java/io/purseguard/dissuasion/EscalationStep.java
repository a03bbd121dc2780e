package io.purseguard.dissuasion;

/** Where a missed deadline climbs, one step at a time. */
public enum EscalationStep {
    /** 所领导: the station's head (the station's accounts). */
    STATION_HEAD,
    /** 分局反诈中心: the district center. */
    DISTRICT_CENTER,
    /** 市反诈中心: the city center; the top. */
    CITY_CENTER;

    /** The step for a clock that has been missed {@code n} times (1-based). */
    static EscalationStep nth(int n) {
        return values()[Math.min(n, values().length) - 1];
    }

    boolean isLast() {
        return this == CITY_CENTER;
    }
}
