package io.purseguard.warning;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import java.util.Locale;
import java.util.Optional;

/** Mainland mobile numbers, by libphonenumber's metadata: validation and the prefix's home region. */
final class MobileNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final PhoneNumberOfflineGeocoder GEOCODER = PhoneNumberOfflineGeocoder.getInstance();

    private MobileNumbers() {}

    /** The 11 national digits of a valid mainland mobile number (a +86 prefix and separators allowed). */
    static Optional<String> normalise(String text) {
        return parse(text).map(n -> Long.toString(n.getNationalNumber()));
    }

    /** Where the number's prefix was issued, e.g. {@code 江苏省南京市}; empty when unknown. */
    static Optional<String> region(String mobile) {
        return parse(mobile)
                .map(n -> GEOCODER.getDescriptionForNumber(n, Locale.SIMPLIFIED_CHINESE))
                .filter(s -> !s.isBlank());
    }

    private static Optional<PhoneNumber> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        var stripped = text.strip();
        try {
            var number = plainDigits(stripped);
            if (number == null) {
                number = UTIL.parse(stripped, "CN");
            }
            // the type is UNKNOWN for an invalid number, so one metadata match answers both questions
            boolean mobile = number.getCountryCode() == 86
                    && UTIL.getNumberType(number) == PhoneNumberUtil.PhoneNumberType.MOBILE;
            return mobile ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The common shapes, eleven digits with or without {@code +86}, read without libphonenumber's
     * general parser (two thirds of a validation's cost, and intake validates every number); any
     * other shape is left to the parser. The metadata still decides whether the number is a mobile.
     */
    private static PhoneNumber plainDigits(String text) {
        int start = text.startsWith("+86") ? 3 : 0;
        if (text.length() - start != 11 || text.charAt(start) != '1') {
            return null;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return new PhoneNumber().setCountryCode(86).setNationalNumber(Long.parseLong(text, start, text.length(), 10));
    }
}
