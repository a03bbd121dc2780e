package io.purseguard.warning.excel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * How a cell becomes the text a {@link io.purseguard.warning.ClueDraft} carries: numbers in full
 * (never {@code 1.10105E+17}), date cells and typed dates as ISO-8601 with the city's offset.
 */
final class CellText {

    /** Times without an offset are the city's local time. */
    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    /** How a date cell is handed on before it becomes ISO: local, to the second. */
    private static final DateTimeFormatter CELL_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    /** 2026-11-22 09:30:00, 2026/11/22 9:30, 2026-11-22T09:30:00.5 (after 年月日 became dashes). */
    private static final DateTimeFormatter TYPED_DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-M-d")
            .optionalStart()
            .appendPattern("[ ]['T']H:m")
            .optionalStart()
            .appendPattern(":s")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .optionalEnd()
            .optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private static final Pattern EXPONENT = Pattern.compile("[+-]?\\d+(\\.\\d+)?[eE][+-]?\\d+");

    /** What Excel shows: 15 significant digits. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);

    private CellText() {}

    /**
     * A numeric cell's text: a date cell as local {@code 2026-11-22 09:30:00}, any other number in
     * plain digits as Excel keeps it (15 significant digits), whatever its display format: a phone
     * typed as a number stays {@code 13812345678}, an amount shown as {@code ¥1,000.00} is {@code 1000}.
     */
    static final class Formatter extends DataFormatter {

        private final boolean date1904;

        Formatter(boolean date1904) {
            this.date1904 = date1904;
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, date1904);
        }

        @Override
        public String formatRawCellContents(
                double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return CELL_DATE_TIME.format(DateUtil.getLocalDateTime(value, date1904 || use1904Windowing, true));
            }
            return number(value);
        }
    }

    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        var exact = BigDecimal.valueOf(value).round(EXCEL_DIGITS).stripTrailingZeros();
        return (exact.scale() < 0 ? exact.setScale(0) : exact).toPlainString();
    }

    /** A raw cell value written in exponent notation (a sheet without styles) in plain digits. */
    static String plain(String text) {
        // (the cheap test first: this runs for every cell of the sheet)
        if (text != null
                && (text.indexOf('E') > 0 || text.indexOf('e') > 0)
                && EXPONENT.matcher(text.strip()).matches()) {
            return number(Double.parseDouble(text.strip()));
        }
        return text;
    }

    /**
     * A time as the intake wants it, ISO-8601 with an offset; local times are Asia/Shanghai. Empty
     * when the text is no time this reads (the caller reports it).
     */
    static Optional<String> isoTime(String text) {
        var value = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(value).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException e) {
            // not ISO with an offset: try the local forms
        }
        var local = value.replace("年", "-")
                .replace("月", "-")
                .replace("日", " ")
                .replaceFirst("^(\\d{4})[./](\\d{1,2})[./](\\d{1,2})", "$1-$2-$3")
                .replaceAll("\\s+", " ")
                .strip();
        try {
            var parsed = TYPED_DATE_TIME.parseBest(local, LocalDateTime::from, LocalDate::from);
            var dateTime = parsed instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) parsed;
            return Optional.of(
                    dateTime.atZone(LOCAL).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** An amount as typed: ¥, 元 and thousands separators dropped; a number cell is already plain. */
    static String amount(String text) {
        var value = text.strip().replaceAll("^[¥￥]", "").replaceAll("元$", "").replaceAll("[,，\\s]", "");
        return value.isEmpty() ? text.strip() : plain(value);
    }
}
