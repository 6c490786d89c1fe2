package io.switchboard.adapters.twilio;

import io.switchboard.adapters.http.HttpTimeouts;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwilioConfigTest {

    private static final String SID = "AC" + "0123456789abcdef0123456789abcdef";

    @Test
    void defaultsToTheRealHostsTheDefaultAccountAndNamedTimeouts() {
        TwilioConfig config = TwilioConfig.builder().accountSid(SID).authToken("token").build();

        assertThat(config.account()).isEqualTo(AccountId.parse("twilio"));
        assertThat(config.apiBaseUrl()).hasToString(TwilioConfig.DEFAULT_API_BASE_URL);
        assertThat(config.lookupsBaseUrl()).hasToString(TwilioConfig.DEFAULT_LOOKUPS_BASE_URL);
        assertThat(config.pricingBaseUrl()).hasToString(TwilioConfig.DEFAULT_PRICING_BASE_URL);
        assertThat(config.timeouts()).isEqualTo(HttpTimeouts.DEFAULTS);
        assertThat(config.usesApiKey()).isFalse();
    }

    @Test
    void neverShowsTheTokenOrKeySecret() {
        TwilioConfig byToken = TwilioConfig.of(AccountId.parse("twilio:work"), SID, "tok-VERY-secret");
        TwilioConfig byKey = byToken.toBuilder().apiKey("SK" + "0123456789abcdef0123456789abcdef", "key-VERY-secret")
                .build();

        assertThat(byToken.toString()).doesNotContain("VERY-secret").contains(SID);
        assertThat(byKey.toString()).doesNotContain("VERY-secret").contains("SK0123");
        assertThat(byKey.toBuilder().toString()).doesNotContain("VERY-secret");
        assertThat(byKey.usesApiKey()).isTrue();
        assertThat(byKey.toBuilder().build().username()).startsWith("SK");
    }

    @Test
    void namesTheFieldThatIsWrong() {
        assertInvalid(TwilioConfig.builder().authToken("t"), "accountSid");
        assertInvalid(TwilioConfig.builder().accountSid("AC123").authToken("t"), "accountSid");
        assertInvalid(TwilioConfig.builder().accountSid(SID), "authToken");
        assertInvalid(TwilioConfig.builder().accountSid(SID).apiKey("AK1", "s"), "apiKeySid");
        assertInvalid(TwilioConfig.builder().accountSid(SID).authToken("t").apiBaseUrl("not a url"), "apiBaseUrl");
        assertInvalid(TwilioConfig.builder().accountSid(SID).authToken("t").readTimeout(Duration.ZERO), "readTimeout");
        assertInvalid(TwilioConfig.builder().accountSid(SID).authToken("t").connectTimeout(null), "connectTimeout");
        assertInvalid(TwilioConfig.builder().accountSid(SID).authToken("t").callTimeout(Duration.ofNanos(1)),
                "callTimeout");
        assertInvalid(TwilioConfig.builder().accountSid(SID).authToken("t").account(AccountId.parse("plivo:x")),
                "account");
    }

    @Test
    void timeoutsAreOneValueAndTheSingleSettersStillWork() {
        HttpTimeouts custom = new HttpTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
        TwilioConfig config = TwilioConfig.builder().accountSid(SID).authToken("t").timeouts(custom).build();

        assertThat(config.timeouts()).isEqualTo(custom);
        assertThat(config.toBuilder().readTimeout(Duration.ofSeconds(9)).build().timeouts())
                .isEqualTo(custom.withReadWrite(Duration.ofSeconds(9)));
    }

    @Test
    void keepsABaseUrlPathPrefixAsADirectory() {
        TwilioConfig config = TwilioConfig.builder().accountSid(SID).authToken("t")
                .apiBaseUrl("http://127.0.0.1:8080/twilio").build();
        assertThat(config.apiBaseUrl()).hasToString("http://127.0.0.1:8080/twilio/");
    }

    private static void assertInvalid(TwilioConfig.Builder builder, String field) {
        assertThatThrownBy(builder::build).isInstanceOfSatisfying(SwitchboardException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
            assertThat(e.failure().field()).contains(field);
        });
    }
}
