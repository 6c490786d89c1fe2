package io.switchboard.adapters.telnyx;

import io.switchboard.adapters.http.HttpTimeouts;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.RateLimit;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.Vendor;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TelnyxConfigTest {

    private static final String KEY = "KEY017B2F2C1_supersecret";

    @Test
    void defaultsToTheRealHostTheDefaultAccountAndNamedTimeouts() {
        TelnyxConfig config = TelnyxConfig.builder().apiKey(KEY).build();
        assertThat(config.account()).isEqualTo(AccountId.parse("telnyx"));
        assertThat(config.baseUrl()).isEqualTo(URI.create("https://api.telnyx.com/v2/"));
        assertThat(config.timeouts()).isEqualTo(HttpTimeouts.DEFAULTS);
        assertThat(config.connectionId()).isEmpty();
        assertThat(config.declaredRateLimit()).isEmpty();
    }

    @Test
    void neverShowsTheKeyInTextAndSurvivesARoundTripThroughItsBuilder() {
        TelnyxConfig config = TelnyxConfig.builder().accountName("work").apiKey(KEY).baseUrl("http://localhost:9/v2")
                .connectionId("123").messagingProfileId("prof").vendorAccountId("user-1")
                .declaredRateLimit(RateLimit.of(10, Duration.ofSeconds(1)))
                .timeouts(new HttpTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3)))
                .build();
        assertThat(config.toString()).doesNotContain(KEY).contains("telnyx:work").contains("****");
        assertThat(config.baseUrl()).hasToString("http://localhost:9/v2/");
        assertThat(config.toBuilder().build()).isEqualTo(config);
        assertThat(TelnyxConnector.create(config, MockTelnyx.SHARED).toString()).doesNotContain(KEY);
    }

    @Test
    void refusesWhatCannotWorkNamingTheField() {
        assertThat(field(() -> TelnyxConfig.builder().build())).isEqualTo("apiKey");
        assertThat(field(() -> TelnyxConfig.builder().apiKey(" ").build())).isEqualTo("apiKey");
        assertThat(field(() -> TelnyxConfig.builder().apiKey(KEY).account(AccountId.of(Vendor.TWILIO, "x")).build()))
                .isEqualTo("account");
        assertThat(field(() -> TelnyxConfig.builder().apiKey(KEY).baseUrl("ftp://api.telnyx.com").build()))
                .isEqualTo("baseUrl");
        assertThat(field(() -> TelnyxConfig.builder().apiKey(KEY).readTimeout(Duration.ZERO).build()))
                .isEqualTo("readTimeout");
        assertThat(field(() -> TelnyxConfig.builder().apiKey(KEY).callTimeout(null).build())).isEqualTo("callTimeout");
        assertThat(field(() -> TelnyxConfig.builder().apiKey(KEY).connectTimeout(Duration.ofDays(-1)).build()))
                .isEqualTo("connectTimeout");
    }

    private static String field(Runnable build) {
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class, build::run);
        assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        return e.failure().field().orElseThrow();
    }
}
