package io.purseguard.notification.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as the city reads them (Asia/Shanghai by default), whatever the server's zone. */
public record Times(ZoneId zone) {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public String of(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atZone(zone));
    }

    public String seconds(Instant instant) {
        return instant == null ? "" : SECONDS.format(instant.atZone(zone));
    }

    /** For {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }
}
