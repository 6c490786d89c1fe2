package io.switchboard.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumberTest {

    @Test
    void strictParseKeepsE164AndKnowsItsCountry() {
        PhoneNumber number = PhoneNumber.parse("+14155552671");

        assertThat(number.e164()).isEqualTo("+14155552671");
        assertThat(number.digits()).isEqualTo("14155552671");
        assertThat(number.countryCallingCode()).isEqualTo(1);
        assertThat(number.regionCode()).isEqualTo("US");
        assertThat(number.isValid()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "+442071838750, 44, GB",
            "+4930123456, 49, DE",
            "+919876543210, 91, IN",
            "+16135550123, 1, CA"})
    void knowsCountryCallingCodeAndRegion(String e164, int code, String region) {
        PhoneNumber number = PhoneNumber.parse(e164);

        assertThat(number.countryCallingCode()).isEqualTo(code);
        assertThat(number.regionCode()).isEqualTo(region);
    }

    @Test
    void aNumberOutsideTheAssignedRangesStillKnowsItsCountry() {
        PhoneNumber fictional = PhoneNumber.parse("+447700900123"); // Ofcom's range reserved for drama

        assertThat(fictional.isValid()).isFalse();
        assertThat(fictional.regionCode()).isEqualTo("GB");
        assertThat(PhoneNumber.parse("+15005550006").regionCode()).isEqualTo("US");
    }

    @Test
    void lenientParseUsesTheDefaultRegionForNationalFormats() {
        assertThat(PhoneNumber.parseLenient("(415) 555-2671", "US").e164()).isEqualTo("+14155552671");
        assertThat(PhoneNumber.parseLenient("020 7183 8750", "gb").e164()).isEqualTo("+442071838750");
    }

    @Test
    void lenientParseKeepsAnExplicitCountryCodeOverTheDefaultRegion() {
        assertThat(PhoneNumber.parseLenient("+44 20 7183 8750", "US").e164()).isEqualTo("+442071838750");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "4155552671        | starting with '+'",
            "+1415555267a      | '+' then digits only",
            "+1 415 555 2671   | '+' then digits only",
            "+1234567890123456 | 2 to 15 digits",
            "+1                | 2 to 15 digits",
            "+0123456789       | starting with 0",
            "+1415             | too short",
            "+999123456        | unknown country calling code"})
    void strictParseRejectsWithTheInputAndTheReason(String input, String reason) {
        assertThatThrownBy(() -> PhoneNumber.parse(input, "to"))
                .isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("'to'")
                .hasMessageContaining(input)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((SwitchboardException) e).kind()).isEqualTo(FailureKind.INVALID_REQUEST))
                .satisfies(e -> assertThat(((SwitchboardException) e).failure().field()).contains("to"));
    }

    @Test
    void missingInputIsAnInvalidRequestNotANullPointer() {
        assertThatThrownBy(() -> PhoneNumber.parse(null, "to"))
                .isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("'to' is required");
        assertThatThrownBy(() -> PhoneNumber.parseLenient("415", null))
                .isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("default region");
    }

    @Test
    void lenientParseRejectsGarbageAndUnknownRegions() {
        assertThatThrownBy(() -> PhoneNumber.parseLenient("call me", "US"))
                .isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("call me")
                .hasMessageContaining("not a");
        assertThatThrownBy(() -> PhoneNumber.parseLenient("4155552671", "XX"))
                .isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("'XX'");
    }

    @Test
    void equalityIsByE164() {
        assertThat(PhoneNumber.parse("+14155552671"))
                .isEqualTo(PhoneNumber.parseLenient("415-555-2671", "US"))
                .hasSameHashCodeAs(PhoneNumber.parse("+14155552671"))
                .hasToString("+14155552671");
    }
}
