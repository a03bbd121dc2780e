package io.purseguard.casework;

import io.purseguard.identity.Masking;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one normaliser of contact channels and suspect identifiers: what the narrative analysis, the
 * case forms, the Excel import and (later) linkage all use, so that one phone or card written five
 * ways is one key. Also masks an identifier for people who may not see it whole, and names a card's
 * bank from its BIN where known.
 */
public final class Identifiers {

    /** Issuer identification numbers of the banks met most in the cases (a few; unknown ones stay unnamed). */
    private static final Map<String, String> BINS = Map.ofEntries(
            Map.entry("622202", "中国工商银行"),
            Map.entry("622208", "中国工商银行"),
            Map.entry("621226", "中国工商银行"),
            Map.entry("622848", "中国农业银行"),
            Map.entry("622845", "中国农业银行"),
            Map.entry("621700", "中国建设银行"),
            Map.entry("622700", "中国建设银行"),
            Map.entry("436742", "中国建设银行"),
            Map.entry("621661", "中国银行"),
            Map.entry("621785", "中国银行"),
            Map.entry("456351", "中国银行"),
            Map.entry("622260", "交通银行"),
            Map.entry("622262", "交通银行"),
            Map.entry("622588", "招商银行"),
            Map.entry("621483", "招商银行"),
            Map.entry("621799", "中国邮政储蓄银行"),
            Map.entry("622188", "中国邮政储蓄银行"),
            Map.entry("622150", "中国邮政储蓄银行"),
            Map.entry("622908", "兴业银行"),
            Map.entry("622909", "兴业银行"),
            Map.entry("622689", "中信银行"),
            Map.entry("622521", "浦发银行"),
            Map.entry("622615", "中国民生银行"),
            Map.entry("622155", "平安银行"),
            Map.entry("622630", "华夏银行"),
            Map.entry("622666", "中国光大银行"),
            Map.entry("623059", "农村商业银行"));

    private Identifiers() {}

    /**
     * The identifier's key: digits only for numbers (a mobile without +86 or a leading 0), lower case
     * for chat ids and e-mail, host (without {@code www.}) and path for URLs, the bare name for apps.
     *
     * @return empty when the text cannot be an identifier of that kind
     */
    public static Optional<String> normalize(IdentifierKind kind, String raw) {
        if (kind == null || raw == null) {
            return Optional.empty();
        }
        var text = Widths.fold(raw).strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return switch (kind) {
            case PHONE -> phone(text);
            case BANK_CARD -> digits(text).filter(d -> d.length() >= 15 && d.length() <= 19 && luhn(d));
            case ACCOUNT -> digits(text).filter(d -> d.length() >= 8 && d.length() <= 30);
            case IMEI -> digits(text).filter(d -> d.length() == 15 && luhn(d));
            case QQ -> digits(text).filter(d -> d.length() >= 5 && d.length() <= 11 && d.charAt(0) != '0');
            case WECHAT ->
                text.matches("[A-Za-z0-9][-_A-Za-z0-9]{4,19}")
                        ? Optional.of(text.toLowerCase(Locale.ROOT))
                        : Optional.empty();
            case ALIPAY -> alipay(text);
            case URL -> url(text);
            case APP -> app(text);
        };
    }

    /** The bank a card's BIN names, when it is one this table knows. */
    public static Optional<String> bankOf(String cardDigits) {
        if (cardDigits == null || cardDigits.length() < 6) {
            return Optional.empty();
        }
        return Optional.ofNullable(BINS.get(cardDigits.substring(0, 6)));
    }

    /** How a normalised identifier is shown to someone who may not see it whole. */
    public static String mask(IdentifierKind kind, String normalized) {
        if (normalized == null || !kind.personal()) {
            return normalized;
        }
        return switch (kind) {
            case PHONE -> normalized.length() == 11 ? Masking.phone(normalized) : keepEnds(normalized, 3, 2);
            case BANK_CARD, ACCOUNT -> Masking.bankAccount(normalized);
            case ALIPAY ->
                normalized.contains("@")
                        ? keepEnds(normalized.substring(0, normalized.indexOf('@')), 1, 0)
                                + normalized.substring(normalized.indexOf('@'))
                        : Masking.phone(normalized);
            default -> keepEnds(normalized, 2, 2);
        };
    }

    /** The Luhn check digit test every bank card and IMEI passes. */
    public static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (twice) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static Optional<String> digits(String text) {
        var d = text.replaceAll("[\\s\\-]", "");
        return d.matches("\\d+") ? Optional.of(d) : Optional.empty();
    }

    private static Optional<String> phone(String text) {
        var d = text.replaceAll("[\\s\\-()（）]", "");
        if (d.startsWith("+")) {
            d = d.substring(1);
        }
        if (!d.matches("\\d+")) {
            return Optional.empty();
        }
        if (d.length() == 13 && d.startsWith("86") && d.charAt(2) == '1') {
            d = d.substring(2);
        } else if (d.length() == 12 && d.startsWith("01")) {
            d = d.substring(1);
        }
        if (d.matches("1[3-9]\\d{9}")) {
            return Optional.of(d);
        }
        // landlines with their area code, and the 400/800 service numbers fraudsters like
        if (d.matches("0[1-9]\\d{8,10}") || d.matches("[48]00\\d{7}")) {
            return Optional.of(d);
        }
        return Optional.empty();
    }

    private static Optional<String> alipay(String text) {
        var t = text.toLowerCase(Locale.ROOT);
        if (t.matches("[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}")) {
            return Optional.of(t);
        }
        return phone(t).filter(p -> p.length() == 11);
    }

    private static Optional<String> url(String text) {
        var t = text.toLowerCase(Locale.ROOT).replaceAll("[\\s]", "");
        t = t.replaceFirst("^[a-z][a-z0-9+.-]*://", "");
        t = t.replaceFirst("^www\\.", "");
        int slash = t.indexOf('/');
        var host = slash < 0 ? t : t.substring(0, slash);
        var path = slash < 0 ? "" : t.substring(slash);
        host = host.replaceFirst(":(80|443)$", "");
        if (!host.matches("[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}(:\\d+)?")
                && !host.matches("\\d{1,3}(\\.\\d{1,3}){3}(:\\d+)?")) {
            return Optional.empty();
        }
        path = path.replaceAll("[/?#]+$", "");
        return Optional.of(host + path);
    }

    private static Optional<String> app(String text) {
        var t = text.replaceAll("^[「“\"《『]+|[」”\"》』]+$", "")
                .replaceFirst("(?i)\\s*(app|软件|平台)$", "")
                .strip();
        return t.isEmpty() || t.length() > 30 ? Optional.empty() : Optional.of(t);
    }

    private static String keepEnds(String value, int head, int tail) {
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head)
                + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }
}
