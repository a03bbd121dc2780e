package io.purseguard.warning;

import io.purseguard.platform.Text;
import io.purseguard.residents.IdNumber;
import io.purseguard.warning.FieldError.Code;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link ClueDraft} into a {@link Clue}, or names every failing field. One path for every
 * door, so a clue refused by REST is refused by Excel and Kafka with the same words: each error has
 * its English message and its {@link FieldError.Code code} in the message bundles.
 */
@Component
public class ClueValidation {

    /** Upstream clocks drift; a push time this far ahead of ours is still believed. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** The upstream clue id: a code, at most {@link Text#NAME} characters. */
    static final int MAX_CLUE_ID = Text.NAME;

    /** The smallest amount a clue may name: one fen. */
    public static final BigDecimal MIN_AMOUNT = new BigDecimal("0.01");

    /**
     * The largest amount a clue may name: 10^10 yuan (ten billion), far above any one transfer and
     * well inside the column ({@code numeric(14, 2)}), so no amount can overflow at the database.
     */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000000.00");

    /**
     * The earliest time a clue may name: before the platforms that push clues existed, a time is a
     * typing error (a year 0201 for 2021), not a clue.
     */
    public static final Instant EARLIEST =
            OffsetDateTime.parse("2000-01-01T00:00:00+08:00").toInstant();

    static final String EARLIEST_TEXT = "2000-01-01";

    /** {@link IdNumber#problem}'s words, each with its code. */
    static final Map<String, Code> ID_NUMBER_PROBLEMS =
            byEnglish(Code.ID_NUMBER_LENGTH, Code.ID_NUMBER_DIGITS, Code.ID_NUMBER_BIRTH_DATE, Code.ID_NUMBER_CHECK);

    /** {@link BankAccounts#problem}'s words, each with its code. */
    static final Map<String, Code> ACCOUNT_PROBLEMS =
            byEnglish(Code.ACCOUNT_DIGITS, Code.ACCOUNT_LUHN, Code.ACCOUNT_LENGTH);

    /** A suspect's number may be foreign, a landline or a VoIP relay: digits and + only. */
    private static final Pattern SUSPECT_PHONE = Pattern.compile("\\+?\\d{5,20}");

    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");

    private final Clock clock;

    ClueValidation(Clock clock) {
        this.clock = clock;
    }

    /** The outcome: a clue, or the errors (never both). */
    public record Result(Clue clue, List<FieldError> errors) {

        public boolean valid() {
            return clue != null;
        }
    }

    /**
     * Every field is checked, so every failing one is named: first the house's text rule (no control
     * characters, one line unless the field spans lines, at most its {@link Text} length), then the
     * field's own rule.
     */
    public Result validate(ClueDraft draft) {
        var errors = new ArrayList<FieldError>();
        var now = clock.instant();

        String clueId = line("clueId", draft.clueId(), MAX_CLUE_ID, errors);
        if (clueId == null && text(draft.clueId()) == null) {
            errors.add(FieldError.of("clueId", Code.REQUIRED));
        }
        var source = enumValue("source", draft.source(), ClueSource::valueOf, true, errors);
        var kind = enumValue("kind", draft.kind(), ClueKind::valueOf, true, errors);
        var pushedAt = instant("pushedAt", draft.pushedAt(), true, now, errors);
        var person = person(draft.person(), errors);
        var suspect = suspect(draft.suspect(), errors);

        boolean money = kind != null && kind.involvesMoney();
        var amount = amount(draft.amount(), kind, money, errors);
        var transactedAt = instant("transactedAt", draft.transactedAt(), money, now, errors);
        var fraudType = enumValue("fraudTypeHint", draft.fraudTypeHint(), FraudType::valueOf, false, errors);
        var upstreamLevel = line("upstreamLevel", draft.upstreamLevel(), Text.SHORT, errors);

        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        return new Result(
                new Clue(
                        clueId,
                        source,
                        kind,
                        pushedAt,
                        person,
                        suspect,
                        amount == null ? null : amount.setScale(2),
                        transactedAt,
                        fraudType,
                        upstreamLevel),
                List.of());
    }

