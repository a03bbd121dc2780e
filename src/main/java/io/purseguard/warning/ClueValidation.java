package io.purseguard.warning;

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

    static final int MAX_CLUE_ID = 64;

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

    public Result validate(ClueDraft draft) {
        var errors = new ArrayList<FieldError>();
        var now = clock.instant();

        String clueId = text(draft.clueId());
        if (clueId == null) {
            errors.add(FieldError.of("clueId", Code.REQUIRED));
        } else if (clueId.length() > MAX_CLUE_ID) {
            errors.add(FieldError.of("clueId", Code.TOO_LONG, MAX_CLUE_ID));
        }
        var source = enumValue("source", draft.source(), ClueSource::valueOf, true, errors);
        var kind = enumValue("kind", draft.kind(), ClueKind::valueOf, true, errors);
        var pushedAt = instant("pushedAt", draft.pushedAt(), true, now, errors);
        var person = person(draft.person(), errors);
        var suspect = suspect(draft.suspect(), errors);

        BigDecimal amount = null;
        var amountText = text(draft.amount());
        boolean money = kind != null && kind.involvesMoney();
        if (amountText == null) {
            if (money) {
                errors.add(FieldError.of(
                        "amount",
                        Code.AMOUNT_REQUIRED,
                        kind.name(),
                        new DefaultMessageSourceResolvable(new String[] {"warning.kind." + kind.name()}, kind.name())));
            }
        } else {
            try {
                amount = new BigDecimal(amountText);
                if (amount.signum() < 0) {
                    errors.add(FieldError.of("amount", Code.NEGATIVE));
                } else if (amount.stripTrailingZeros().scale() > 2) {
                    errors.add(FieldError.of("amount", Code.DECIMALS));
                }
            } catch (NumberFormatException e) {
                errors.add(FieldError.of("amount", Code.NOT_A_NUMBER, amountText));
            }
        }
        var transactedAt = instant("transactedAt", draft.transactedAt(), money, now, errors);
        var fraudType = enumValue("fraudTypeHint", draft.fraudTypeHint(), FraudType::valueOf, false, errors);
        var upstreamLevel = text(draft.upstreamLevel());
        if (upstreamLevel != null && upstreamLevel.length() > 32) {
            errors.add(FieldError.of("upstreamLevel", Code.TOO_LONG, 32));
        }

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

    private Clue.Person person(ClueDraft.Person draft, List<FieldError> errors) {
        if (draft == null) {
            errors.add(FieldError.of("person", Code.REQUIRED));
            return null;
        }
        String name = text(draft.name());
        if (name == null) {
            errors.add(FieldError.of("person.name", Code.REQUIRED));
        } else if (name.length() > 64) {
            errors.add(FieldError.of("person.name", Code.TOO_LONG, 64));
        }
        String idNumber = null;
        var idText = text(draft.idNumber());
        if (idText != null) {
            var parsed = IdNumber.parse(idText);
            if (parsed.isEmpty()) {
                errors.add(idNumberError(idText.toUpperCase(Locale.ROOT)));
            } else {
                idNumber = parsed.get().value();
            }
        }
        String phone = null;
        var phoneText = text(draft.phone());
        if (phoneText != null) {
            phone = MobileNumbers.normalise(phoneText).orElse(null);
            if (phone == null) {
                errors.add(FieldError.of("person.phone", Code.MOBILE));
            }
        }
        if (idText == null && phoneText == null) {
            errors.add(FieldError.of("person.idNumber", Code.ID_NUMBER_OR_PHONE));
        }
        var address = text(draft.address());
        var account = account("person.account", draft.account(), errors);
        return new Clue.Person(name, idNumber, phone, address, account);
    }

    private Clue.Suspect suspect(ClueDraft.Suspect draft, List<FieldError> errors) {
        if (draft == null) {
            return Clue.Suspect.NONE;
        }
        var account = account("suspect.account", draft.account(), errors);
        String phone = text(draft.phone());
        if (phone != null) {
            phone = SEPARATORS.matcher(phone).replaceAll("");
            if (!SUSPECT_PHONE.matcher(phone).matches()) {
                errors.add(FieldError.of("suspect.phone", Code.SUSPECT_PHONE));
            }
        }
        String url = text(draft.url());
        if (url != null && (url.length() > 2048 || url.contains(" "))) {
            errors.add(FieldError.of("suspect.url", Code.URL));
        }
        String app = text(draft.app());
        if (app != null && app.length() > 100) {
            errors.add(FieldError.of("suspect.app", Code.TOO_LONG, 100));
        }
        return new Clue.Suspect(account, phone, url, app);
    }

    private static Clue.Account account(String field, ClueDraft.Account draft, List<FieldError> errors) {
        if (draft == null || text(draft.number()) == null && text(draft.bank()) == null) {
            return null;
        }
        var number = BankAccounts.normalise(text(draft.number()));
        if (number == null) {
            errors.add(FieldError.of(field + ".number", Code.ACCOUNT_WITHOUT_NUMBER));
            return null;
        }
        var problem = BankAccounts.problem(number);
        if (problem.isPresent()) {
            errors.add(coded(field + ".number", problem.get(), ACCOUNT_PROBLEMS));
            return null;
        }
        return new Clue.Account(text(draft.bank()), number, text(draft.holder()));
    }

    private static Instant instant(String field, String text, boolean required, Instant now, List<FieldError> errors) {
        var value = text(text);
        if (value == null) {
            if (required) {
                errors.add(FieldError.of(field, Code.REQUIRED));
            }
            return null;
        }
        try {
            var instant = OffsetDateTime.parse(value).toInstant();
            if (instant.isAfter(now.plus(CLOCK_SKEW))) {
                errors.add(FieldError.of(field, Code.FUTURE));
            }
            return instant;
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, Code.TIME_FORMAT));
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(
            String field, String text, Function<String, E> parse, boolean required, List<FieldError> errors) {
        var value = text(text);
        if (value == null) {
            if (required) {
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
