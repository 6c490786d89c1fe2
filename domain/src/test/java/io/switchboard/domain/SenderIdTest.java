package io.switchboard.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SenderIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"A", "Switchboard", "ACME 2024", "9to5Shop"})
    void acceptsOneToElevenLettersDigitsAndSpacesWithALetter(String value) {
        assertThat(SenderId.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Switchboard1 | 1 to 11 characters",
            "12345        | at least one letter",
            "ACME-UK      | only letters, digits and spaces",
            "Café         | only letters, digits and spaces"})
    void rejectsWithTheReason(String value, String reason) {
        assertThatThrownBy(() -> SenderId.of(value))
                .isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("sender ID")
                .hasMessageContaining(reason);
    }

    @org.junit.jupiter.api.Test
    void rejectsEmptyAndMissing() {
        assertThatThrownBy(() -> SenderId.of("")).hasMessageContaining("1 to 11 characters");
        assertThatThrownBy(() -> SenderId.of(null)).isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("is required");
    }
}
