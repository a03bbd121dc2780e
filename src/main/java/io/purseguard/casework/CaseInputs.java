package io.purseguard.casework;

import io.purseguard.platform.Text;
import io.purseguard.residents.IdNumber;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** The checks on what people type into a case, each refusal naming its field. */
final class CaseInputs {

    private CaseInputs() {}

    static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var text = value.strip();
        if (text.length() > max) {
            throw new CaseRefused(field, "at most " + max + " characters");
        }
        if (Text.hasControlCharacters(text)) {
            throw new CaseRefused(field, Text.CONTROL_CHARACTERS);
        }
        return text;
    }

    static String required(String value, String field, int max) {
        var text = text(value, field, max);
        if (text == null) {
            throw new CaseRefused(field, "is required");
        }
        return text;
    }

    static String idNumber(String value, String field) {
        var text = text(value, field, 18);
        if (text == null) {
            return null;
        }
        var upper = text.toUpperCase(java.util.Locale.ROOT);
        IdNumber.problem(upper).ifPresent(problem -> {
            throw new CaseRefused(field, problem);
        });
        return upper;
    }

    static String phone(String value, String field) {
        var text = text(value, field, 32);
        if (text == null) {
            return null;
        }
        return Identifiers.normalize(IdentifierKind.PHONE, text)
                .orElseThrow(() -> new CaseRefused(field, "is not a mainland mobile or landline number"));
    }

    static BigDecimal money(BigDecimal value, String field, boolean positive) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0 || positive && value.signum() == 0) {
            throw new CaseRefused(field, positive ? "must be > 0" : "must be ≥ 0");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new CaseRefused(field, "must have at most 2 decimals");
        }
        if (value.compareTo(new BigDecimal("999999999999.99")) > 0) {
            throw new CaseRefused(field, "is too large");
        }
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    /** The identifiers given, normalised and de-duplicated, or refused naming the bad one. */
    static List<NewCase.Identifier> identifiers(List<CaseInput.IdentifierInput> given) {
        var out = new LinkedHashMap<String, NewCase.Identifier>();
        for (int i = 0; i < given.size(); i++) {
            var input = given.get(i);
            var field = "identifiers[" + i + "]";
            if (input == null || input.kind() == null) {
                throw new CaseRefused(field + ".kind", "is required");
            }
            var value = required(input.value(), field + ".value", Text.LINE);
            var key = Identifiers.normalize(input.kind(), value)
                    .orElseThrow(() -> new CaseRefused(field + ".value", "is not a valid " + input.kind()));
            var bank = input.kind() == IdentifierKind.BANK_CARD
                    ? Identifiers.bankOf(key).orElse(null)
                    : null;
            out.putIfAbsent(input.kind() + ":" + key, new NewCase.Identifier(input.kind(), key, value, bank));
        }
        return new ArrayList<>(out.values());
    }

    /** What the analysis found, de-duplicated by kind and key. */
    static List<NewCase.Identifier> found(List<FoundIdentifier> found) {
        var out = new LinkedHashMap<String, NewCase.Identifier>();
        for (var f : found) {
            out.putIfAbsent(
                    f.kind() + ":" + f.normalized(),
                    new NewCase.Identifier(f.kind(), f.normalized(), f.value(), f.bank()));
        }
        return new ArrayList<>(out.values());
    }

    /** The receiving account of a transfer as an identifier: a card when it passes Luhn, else an account. */
    static NewCase.Identifier receiving(String account, String bank) {
        var card = Identifiers.normalize(IdentifierKind.BANK_CARD, account);
        if (card.isPresent()) {
            return new NewCase.Identifier(
                    IdentifierKind.BANK_CARD,
                    card.get(),
                    account,
                    bank != null ? bank : Identifiers.bankOf(card.get()).orElse(null));
        }
        return Identifiers.normalize(IdentifierKind.ACCOUNT, account)
                .map(key -> new NewCase.Identifier(IdentifierKind.ACCOUNT, key, account, bank))
                .orElse(null);
    }
}
