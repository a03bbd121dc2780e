package io.purseguard.casework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds sums of money in a narrative, in Arabic ({@code 12.6万元}, {@code 8.6万}, {@code ¥3,200}) or
 * Chinese numerals ({@code 三万五千元}, {@code 两千块}), and picks the loss it states: a total where the
 * text gives one ("共计", "累计", "损失"), else the sum of the amounts moved ("转账", "汇款", "充值").
 * A bare number is not money: it needs a currency sign, 万/千, or 元/块 to count.
 */
final class AmountExtractor {

    private static final Pattern ARABIC = Pattern.compile(
            "(¥|￥|人民币)?\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d{1,2}))?\\s*(万|千|百)?\\s*(余元|多元|元|块钱|块)?");
    private static final Pattern CHINESE = Pattern.compile("[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+(余元|多元|元|块钱|块)?");
    private static final Pattern TOTAL_WORDS = Pattern.compile("共计|总计|累计|合计|一共|共被骗|损失|总共|共$|共转");
    private static final Pattern MOVE_WORDS = Pattern.compile("转账|转了|转入|汇款|汇了|充值|付款|支付|打款|缴纳|交了|垫付|入金|借款|转给|被骗");

    private AmountExtractor() {}

    static List<FoundAmount> extract(String original, List<FoundIdentifier> identifiers) {
        var text = Widths.fold(original);
        var taken = new java.util.BitSet(text.length());
        identifiers.forEach(i -> taken.set(i.start(), i.end()));
        var found = new ArrayList<FoundAmount>();
        var m = ARABIC.matcher(text);
        while (m.find()) {
            boolean money = m.group(1) != null || m.group(4) != null && !"百".equals(m.group(4)) || m.group(5) != null;
            if (!money || overlaps(taken, m.start(2), m.end())) {
                continue;
            }
            // a digit glued before the match belongs to something else (an account, a date)
            if (m.start(2) > 0 && Character.isDigit(text.charAt(m.start(2) - 1))) {
                continue;
            }
            var number = new BigDecimal(m.group(2).replace(",", "") + (m.group(3) == null ? "" : "." + m.group(3)));
            number = number.multiply(multiplier(m.group(4)));
            int start = m.group(1) != null ? m.start(1) : m.start(2);
            found.add(new FoundAmount(
                    original.substring(start, m.end()).strip(), yuan(number), start, trimEnd(text, m.end())));
            taken.set(start, m.end());
        }
        var c = CHINESE.matcher(text);
        while (c.find()) {
            var numeral = c.group().replaceAll("(余元|多元|元|块钱|块)$", "");
            boolean money = c.group(1) != null || numeral.endsWith("万") && numeral.length() > 1;
            // "千万不要…" is advice, not money: a numeral has a digit, or starts with 十
            boolean numeric = numeral.matches(".*[零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖].*") || numeral.startsWith("十");
            if (!money || !numeric || overlaps(taken, c.start(), c.end())) {
                continue;
            }
            var value = ChineseNumerals.parse(numeral);
            if (value == null || value.signum() <= 0 || numeral.length() == 1 && value.intValue() < 10) {
                continue;
            }
            found.add(new FoundAmount(original.substring(c.start(), c.end()), yuan(value), c.start(), c.end()));
        }
        found.sort(java.util.Comparator.comparingInt(FoundAmount::start));
        return found;
    }

    /** The loss the narrative states: its largest total, else the sum of the money it says moved. */
    static BigDecimal loss(String original, List<FoundAmount> amounts) {
        var text = Widths.fold(original);
        BigDecimal total = null;
        BigDecimal moved = BigDecimal.ZERO;
        for (var a : amounts) {
            var before = text.substring(Math.max(0, a.start() - 10), a.start());
            if (TOTAL_WORDS.matcher(before).find()) {
                total = total == null || a.amount().compareTo(total) > 0 ? a.amount() : total;
            } else if (MOVE_WORDS.matcher(before).find()) {
                moved = moved.add(a.amount());
            }
        }
        if (total != null) {
            return total;
        }
        return moved.signum() > 0 ? moved : null;
    }

    private static BigDecimal multiplier(String unit) {
        if (unit == null) {
            return BigDecimal.ONE;
        }
        return switch (unit) {
            case "万" -> BigDecimal.valueOf(10_000);
            case "千" -> BigDecimal.valueOf(1_000);
            default -> BigDecimal.valueOf(100);
        };
    }

    private static BigDecimal yuan(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static int trimEnd(String text, int end) {
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static boolean overlaps(java.util.BitSet taken, int start, int end) {
        int next = taken.nextSetBit(start);
        return next >= 0 && next < end;
    }
}