    /** From one fen to {@link #MAX_AMOUNT}, in yuan with at most two decimals; required for money kinds. */
    private static BigDecimal amount(String draft, ClueKind kind, boolean money, List<FieldError> errors) {
        var amountText = line("amount", draft, Text.SHORT, errors);
        if (amountText == null) {
            if (text(draft) == null && money) {
                errors.add(FieldError.of(
                        "amount",
                        Code.AMOUNT_REQUIRED,
                        kind.name(),
                        new DefaultMessageSourceResolvable(new String[] {"warning.kind." + kind.name()}, kind.name())));
            }
            return null;
        }
        try {
            var amount = new BigDecimal(amountText);
            if (amount.signum() < 0) {
                errors.add(FieldError.of("amount", Code.NEGATIVE));
            } else if (amount.compareTo(MIN_AMOUNT) < 0) {
                errors.add(FieldError.of("amount", Code.AMOUNT_MIN, MIN_AMOUNT.toPlainString()));
            } else if (amount.compareTo(MAX_AMOUNT) > 0) {
                errors.add(FieldError.of("amount", Code.AMOUNT_MAX, MAX_AMOUNT.toPlainString()));
            } else if (amount.stripTrailingZeros().scale() > 2) {
                errors.add(FieldError.of("amount", Code.DECIMALS));
            } else {
                return amount;
            }
        } catch (NumberFormatException e) {
            errors.add(FieldError.of("amount", Code.NOT_A_NUMBER, amountText));
        }
        return null;
    }

    private Clue.Person person(ClueDraft.Person draft, List<FieldError> errors) {
        if (draft == null) {
            errors.add(FieldError.of("person", Code.REQUIRED));
            return null;
        }
        String name = line("person.name", draft.name(), Text.NAME, errors);
        if (text(draft.name()) == null) {
            errors.add(FieldError.of("person.name", Code.REQUIRED));
        }
        String idNumber = null;
        var idText = line("person.idNumber", draft.idNumber(), Text.NAME, errors);
        if (idText != null) {
            var parsed = IdNumber.parse(idText);
            if (parsed.isEmpty()) {
                errors.add(idNumberError(idText.toUpperCase(Locale.ROOT)));
            } else {
                idNumber = parsed.get().value();
            }
        }
        String phone = null;
        var phoneText = line("person.phone", draft.phone(), Text.NAME, errors);
        if (phoneText != null) {
            phone = MobileNumbers.normalise(phoneText).orElse(null);
            if (phone == null) {
                errors.add(FieldError.of("person.phone", Code.MOBILE));
            }
        }
        if (text(draft.idNumber()) == null && text(draft.phone()) == null) {
            errors.add(FieldError.of("person.idNumber", Code.ID_NUMBER_OR_PHONE));
        }
        var address = line("person.address", draft.address(), Text.LINE, errors);
        var account = account("person.account", draft.account(), errors);
        return new Clue.Person(name, idNumber, phone, address, account);
    }

    private Clue.Suspect suspect(ClueDraft.Suspect draft, List<FieldError> errors) {
        if (draft == null) {
            return Clue.Suspect.NONE;
        }
        var account = account("suspect.account", draft.account(), errors);
        String phone = line("suspect.phone", draft.phone(), Text.NAME, errors);
        if (phone != null) {
            phone = SEPARATORS.matcher(phone).replaceAll("");
            if (!SUSPECT_PHONE.matcher(phone).matches()) {
                errors.add(FieldError.of("suspect.phone", Code.SUSPECT_PHONE));
            }
        }
        String url = line("suspect.url", draft.url(), Text.LINE, errors);
        if (url != null && url.contains(" ")) {
            errors.add(FieldError.of("suspect.url", Code.URL));
        }
        String app = line("suspect.app", draft.app(), Text.SHORT, errors);
        return new Clue.Suspect(account, phone, url, app);
    }

