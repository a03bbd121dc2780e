package io.purseguard.warning;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.purseguard.platform.Text;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * One failing field of a clue, named as in the intake contract (e.g. {@code person.idNumber}).
 *
 * <p>{@code message} is English and part of the machine contract (REST answers, the Kafka rejected
 * topic); {@code code} is its stable key in the message bundles ({@code clue.error.…}), which the
 * pages and the error workbook resolve with {@code args} in the reader's language ({@link
 * #resolvable()}). In JSON a field error is {@code {"field", "message", "code"}}; the arguments stay
 * on the server.
 *
 * @param code the message bundles' key, one of {@link Code}
 * @param args the arguments of the bundle's message, {@code {0}}, {@code {1}} …
 */
public record FieldError(
        String field,
        String message,
        String code,
        @JsonIgnore List<Object> args) {

    public FieldError {
        // an argument may be null (a parser's missing complaint, say): kept, and shown as "null"
        args = args == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
    }

    /** A field error whose English message is {@code code}'s, filled with {@code args}. */
    public static FieldError of(String field, Code code, Object... args) {
        return new FieldError(field, code.english(args), code.key(), Arrays.asList(args));
    }

    /**
     * The message as the bundles say it, for {@code MessageSource.getMessage(resolvable, locale)}; the
     * English message stands in should the bundles lack the code.
     */
    public MessageSourceResolvable resolvable() {
        return new DefaultMessageSourceResolvable(new String[] {code}, args.toArray(), message);
    }

    /**
     * Why an item could not even be read as a clue: the JSON path of the part with the wrong shape
     * (e.g. {@code person} when it is a string), or {@code item} when it is not an object at all.
     */
    public static FieldError unreadable(Exception e) {
        if (e instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            var field = mismatch.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            // the house's JSON guard (platform.TextGuard) refuses a string with a control character
            return Text.CONTROL_CHARACTERS.equals(mismatch.getOriginalMessage())
                    ? of(field, Code.CONTROL_CHARACTERS)
                    : of(field, Code.WRONG_SHAPE);
        }
        return of("item", Code.NOT_A_CLUE);
    }

    /**
     * Every reason a field can be refused for: its key in the message bundles ({@code clue.error.} and
     * the name given here) and its English message, which is the contract's {@code message} and must
     * equal the English bundle's text ({@code {0}}, {@code {1}} … are the arguments, as in {@link
     * MessageFormat}; a Chinese message may use arguments the English one leaves out).
     */
    public enum Code {
        REQUIRED("required", "is required"),
        /** {0}: the most characters allowed (a {@link Text} length). */
        TOO_LONG("tooLong", "must be at most {0} characters"),
        /** NUL or another control character ({@link Text#hasControlCharacters}), in any door. */
        CONTROL_CHARACTERS("control", Text.CONTROL_CHARACTERS),
        /** Every field of a clue is one line. */
        LINE_BREAKS("lineBreaks", "must be a single line"),
        /** {0}: the kind, as in the contract ({@code FUND}); {1}: its label, resolved from the bundles. */
        AMOUNT_REQUIRED("amountRequired", "is required for a {0} clue"),
        NEGATIVE("negative", "must not be negative"),
        /** {0}: the smallest amount, {@code 0.01}. */
        AMOUNT_MIN("amountMin", "must be at least {0} yuan"),
        /** {0}: the largest amount, {@code 10000000000.00}. */
        AMOUNT_MAX("amountMax", "must be at most {0} yuan"),
        DECIMALS("decimals", "must have at most 2 decimals (yuan and fen)"),
        /** {0}: the text given. */
        NOT_A_NUMBER("notANumber", "is not a number: {0}"),
        ID_NUMBER_LENGTH("idNumber.length", "must be 18 characters"),
        ID_NUMBER_DIGITS("idNumber.digits", "the first 17 characters must be digits"),
        ID_NUMBER_BIRTH_DATE("idNumber.birthDate", "characters 7-14 are not a valid birth date"),
        ID_NUMBER_CHECK("idNumber.check", "check character does not match (GB 11643)"),
        ID_NUMBER_OR_PHONE("idNumberOrPhone", "an ID number or a phone is required"),
        MOBILE("mobile", "is not a valid mainland mobile number"),
        SUSPECT_PHONE("suspectPhone", "must be 5 to 20 digits, optionally with a leading +"),
        URL("url", "is not a URL"),
        ACCOUNT_WITHOUT_NUMBER("account.numberRequired", "is required with a bank"),
        ACCOUNT_DIGITS("account.digits", "must be digits"),
        ACCOUNT_LUHN("account.luhn", "card number fails the Luhn check"),
        ACCOUNT_LENGTH("account.length", "must be 8 to 30 digits"),
        FUTURE("future", "is in the future"),
        /** {0}: the earliest date a clue may name, {@code 2000-01-01}. */
        TOO_EARLY("tooEarly", "must not be before {0}"),
        /**
         * The database refused the clue though validation passed it (a check validation lacks); the
         * batch's other clues are taken in. No SQL is shown: the log holds it.
         */
        STORAGE("storage", "could not be stored; the other clues of the batch are not affected"),
        /**
         * A station officer posts only clues found locally; this one was routed elsewhere. {0}: the unit
         * it was routed to.
         */
        OUTSIDE_STATION("outsideStation", "places the person outside the area of your station (routed to {0})"),
        /** Refused for a reason this list does not name (a check that has learnt new words). */
        INVALID("invalid", "is invalid"),
        TIME_FORMAT("timeFormat", "must be ISO-8601 with an offset, e.g. 2026-11-22T09:30:00+08:00"),
        /** {0}: the text given. */
        UNKNOWN_VALUE("unknownValue", "unknown value: {0}"),
        /** An item of a batch, or a Kafka record, with nothing in it. */
        EMPTY("empty", "is empty"),
        WRONG_SHAPE("wrongShape", "has the wrong shape"),
        NOT_A_CLUE("notAClue", "is not a clue object"),
        /** {0}: the JSON parser's complaint. */
        NOT_JSON("notJson", "is not JSON: {0}"),
        /** A spreadsheet's time cell that is no time; {0}: the cell's text. */
        SHEET_TIME("sheetTime", "is not a date and time: {0} (write 2026-11-22 09:30:00, or use a date cell)");

        /** The prefix of every key. */
        public static final String PREFIX = "clue.error.";

        private final String key;
        private final String english;

        Code(String key, String english) {
            this.key = PREFIX + key;
            this.english = english;
        }

        /** The message bundles' key, e.g. {@code clue.error.required}. */
        public String key() {
            return key;
        }

        /**
         * The English message with its arguments, as Spring's message source formats it: verbatim
         * without arguments, else through {@link MessageFormat}.
         */
        public String english(Object... args) {
            if (args.length == 0) {
                return english;
            }
            var plain = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                plain[i] = args[i] instanceof MessageSourceResolvable r ? r.getDefaultMessage() : args[i];
            }
            return new MessageFormat(english, Locale.ENGLISH).format(plain);
        }
    }
}
