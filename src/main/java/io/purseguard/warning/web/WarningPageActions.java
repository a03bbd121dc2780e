package io.purseguard.warning.web;

import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.warning.WarningStatus;
import io.purseguard.warning.WarningView;

/**
 * What a caller may do to one warning from the pages, so that a button is shown exactly when
 * pressing it would be allowed (the page controller checks the same rule before acting; the
 * {@link io.purseguard.warning.Warnings} service still guards the state in its UPDATE).
 *
 * <ul>
 *   <li>签收: the unit that holds the warning, while it waits (RECEIVED or TRANSFERRED): a station's
 *       officer for the station's warnings, a center for its own queue;
 *   <li>退回: a station officer, for a warning not already returned;
 *   <li>移交: the city and district centers, in any state.
 * </ul>
 */
record WarningPageActions(boolean signFor, boolean returnToQueue, boolean transfer) {

    static final WarningPageActions NONE = new WarningPageActions(false, false, false);

    /**
     * @param cityCode the city unit's code: the holder of the city's manual queue
     */
    static WarningPageActions of(Caller caller, WarningView warning, String cityCode) {
        var role = caller.role();
        boolean waiting = warning.status() == WarningStatus.RECEIVED || warning.status() == WarningStatus.TRANSFERRED;
        boolean holder =
                switch (role) {
                    case STATION_OFFICER -> caller.scope().code().equals(warning.stationCode());
                    case DISTRICT_CENTER ->
                        caller.scope().code().equals(warning.unit().code());
                    case CITY_CENTER -> warning.unit().code().equals(cityCode);
                    default -> false;
                };
        return new WarningPageActions(
                waiting && holder,
                role == Role.STATION_OFFICER && holder && warning.status() != WarningStatus.RETURNED,
                role == Role.CITY_CENTER || role == Role.DISTRICT_CENTER);
    }

    public boolean any() {
        return signFor || returnToQueue || transfer;
    }

    /** Roles that run a board: the city's and the districts' anti-fraud centers. */
    static boolean runsABoard(Caller caller) {
        return caller.role() == Role.CITY_CENTER || caller.role() == Role.DISTRICT_CENTER;
    }
}
