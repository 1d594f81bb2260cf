package dev.crumb.internal.form;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Payment card numbers")
class CardNumbersTest {

    @ParameterizedTest(name = "\"{0}\" looks like a card number")
    @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "5500 0000 0000 0004",
            "378282246310005", "6011111111111117", "4222222222222", "6304000000000000000"})
    void cards(String value) {
        assertThat(CardNumbers.looksLikeCardNumber(value)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" does not")
    @ValueSource(strings = {"4111111111111112", "123456789012", "12345678901234567890", "4111x1111111111111",
            "+49 30 1234567", "SN-2026-00042", "", "Ada Lovelace"})
    void notCards(String value) {
        assertThat(CardNumbers.looksLikeCardNumber(value)).isFalse();
    }
}
