package io.purseguard.dissuasion.web;

import io.purseguard.identity.Caller;
import io.purseguard.identity.Role;
import io.purseguard.platform.web.CityTimes;
import io.purseguard.platform.web.FormFields;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * What the dissuasion pages share: who sees tasks, a form as typed and the forms of a page, the notice
 * after a redirect, and the clocks as the city reads them.
 */
@Component
class TaskScreens {

    private final Clock clock;
    private final ZoneId zone;
    private final MessageSource messages;

    TaskScreens(Clock clock, @Value("${purseguard.time-zone:Asia/Shanghai}") ZoneId zone, MessageSource messages) {
        this.clock = clock;
        this.zone = zone;
        this.messages = messages;
    }

    /**
     * Times as the city reads them (Asia/Shanghai), and the countdowns to deadlines as of {@code now},
     * in the reader's language; countdown.js keeps the same text running in the browser.
     */
    public record Clocks(Instant now, ZoneId zone, MessageSource messages, Locale locale) implements CityTimes {

        private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
        private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

        public String day(Instant instant) {
            return instant == null ? null : DAY.format(instant.atZone(zone));
        }

        /** Now, as a {@code datetime-local} input's value. */
        public String inputNow() {
            return INPUT.format(now.atZone(zone));
        }

        public boolean past(Instant due) {
            return due != null && !due.isAfter(now);
        }

        /** "剩余 0:04:59" or "超时 0:01:02". */
        public String countdown(Instant due) {
            if (due == null) {
                return "";
            }
            var left = Duration.between(now, due);
            boolean late = left.isNegative() || left.isZero();
            return messages.getMessage(
                    late ? "task.clock.late" : "task.clock.left", new Object[] {span(left.abs())}, locale);
        }

        private String span(Duration duration) {
            long seconds = duration.getSeconds();
            long days = seconds / 86_400;
            long hours = seconds % 86_400 / 3_600;
            long minutes = seconds % 3_600 / 60;
            if (days > 0) {
                return messages.getMessage("task.clock.days", new Object[] {Long.toString(days)}, locale) + " " + hours
                        + ":" + two(minutes);
            }
            return hours + ":" + two(minutes) + ":" + two(seconds % 60);
        }

        private static String two(long value) {
            return value < 10 ? "0" + value : Long.toString(value);
        }
    }

    /** What the last action did, shown once after the redirect: a message key. */
    public record Notice(String key, boolean error) implements Serializable {}

    /**
     * One form as typed: values by field name, the checked boxes, and the problem of each wrong field
     * (the service's words; the page shows its own text for the fields it knows).
     */
    public record Form(String name, Map<String, String> values, Set<String> checked, Map<String, String> errors)
            implements FormFields {

        static Form blank(String name) {
            return new Form(name, Map.of(), Set.of(), Map.of());
        }

        public boolean checked(String item) {
            return checked.contains(item);
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        Form failing(String field, String problem) {
            var all = new LinkedHashMap<>(errors);
            all.put(field, problem);
            return new Form(name, values, checked, all);
        }
    }

    /** The forms of a task page: blank, except the one that just failed. */
    public record Forms(Form failed) {

        static Forms none() {
            return new Forms(null);
        }

        public Form get(String name) {
            return failed != null && failed.name().equals(name) ? failed : Form.blank(name);
        }

        public boolean failed(String name) {
            return failed != null && failed.name().equals(name);
        }
    }

    Clocks clocks(Locale locale) {
        return new Clocks(clock.instant(), zone, messages, locale);
    }

    /** Roles whose scope holds people, and anyone who is a staff member (their own tasks). */
    static boolean seesTasks(Caller caller) {
        return caller.scope().seesPeople() || caller.staffId() != null;
    }

    static boolean isCenter(Caller caller) {
        return caller.role() == Role.CITY_CENTER || caller.role() == Role.DISTRICT_CENTER;
    }

    static boolean teamsOnly(Caller caller) {
        return caller.role() == Role.GRID_WORKER || caller.role() == Role.TOWNSHIP_HEAD;
    }

    /** The form's fields as typed; the ticked checklist items come as {@code item} values. */
    static Form form(String name, MultiValueMap<String, String> fields) {
        var values = new LinkedHashMap<String, String>();
        fields.forEach((field, list) -> {
            if (!field.equals("_csrf") && !field.equals("item") && !list.isEmpty()) {
                values.put(field, list.get(0) == null ? "" : list.get(0));
            }
        });
        var checked = new LinkedHashSet<>(fields.getOrDefault("item", List.of()));
        return new Form(name, values, checked, Map.of());
    }

    static <E extends Enum<E>> E constant(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Optional<UUID> uuid(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
