package org.budgetledger.contracts.money;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void parses_yuan_with_up_to_two_decimals_into_exact_fen() {
        assertThat(Money.parseYuan("79059500.00").fen()).isEqualTo(7_905_950_000L);
        assertThat(Money.parseYuan("12.5").fen()).isEqualTo(1250);
        assertThat(Money.parseYuan("0.01").fen()).isEqualTo(1);
        assertThat(Money.parseYuan("-3").fen()).isEqualTo(-300);
        assertThat(Money.parseYuan("999999999999999.99").fen()).isEqualTo(99_999_999_999_999_999L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1.234", "1e3", "1E3", "NaN", "Infinity", "+5", "1,000", ".5", "5.",
            "1000000000000000", "0x10", "١٢", "--1", "1.2.3", " 1"})
    void refuses_anything_but_a_plain_decimal_with_at_most_two_decimals(String text) {
        assertThatThrownBy(() -> Money.parseYuan(text)).isInstanceOf(InvalidAmountException.class);
    }

    @Test
    void writes_two_decimals_in_yuan_and_rounds_wanyuan_half_up_per_cell() {
        assertThat(Money.ofFen(1250).toYuanString()).isEqualTo("12.50");
        assertThat(Money.ofFen(-1).toYuanString()).isEqualTo("-0.01");
        assertThat(Money.parseYuan("79059500.00").toWanyuanString()).isEqualTo("7905.95");
        assertThat(Money.parseYuan("50.00").toWanyuanString()).isEqualTo("0.01");
        assertThat(Money.parseYuan("49.99").toWanyuanString()).isEqualTo("0.00");
    }

    @Test
    void arithmetic_is_exact_and_refuses_to_overflow() {
        assertThat(Money.parseYuan("0.10").plus(Money.parseYuan("0.20"))).isEqualTo(Money.parseYuan("0.3"));
        assertThatThrownBy(() -> Money.ofFen(Long.MAX_VALUE).plus(Money.ofFen(1)))
                .isInstanceOf(ArithmeticException.class);
    }
}
