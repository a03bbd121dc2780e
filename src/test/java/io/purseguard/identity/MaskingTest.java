package io.purseguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void an_id_number_keeps_four_characters_at_each_end() {
        assertThat(Masking.idNumber("320700199001010021")).isEqualTo("3207**********0021");
    }

    @Test
    void a_phone_keeps_the_prefix_and_last_four() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void a_bank_account_keeps_four_at_each_end() {
        assertThat(Masking.bankAccount("6222021234567891234")).isEqualTo("6222***********1234");
    }

    @Test
    void short_values_are_masked_whole_and_null_stays_null() {
        assertThat(Masking.phone("1234")).isEqualTo("****");
        assertThat(Masking.idNumber(null)).isNull();
    }

    @Test
    void a_name_keeps_the_surname_and_for_three_characters_the_last() {
        assertThat(Masking.name("张小明")).isEqualTo("张*明");
        assertThat(Masking.name("李明")).isEqualTo("李*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧**娜");
        assertThat(Masking.name(null)).isNull();
    }
}
