package io.purseguard.residents;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A mainland resident identity number (公民身份号码) per GB 11643-1999: a 6-digit region code,
 * birth date {@code yyyyMMdd}, a 3-digit sequence whose parity gives the gender (odd: male), and an
 * ISO 7064 MOD 11-2 check character ({@code 0-9} or {@code X}).
 */
public record IdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    public IdNumber {
        var problem = problem(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /** Accepts surrounding spaces and a lower-case {@code x}. */
    public static Optional<IdNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var normalized = text.strip().toUpperCase(java.util.Locale.ROOT);
        return problem(normalized).isEmpty() ? Optional.of(new IdNumber(normalized)) : Optional.empty();
    }

    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    /** Why {@code text} is not a valid ID number, or empty when it is. */
    public static Optional<String> problem(String text) {
        if (text == null || text.length() != 18) {
            return Optional.of("must be 18 characters");
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(text.charAt(i)) || text.charAt(i) > '9') {
                return Optional.of("the first 17 characters must be digits");
            }
        }
        if (birthDateOf(text).isEmpty()) {
            return Optional.of("characters 7-14 are not a valid birth date");
        }
        if (text.charAt(17) != checkCharacter(text.substring(0, 17))) {
            return Optional.of("check character does not match (GB 11643)");
        }
        return Optional.empty();
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** Builds a valid number from its parts; {@code sequence} is 0..999 and its parity is the gender. */
    public static IdNumber of(String regionCode, LocalDate birthDate, int sequence) {
        var first17 = regionCode
                + String.format(
                        "%04d%02d%02d", birthDate.getYear(), birthDate.getMonthValue(), birthDate.getDayOfMonth())
                + String.format("%03d", sequence);
        return new IdNumber(first17 + checkCharacter(first17));
    }

    /** The 6-digit administrative region code of the place of first registration. */
    public String regionCode() {
        return value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return birthDateOf(value).orElseThrow();
    }

    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.M : Gender.F;
    }

    private static Optional<LocalDate> birthDateOf(String text) {
        try {
            var date = LocalDate.of(
                    Integer.parseInt(text.substring(6, 10)),
                    Integer.parseInt(text.substring(10, 12)),
                    Integer.parseInt(text.substring(12, 14)));
            return date.getYear() < 1800 ? Optional.empty() : Optional.of(date);
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
