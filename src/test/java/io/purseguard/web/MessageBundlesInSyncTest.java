package io.purseguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.identity.Role;
import io.purseguard.identity.SignInLocks;
import io.purseguard.jurisdiction.StaffRole;
import io.purseguard.jurisdiction.TreeShape;
import io.purseguard.residents.Gender;
import io.purseguard.residents.Relation;
import io.purseguard.scope.UnitKind;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Chinese (default) and English bundles say the same things: same keys, nothing empty, every
 * {@code #{key}} in a template exists, and every enum a template labels through a computed key
 * ({@code #{${'role.' + ...}}}) has a label for each constant.
 */
class MessageBundlesInSyncTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path TEMPLATES = RESOURCES.resolve("templates");

    /** A literal message key in a template: {@code #{nav.home}} or {@code #{units.population(...)}}. */
    private static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z][\\w.\\-]*)[}(]");

    /**
     * A computed key: its literal prefix and optional literal suffix, as in {@code #{${'role.' +
     * caller.role()}}} or {@code #{${'units.shape.' + shape + '.hint'}}}.
     */
    private static final Pattern COMPUTED_KEY =
            Pattern.compile("#\\{\\$\\{'([\\w.]+\\.)'\\s*\\+\\s*[^}']*?(?:\\+\\s*'([\\w.]+)'\\s*)?}}");

    /** The constants behind each computed prefix the templates use. */
    private static final Map<String, Set<String>> COMPUTED = Map.of(
            "role.", names(Role.values()),
            "unitKind.", names(UnitKind.values()),
            "staffRole.", names(StaffRole.values()),
            "relation.", names(Relation.values()),
            "gender.", names(Gender.values()),
            "weekday.", names(DayOfWeek.values()),
            "units.shape.", names(TreeShape.values()),
            "admin.locks.kind.", names(SignInLocks.Kind.values()),
            // a unit's parents: every kind but the grid can be one
            "unit.parent.",
                    names(Stream.of(UnitKind.values())
                            .filter(k -> k != UnitKind.GRID)
                            .toArray(UnitKind[]::new)),
            // the home page explains the roles that see no people
            "home.role.",
                    names(Stream.of(Role.values())
                            .filter(r -> r.scopeLevel() == null)
                            .toArray(Role[]::new)));

    private final Properties zh = load("messages.properties");
    private final Properties en = load("messages_en.properties");

    @Test
    void chinese_and_english_have_the_same_keys() {
        var onlyZh = new TreeSet<>(zh.stringPropertyNames());
        onlyZh.removeAll(en.stringPropertyNames());
        var onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(zh.stringPropertyNames());
        assertThat(onlyZh).as("keys only in messages.properties (Chinese)").isEmpty();
        assertThat(onlyEn).as("keys only in messages_en.properties").isEmpty();
    }

    @Test
    void no_message_is_empty() {
        for (var bundle :
                Map.of("messages.properties", zh, "messages_en.properties", en).entrySet()) {
            var empty = bundle.getValue().stringPropertyNames().stream()
                    .filter(k -> bundle.getValue().getProperty(k).isBlank())
                    .sorted()
                    .toList();
            assertThat(empty).as("empty messages in " + bundle.getKey()).isEmpty();
        }
    }

    @Test
    void messages_with_arguments_are_valid_message_formats() {
        var broken = new TreeMap<String, String>();
        for (var bundle : new Properties[] {zh, en}) {
            for (var key : bundle.stringPropertyNames()) {
                var value = bundle.getProperty(key);
                if (!value.matches("(?s).*\\{\\d.*")) {
                    continue; // Spring shows messages without arguments verbatim
                }
                try {
                    new MessageFormat(value);
                } catch (IllegalArgumentException e) {
                    broken.put(key, value + " (" + e.getMessage() + ")");
                }
                if (value.replace("''", "").contains("'")) {
                    broken.put(key, value + " (a single apostrophe would vanish: write '' or ’)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void every_key_a_template_uses_exists() throws IOException {
        var missing = new TreeSet<String>();
        for (var template : templates()) {
            var matcher = STATIC_KEY.matcher(Files.readString(template));
            while (matcher.find()) {
                if (!zh.containsKey(matcher.group(1))) {
                    missing.add(matcher.group(1) + " in " + TEMPLATES.relativize(template));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void every_computed_key_a_template_can_produce_exists() throws IOException {
        var unknownPrefixes = new TreeSet<String>();
        var missing = new TreeSet<String>();
        var unreadable = new TreeSet<String>();
        int computed = 0;
        for (var template : templates()) {
            var text = Files.readString(template);
            var matcher = COMPUTED_KEY.matcher(text);
            int here = 0;
            while (matcher.find()) {
                computed++;
                here++;
                var prefix = matcher.group(1);
                var suffix = matcher.group(2) == null ? "" : matcher.group(2);
                if (!COMPUTED.containsKey(prefix)) {
                    unknownPrefixes.add(prefix + " in " + TEMPLATES.relativize(template));
                    continue;
                }
                for (var constant : COMPUTED.get(prefix)) {
                    if (!zh.containsKey(prefix + constant + suffix)) {
                        missing.add(prefix + constant + suffix + " for " + TEMPLATES.relativize(template));
                    }
                }
            }
            // (a key held whole in a variable, #{${reasonKey}}, comes from a controller: checked below)
            if (here != text.split("#\\{\\$\\{'", -1).length - 1) {
                unreadable.add(TEMPLATES.relativize(template).toString());
            }
        }
        assertThat(unreadable)
                .as(
                        "templates with a computed key not of the form #{${'prefix.' + value}} or #{${'prefix.' + value + '.suffix'}}")
                .isEmpty();
        assertThat(computed)
                .as("computed keys found (the pattern still matches the templates)")
                .isPositive();
        assertThat(unknownPrefixes)
                .as("computed message keys this test does not know the values of: add them to COMPUTED")
                .isEmpty();
        assertThat(missing).isEmpty();
    }

    @Test
    void every_key_the_page_controllers_name_exists() throws IOException {
        var prefixes = new TreeSet<String>();
        zh.stringPropertyNames().forEach(k -> prefixes.add(k.substring(0, k.indexOf('.') + 1)));
        var literal = Pattern.compile("\"([a-z]+\\.[\\w.]+)\"");
        var missing = new TreeSet<String>();
        try (var sources = Files.walk(Path.of("src/main/java/io/purseguard"))) {
            for (var source :
                    sources.filter(p -> p.toString().endsWith("Pages.java")).toList()) {
                var matcher = literal.matcher(Files.readString(source));
                while (matcher.find()) {
                    var text = matcher.group(1);
                    if (prefixes.contains(text.substring(0, text.indexOf('.') + 1)) && !zh.containsKey(text)) {
                        missing.add(text + " in " + source.getFileName());
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(java.util.stream.Collectors.toSet());
    }

    private static java.util.List<Path> templates() throws IOException {
        try (var files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Properties load(String name) {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve("i18n").resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
