package io.purseguard.warning;

import io.purseguard.residents.IdNumber;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link ClueDraft} into a {@link Clue}, or names every failing field. One path for every
 * door, so a clue refused by REST is refused by Excel and Kafka with the same words.
 */
@Component
public class ClueValidation {

    /** Upstream clocks drift; a push time this far ahead of ours is still believed. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    static final int MAX_CLUE_ID = 64;

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
            errors.add(new FieldError("clueId", "is required"));
        } else if (clueId.length() > MAX_CLUE_ID) {
            errors.add(new FieldError("clueId", "must be at most " + MAX_CLUE_ID + " characters"));
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
                errors.add(new FieldError("amount", "is required for a " + kind + " clue"));
            }
        } else {
            try {
                amount = new BigDecimal(amountText);
                if (amount.signum() < 0) {
                    errors.add(new FieldError("amount", "must not be negative"));
                } else if (amount.stripTrailingZeros().scale() > 2) {
                    errors.add(new FieldError("amount", "must have at most 2 decimals (yuan and fen)"));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("amount", "is not a number: " + amountText));
            }
        }
        var transactedAt = instant("transactedAt", draft.transactedAt(), money, now, errors);
        var fraudType = enumValue("fraudTypeHint", draft.fraudTypeHint(), FraudType::valueOf, false, errors);
        var upstreamLevel = text(draft.upstreamLevel());
        if (upstreamLevel != null && upstreamLevel.length() > 32) {
            errors.add(new FieldError("upstreamLevel", "must be at most 32 characters"));
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
            errors.add(new FieldError("person", "is required"));
            return null;
        }
        String name = text(draft.name());
        if (name == null) {
            errors.add(new FieldError("person.name", "is required"));
        } else if (name.length() > 64) {
            errors.add(new FieldError("person.name", "must be at most 64 characters"));
        }
        String idNumber = null;
        var idText = text(draft.idNumber());
        if (idText != null) {
            var parsed = IdNumber.parse(idText);
            if (parsed.isEmpty()) {
                errors.add(new FieldError(
                        "person.idNumber",
                        IdNumber.problem(idText.toUpperCase(Locale.ROOT)).orElse("is invalid")));
            } else {
                idNumber = parsed.get().value();
            }
        }
        String phone = null;
        var phoneText = text(draft.phone());
        if (phoneText != null) {
            phone = MobileNumbers.normalise(phoneText).orElse(null);
            if (phone == null) {
                errors.add(new FieldError("person.phone", "is not a valid mainland mobile number"));
            }
        }
        if (idText == null && phoneText == null) {
            errors.add(new FieldError("person.idNumber", "an ID number or a phone is required"));
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
        // a suspect's number may be foreign, a landline or a VoIP relay: digits and + only
        String phone = text(draft.phone());
        if (phone != null) {
            phone = phone.replaceAll("[\\s-]", "");
            if (!phone.matches("\\+?\\d{5,20}")) {
                errors.add(new FieldError("suspect.phone", "must be 5 to 20 digits, optionally with a leading +"));
            }
        }
        String url = text(draft.url());
        if (url != null && (url.length() > 2048 || url.contains(" "))) {
            errors.add(new FieldError("suspect.url", "is not a URL"));
        }
        String app = text(draft.app());
        if (app != null && app.length() > 100) {
            errors.add(new FieldError("suspect.app", "must be at most 100 characters"));
        }
        return new Clue.Suspect(account, phone, url, app);
    }

    private static Clue.Account account(String field, ClueDraft.Account draft, List<FieldError> errors) {
        if (draft == null || text(draft.number()) == null && text(draft.bank()) == null) {
            return null;
        }
        var number = BankAccounts.normalise(text(draft.number()));
        if (number == null) {
            errors.add(new FieldError(field + ".number", "is required with a bank"));
            return null;
        }
        var problem = BankAccounts.problem(number);
        if (problem.isPresent()) {
            errors.add(new FieldError(field + ".number", problem.get()));
            return null;
        }
        return new Clue.Account(text(draft.bank()), number, text(draft.holder()));
    }

    private static Instant instant(String field, String text, boolean required, Instant now, List<FieldError> errors) {
        var value = text(text);
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        try {
            var instant = OffsetDateTime.parse(value).toInstant();
            if (instant.isAfter(now.plus(CLOCK_SKEW))) {
                errors.add(new FieldError(field, "is in the future"));
            }
            return instant;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be ISO-8601 with an offset, e.g. 2026-11-22T09:30:00+08:00"));
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(
            String field, String text, Function<String, E> parse, boolean required, List<FieldError> errors) {
        var value = text(text);
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        try {
            return parse.apply(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "unknown value: " + value));
            return null;
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
