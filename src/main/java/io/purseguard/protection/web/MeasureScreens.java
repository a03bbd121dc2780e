package io.purseguard.protection.web;

import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.platform.web.CityTimes;
import io.purseguard.platform.web.Pages;
import io.purseguard.protection.MeasureKind;
import io.purseguard.protection.MeasureRefused;
import io.purseguard.protection.MeasureState;
import io.purseguard.protection.MeasureView;
import io.purseguard.protection.Measures;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the measure pages share: times as the city reads them, the notice after an action, who is an
 * officer, a measure the caller may see by the id in the address, and what was typed.
 */
@Component
class MeasureScreens {

    private final Measures measures;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    MeasureScreens(
            Measures measures,
            MessageSource messages,
            Clock clock,
            @Value("${purseguard.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.measures = measures;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Times as the city reads them, and the time left to an expiry as of {@code now} in the reader's
     * language; measures.js keeps the countdown running in the browser.
     */
    public record Times(Instant now, ZoneId zone, MessageSource messages, Locale locale) implements CityTimes {

        /** From three days left the countdown reads in days (as measures.js does). */
        static final long DAYS_FROM = 72 * 3_600;

        public boolean past(Instant instant) {
            return instant != null && !instant.isAfter(now);
        }

        /** "剩余 47:59:59" (a stop-payment's 48 hours read in hours), "剩余 180 天 3:04", or "已到期". */
        public String left(Instant expires) {
            if (expires == null) {
                return "";
            }
            if (past(expires)) {
                return messages.getMessage("measure.clock.expired", null, locale);
            }
            long seconds = Duration.between(now, expires).getSeconds();
            long days = seconds / 86_400;
            long hours = seconds % 86_400 / 3_600;
            long minutes = seconds % 3_600 / 60;
            String span = seconds >= DAYS_FROM
                    ? messages.getMessage("measure.clock.days", new Object[] {Long.toString(days)}, locale) + " "
                            + hours + ":" + two(minutes)
                    : seconds / 3_600 + ":" + two(minutes) + ":" + two(seconds % 60);
            return messages.getMessage("measure.clock.left", new Object[] {span}, locale);
        }

        private static String two(long value) {
            return value < 10 ? "0" + value : Long.toString(value);
        }
    }

    /** What the last action did, shown once: a message key, and the service's words when refused. */
    public record Notice(String key, String detail, boolean error) implements Serializable {}

    Optional<MeasureView> find(Caller caller, String id) {
        return Pages.uuid(id).flatMap(uuid -> measures.find(uuid, caller));
    }

    Times times() {
        return new Times(clock.instant(), zone, messages, LocaleContextHolder.getLocale());
    }

    static boolean officer(Caller caller) {
        return caller.role() == Role.CITY_CENTER
                || caller.role() == Role.DISTRICT_CENTER
                || caller.role() == Role.STATION_OFFICER;
    }

    static boolean pending(MeasureState state) {
        return state == MeasureState.REQUESTED || state == MeasureState.SENT || state == MeasureState.ACKNOWLEDGED;
    }

    static Notice refusedNotice(MeasureRefused e) {
        if ("reason".equals(e.field())) {
            return new Notice("measure.error.reason", null, true);
        }
        if ("amount".equals(e.field())) {
            return new Notice("measure.error.amount", e.getMessage(), true);
        }
        if ("upheld".equals(e.field())) {
            return new Notice("measure.error.upheld", null, true);
        }
        return new Notice("measure.error.rule", e.getMessage(), true);
    }

    static MeasureKind constant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return MeasureKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String trim(String text) {
        return text == null ? "" : text.strip();
    }

    /** What was typed, or null when nothing was. */
    static String given(String text) {
        return trim(text).isEmpty() ? null : trim(text);
    }

    /** An amount as typed (thousands separators allowed), or null when none was. */
    static BigDecimal amountOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new MeasureRefused("amount", "is not a number");
        }
    }
}
