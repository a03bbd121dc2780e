package io.purseguard.warning;

/** One failing field of a clue, named as in the intake contract (e.g. {@code person.idNumber}). */
public record FieldError(String field, String message) {}
