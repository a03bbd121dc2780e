package io.purseguard.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClueValidationTest {

    static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    final ClueValidation validation = new ClueValidation(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_complete_fund_clue_is_valid_and_normalised() {
        var draft = Clues.fund("N-1", "11010519491231002x", "+86 138-1234-5678", "52000.5", NOW);
        var result = validation.validate(draft);
        assertThat(result.errors()).isEmpty();
        var clue = result.clue();
        assertThat(clue.person().idNumber()).isEqualTo("11010519491231002X");
        assertThat(clue.person().phone()).isEqualTo("13812345678");
        assertThat(clue.amount()).hasToString("52000.50");
        assertThat(clue.kind()).isEqualTo(ClueKind.FUND);
        assertThat(clue.suspect().account().number()).isEqualTo("6222020200112233446");
    }

    @Test
    void every_failing_field_is_named() {
        var draft = new ClueDraft(
                "x".repeat(65),
                "MARS",
                "FUND",
                "yesterday",
                new ClueDraft.Person(
                        null,
                        "110105194912310021",
                        "12345",
                        null,
                        new ClueDraft.Account("b", "6222020200112233445", null)),
                null,
                "-1",
                null,
                "PONZI",
                null);
        var fields = validation.validate(draft).errors().stream()
                .map(FieldError::field)
                .toList();
        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "clueId",
                        "source",
                        "pushedAt",
                        "person.name",
                        "person.idNumber",
                        "person.phone",
                        "person.account.number",
                        "amount",
                        "transactedAt",
                        "fraudTypeHint");
    }

    @Test
    void an_id_number_or_a_phone_is_required() {
        var draft = Clues.contact("C-1", "CALL", "王五", null, null, "某地", NOW);
        assertThat(validation.validate(draft).errors())
                .extracting(FieldError::field)
                .containsExactly("person.idNumber");
    }

    @Test
    void amounts_have_at_most_two_decimals_and_fund_clues_need_one() {
        assertThat(validation
                        .validate(Clues.fund("A", null, "13812345678", "10.005", NOW))
                        .errors())
                .extracting(FieldError::message)
                .containsExactly("must have at most 2 decimals (yuan and fen)");
        assertThat(validation
                        .validate(Clues.fund("A", null, "13812345678", null, NOW))
                        .errors())
                .extracting(FieldError::field)
                .containsExactly("amount");
        assertThat(validation
                        .validate(Clues.fund("A", null, "13812345678", "0", NOW))
                        .valid())
                .isTrue();
    }

    @Test
    void times_in_the_future_beyond_the_clock_skew_are_refused() {
        var draft = Clues.contact("F", "SMS", "赵六", null, "13812345678", null, NOW.plusSeconds(3600));
        assertThat(validation.validate(draft).errors())
                .extracting(FieldError::field)
                .containsExactly("pushedAt");
        var withinSkew = Clues.contact("F", "SMS", "赵六", null, "13812345678", null, NOW.plusSeconds(120));
        assertThat(validation.validate(withinSkew).valid()).isTrue();
    }

    @Test
    void card_numbers_carry_a_luhn_digit_and_other_accounts_only_a_length() {
        assertThat(BankAccounts.problem("6222020200112233446")).isEmpty();
        assertThat(BankAccounts.problem("6222020200112233445")).contains("card number fails the Luhn check");
        assertThat(BankAccounts.problem("32001881700052501234")).isEmpty(); // a 20-digit corporate account
        assertThat(BankAccounts.problem("1234567")).contains("must be 8 to 30 digits");
        assertThat(BankAccounts.problem("6222 0202 abc")).contains("must be digits");
    }

    @Test
    void mainland_mobile_numbers_are_recognised_and_landlines_are_not() {
        assertThat(MobileNumbers.normalise("13912345678")).contains("13912345678");
        assertThat(MobileNumbers.normalise("+86 199 1234 5678")).contains("19912345678");
        assertThat(MobileNumbers.normalise("02584001234")).isEmpty();
        assertThat(MobileNumbers.normalise("1391234567")).isEmpty();
        assertThat(MobileNumbers.region("13912345678")).isPresent();
    }
}
