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
        try {
            var number = UTIL.parse(text.strip(), "CN");
            // the type is UNKNOWN for an invalid number, so one metadata match answers both questions
            boolean mobile = number.getCountryCode() == 86
                    && UTIL.getNumberType(number) == PhoneNumberUtil.PhoneNumberType.MOBILE;
            return mobile ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
