package io.purseguard.casework.web;

import io.purseguard.platform.web.CityTimes;
import java.time.ZoneId;

/** Times on the case pages, in the city's zone. */
record CaseTimes() implements CityTimes {

    @Override
    public ZoneId zone() {
        return ZoneId.of("Asia/Shanghai");
    }
}
