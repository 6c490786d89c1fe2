package io.switchboard.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChecksTest {

    @Test
    void aCredentialOfPrintableAsciiPasses() {
        assertThat(Checks.credential("KEY_01-ab.cd/ef+gh=", "apiKey")).isEqualTo("KEY_01-ab.cd/ef+gh=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret\nX-Injected: 1", "secret with space", "secret\ttab", "sécret", "secret\u0000"})
    void aCredentialThatCannotTravelInAHeaderIsRefusedWithoutShowingIt(String value) {
        assertThatThrownBy(() -> Checks.credential(value, "apiKey"))
                .isInstanceOfSatisfying(SwitchboardException.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(FailureKind.INVALID_REQUEST);
                    assertThat(e.failure().field()).contains("apiKey");
                    assertThat(e.getMessage()).contains("apiKey", "printable ASCII", "the value is not shown")
                            .doesNotContain("secret").doesNotContain("\n");
                });
    }

    @Test
    void aMissingOrBlankCredentialIsNamed() {
        assertThatThrownBy(() -> Checks.credential(null, "authToken")).hasMessageContaining("'authToken' is required");
        assertThatThrownBy(() -> Checks.credential("  ", "authToken")).hasMessageContaining("'authToken' must not be blank");
    }
}
