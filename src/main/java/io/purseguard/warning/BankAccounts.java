package io.purseguard.warning;

import java.util.Optional;

/**
 * What a bank account number may look like. Card numbers (16-19 digits issued under the UnionPay,
 * Visa or Mastercard prefixes) carry a Luhn check digit; other account numbers (corporate and
 * passbook accounts, 8-30 digits) have no public check, so only their length is checked.
 */
final class BankAccounts {

    private BankAccounts() {}

    /** Digits only, spaces and dashes removed; null stays null. */
    static String normalise(String number) {
        return number == null ? null : number.replaceAll("[\\s-]", "");
    }

    static Optional<String> problem(String digits) {
        if (!digits.matches("\\d+")) {
            return Optional.of("must be digits");
        }
        if (isCardNumber(digits)) {
            return luhn(digits) ? Optional.empty() : Optional.of("card number fails the Luhn check");
        }
        if (digits.length() < 8 || digits.length() > 30) {
            return Optional.of("must be 8 to 30 digits");
        }
        return Optional.empty();
    }

    static boolean isCardNumber(String digits) {
        int n = digits.length();
        return n >= 16 && n <= 19 && (digits.startsWith("62") || digits.startsWith("4") || digits.startsWith("5"));
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
