package io.purseguard.casework;

/**
 * An identifier found in a narrative: its kind, the text as written, its normalised key and where it
 * stands in the text ({@code start} inclusive, {@code end} exclusive, in UTF-16 units as JavaScript
 * counts them).
 *
 * @param bank the bank a card's BIN names, or null
 */
public record FoundIdentifier(IdentifierKind kind, String value, String normalized, int start, int end, String bank) {}
