package io.purseguard.platform;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Money as every door takes it: yuan with at most two decimals (fen), from one fen to a ceiling no
 * real transfer reaches (ten billion yuan), so a typo or a fuzzer's 1e300 is refused with the field
 * named instead of overflowing a column.
 */
public final class Amounts {

    public static final BigDecimal MIN = new BigDecimal("0.01");

    public static final BigDecimal MAX = new BigDecimal("10000000000.00");

    private Amounts() {}

    /** What is wrong with an amount, in English, or empty when it is a valid sum of money. */
    public static Optional<String> problem(BigDecimal amount) {
        if (amount == null) {
            return Optional.empty();
        }
        if (amount.compareTo(MIN) < 0) {
            return Optional.of("must be at least 0.01");
        }
        if (amount.compareTo(MAX) > 0) {
            return Optional.of("must be at most 10,000,000,000.00");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return Optional.of("must have at most 2 decimals (yuan and fen)");
        }
        return Optional.empty();
    }
}
