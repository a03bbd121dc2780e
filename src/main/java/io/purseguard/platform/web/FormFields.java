package io.purseguard.platform.web;

import java.util.Map;

/**
 * A form as typed, for a page to show again: each field's text (so a wrong value is shown as it was
 * entered) and, for each wrong field, its message in the reader's language. The pages' form records
 * implement it with their own extras.
 */
public interface FormFields {

    Map<String, String> values();

    Map<String, String> errors();

    default String value(String field) {
        return values().getOrDefault(field, "");
    }

    /** Whether the field holds this value (a chosen option), compared as text. */
    default boolean is(String field, Object value) {
        return value != null && value.toString().equals(values().get(field));
    }

    default boolean invalid(String field) {
        return errors().containsKey(field);
    }

    default String error(String field) {
        return errors().get(field);
    }
}