    private static Clue.Account account(String field, ClueDraft.Account draft, List<FieldError> errors) {
        if (draft == null || text(draft.number()) == null && text(draft.bank()) == null) {
            return null;
        }
        int before = errors.size();
        var bank = line(field + ".bank", draft.bank(), Text.SHORT, errors);
        var holder = line(field + ".holder", draft.holder(), Text.NAME, errors);
        var numberText = line(field + ".number", draft.number(), Text.NAME, errors);
        if (errors.size() > before) {
            return null;
        }
        var number = BankAccounts.normalise(numberText);
        if (number == null) {
            errors.add(FieldError.of(field + ".number", Code.ACCOUNT_WITHOUT_NUMBER));
            return null;
        }
        var problem = BankAccounts.problem(number);
        if (problem.isPresent()) {
            errors.add(coded(field + ".number", problem.get(), ACCOUNT_PROBLEMS));
            return null;
        }
        return new Clue.Account(bank, number, holder);
    }

    /**
     * An ISO-8601 time with an offset, from {@link #EARLIEST} to {@link #CLOCK_SKEW} ahead of now. A
     * clue's times are facts upstream reports, so one beyond either end is a mistake to send back.
     */
    private static Instant instant(String field, String text, boolean required, Instant now, List<FieldError> errors) {
        var value = line(field, text, Text.NAME, errors);
        if (value == null) {
            if (required && text(text) == null) {
                errors.add(FieldError.of(field, Code.REQUIRED));
            }
            return null;
        }
        try {
            var instant = OffsetDateTime.parse(value).toInstant();
            if (instant.isAfter(now.plus(CLOCK_SKEW))) {
                errors.add(FieldError.of(field, Code.FUTURE));
            } else if (instant.isBefore(EARLIEST)) {
                errors.add(FieldError.of(field, Code.TOO_EARLY, EARLIEST_TEXT));
            }
            return instant;
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, Code.TIME_FORMAT));
            return null;
        }
    }

    /**
     * The house's rule for a one-line text field ({@link Text}): no control characters, no line breaks,
     * at most {@code max} characters. Answers the stripped text, or null when it is blank or refused (the
     * refusal added to {@code errors}). Every clue field is one line: none is a note.
     */
    static String line(String field, String value, int max, List<FieldError> errors) {
        // on the raw value: strip() would quietly drop the separators (U+001C-U+001F) at the edges
        if (value != null && Text.hasControlCharacters(value)) {
            errors.add(FieldError.of(field, Code.CONTROL_CHARACTERS));
            return null;
        }
        var text = text(value);
        if (text == null) {
            return null;
        }
        if (Text.hasLineBreaks(text)) {
            errors.add(FieldError.of(field, Code.LINE_BREAKS));
            return null;
        }
        if (text.length() > max) {
            errors.add(FieldError.of(field, Code.TOO_LONG, max));
            return null;
        }
        return text;
    }

    private static <E extends Enum<E>> E enumValue(
            String field, String text, Function<String, E> parse, boolean required, List<FieldError> errors) {
        var value = line(field, text, Text.NAME, errors);
        if (value == null) {
            if (required && text(text) == null) {
                errors.add(FieldError.of(field, Code.REQUIRED));
            }
            return null;
        }
        try {
            return parse.apply(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of(field, Code.UNKNOWN_VALUE, value));
            return null;
        }
    }

    private static FieldError idNumberError(String idNumber) {
        return IdNumber.problem(idNumber)
                .map(problem -> coded("person.idNumber", problem, ID_NUMBER_PROBLEMS))
                .orElseGet(() -> FieldError.of("person.idNumber", Code.INVALID));
    }

    /**
     * The error for a problem another class words: its code when known; else its own (English) words,
     * shown in every language, under {@link Code#INVALID}.
     */
    private static FieldError coded(String field, String problem, Map<String, Code> codes) {
        var code = codes.get(problem);
        return code != null
                ? FieldError.of(field, code)
                : new FieldError(field, problem, Code.INVALID.key(), List.of());
    }

    private static Map<String, Code> byEnglish(Code... codes) {
        return Stream.of(codes).collect(Collectors.toUnmodifiableMap(Code::english, c -> c));
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
