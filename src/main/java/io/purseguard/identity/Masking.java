package io.purseguard.identity;

/**
 * How personal data looks by default (反电信网络诈骗法 Art. 5, 个人信息保护法 Art. 28): enough to
 * recognise a person on a doorstep, not enough to misuse. The full value needs a reveal, which is
 * audited.
 */
public final class Masking {

    private Masking() {}

    /** {@code 320700199001010021} → {@code 3207**********0021}. */
    public static String idNumber(String value) {
        return keep(value, 4, 4);
    }

    /** {@code 13812345678} → {@code 138****5678}. */
    public static String phone(String value) {
        return keep(value, 3, 4);
    }

    /** {@code 6222021234567891234} → {@code 6222***********1234}. */
    public static String bankAccount(String value) {
        return keep(value, 4, 4);
    }

    /**
     * {@code 张小明} → {@code 张*明}, {@code 李明} → {@code 李*}: a team list names people by surname
     * and role, enough to know whom to call on the team, not enough to look them up.
     */
    public static String name(String value) {
        if (value == null || value.isBlank()) {
            return value;
        }
        var text = value.strip();
        int[] points = text.codePoints().toArray();
        if (points.length == 1) {
            return text;
        }
        var masked = new StringBuilder().appendCodePoint(points[0]);
        masked.append("*".repeat(points.length == 2 ? 1 : points.length - 2));
        if (points.length > 2) {
            masked.appendCodePoint(points[points.length - 1]);
        }
        return masked.toString();
    }

    private static String keep(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        var text = value.strip();
        if (text.length() <= head + tail) {
            return "*".repeat(text.length());
        }
        return text.substring(0, head) + "*".repeat(text.length() - head - tail) + text.substring(text.length() - tail);
    }
}
