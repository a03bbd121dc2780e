package io.purseguard.casework;

import java.math.BigDecimal;

/** {@code 三万五千} → 35000, {@code 十二万} → 120000, {@code 两千零五十} → 2050, {@code 壹佰} → 100. */
final class ChineseNumerals {

    private ChineseNumerals() {}

    /** The value, or null when the text is not a numeral. */
    static BigDecimal parse(String text) {
        long total = 0; // completed 亿 and 万 sections
        long section = 0; // within the current 万 section
        long digit = -1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            int d = digit(ch);
            if (d >= 0) {
                digit = d;
                continue;
            }
            long unit = unit(ch);
            if (unit == 0) {
                return null;
            }
            if (unit == 100_000_000) {
                total = (total + section + Math.max(digit, 0)) * unit;
                section = 0;
            } else if (unit == 10_000) {
                total += (section + Math.max(digit, 0)) * unit;
                section = 0;
            } else {
                section += (digit < 0 ? 1 : digit) * unit;
            }
            digit = -1;
        }
        return BigDecimal.valueOf(total + section + Math.max(digit, 0));
    }

    private static int digit(char ch) {
        return switch (ch) {
            case '零', '〇' -> 0;
            case '一', '壹' -> 1;
            case '二', '两', '贰' -> 2;
            case '三', '叁' -> 3;
            case '四', '肆' -> 4;
            case '五', '伍' -> 5;
            case '六', '陆' -> 6;
            case '七', '柒' -> 7;
            case '八', '捌' -> 8;
            case '九', '玖' -> 9;
            default -> -1;
        };
    }

    private static long unit(char ch) {
        return switch (ch) {
            case '十', '拾' -> 10;
            case '百', '佰' -> 100;
            case '千', '仟' -> 1_000;
            case '万' -> 10_000;
            case '亿' -> 100_000_000;
            default -> 0;
        };
    }
}
