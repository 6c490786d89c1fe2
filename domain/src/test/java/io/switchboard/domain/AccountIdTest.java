package io.switchboard.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountIdTest {

    @Test
    void parsesVendorAndName() {
        AccountId id = AccountId.parse("twilio:work");

        assertThat(id.vendor()).isEqualTo(Vendor.TWILIO);
        assertThat(id.name()).isEqualTo("work");
        assertThat(id).hasToString("twilio:work");
    }

    @Test
    void aBareVendorNameMeansItsDefaultAccount() {
        assertThat(AccountId.parse("plivo")).isEqualTo(AccountId.of(Vendor.PLIVO, "default"));
    }

    @Test
    void vendorsAreOpenToNewAdapters() {
        AccountId id = AccountId.parse("vonage:eu");

        assertThat(id.vendor()).isEqualTo(new Vendor("vonage"));
        assertThat(id.vendor()).isNotIn(Vendor.TWILIO, Vendor.PLIVO, Vendor.TELNYX);
    }

    @ParameterizedTest
    @ValueSource(strings = {":work", "twilio:", "Twi lio:x", "twilio:a b", "9twilio:x"})
    void rejectsMalformedIdsNamingTheInput(String text) {
        assertThatThrownBy(() -> AccountId.parse(text))
                .isInstanceOf(SwitchboardException.class)
                .satisfies(e -> assertThat(((SwitchboardException) e).kind()).isEqualTo(FailureKind.INVALID_REQUEST));
    }

    @Test
    void ordersByVendorThenName() {
        assertThat(java.util.stream.Stream.of("twilio:b", "plivo:z", "twilio:a").map(AccountId::parse).sorted()
                .map(AccountId::toString)).containsExactly("plivo:z", "twilio:a", "twilio:b");
    }
}
