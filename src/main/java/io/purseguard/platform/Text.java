package io.purseguard.platform;

/**
 * The house's vocabulary for free text: how long each sort of field may be, and which characters no
 * field may hold. PostgreSQL refuses NUL in text, and the other C0 controls are never typed by a
 * person, so every door (JSON, forms, query parameters, Excel, Kafka) refuses them with the field
 * named instead of failing at the database.
 */
public final class Text {

    /** A person's or an account holder's name. */
    public static final int NAME = 64;
    /** A code, a bank's name, an institution, a case reference: one short line. */
    public static final int SHORT = 200;
    /** An address, a location, a URL's worth of text: one line. */
    public static final int LINE = 500;
    /** A note, a reason, minutes of a talk: several lines. */
    public static final int NOTE = 2000;
    /** A narrative in the victim's or officer's words. */
    public static final int NARRATIVE = 20_000;

    /** The English words for a refused character; the bundles' key is {@code text.error.control}. */
    public static final String CONTROL_CHARACTERS = "must not contain control characters";

    private Text() {}

    /**
     * Whether {@code value} holds a character no field may hold: NUL and the other C0 and C1 controls
     * and DEL, except tab, line feed and carriage return (which a multi-line field may hold and a
     * single-line field's own check refuses).
     */
    public static boolean hasControlCharacters(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What is wrong with a free-text field, in English (the API's words), or empty when nothing is:
     * too long, a control character, or (for a single-line field) a line break.
     */
    public static java.util.Optional<String> problem(String value, int max, boolean multiline) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        if (value.length() > max) {
            return java.util.Optional.of("must be at most " + max + " characters");
        }
        if (hasControlCharacters(value)) {
            return java.util.Optional.of(CONTROL_CHARACTERS);
        }
        if (!multiline && hasLineBreaks(value)) {
            return java.util.Optional.of("must be one line");
        }
        return java.util.Optional.empty();
    }

    /** Whether {@code value} spans lines, which a single-line field refuses. */
    public static boolean hasLineBreaks(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
