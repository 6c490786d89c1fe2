package io.switchboard.adapters.plivo;

import io.switchboard.adapters.http.HttpTimeouts;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.RateLimit;
import io.switchboard.domain.SwitchboardException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlivoConfigTest {

    private static PlivoConfig.Builder valid() {
        return PlivoConfig.builder().authId("MAXXXXXXXXXXXXXXXXXX").authToken("very-secret-token");
    }

    @Test
    void defaultsToPlivosHostTheDefaultAccountAndBoundedTimeouts() {
        PlivoConfig config = valid().build();
        assertThat(config.baseUrl()).isEqualTo("https://api.plivo.com/v1/");
        assertThat(config.account().toString()).isEqualTo("plivo:default");
        assertThat(config.timeouts()).isEqualTo(HttpTimeouts.DEFAULTS);
        assertThat(valid().readTimeout(null).build().timeouts()).as("unset is the default")
                .isEqualTo(HttpTimeouts.DEFAULTS);
        assertThat(valid().accountName("us").baseUrl("http://127.0.0.1:9/v1").build().baseUrl())
                .isEqualTo("http://127.0.0.1:9/v1/");
    }

    @Test
    void neverShowsTheTokenAndNeitherDoesTheConnector() {
        PlivoConfig config = valid().build();
        assertThat(config.toString()).doesNotContain("very-secret-token").contains("MAXXXXXXXXXXXXXXXXXX");
        PlivoConnector connector = PlivoConnector.create(config, new OkHttpClient());
        assertThat(connector.toString()).doesNotContain("very-secret-token");
    }

    @Test
    void declaresThePowerAutomateConnectorsBudget() {
        PlivoConnector connector = PlivoConnector.create(valid().build(), new OkHttpClient());
        assertThat(connector.declaredRateLimit()).contains(RateLimit.of(100, Duration.ofSeconds(60)));
    }

    @Test
    void rejectsMissingOrMalformedSettingsNamingTheField() {
        assertField(() -> PlivoConfig.builder().authToken("t").build(), "authId");
        assertField(() -> PlivoConfig.builder().authId("MA1").build(), "authToken");
        assertField(() -> valid().authId("MA/../x").build(), "authId");
        assertField(() -> valid().baseUrl("ftp://example.com/").build(), "baseUrl");
        assertField(() -> valid().readTimeout(Duration.ZERO).build(), "readTimeout");
        assertField(() -> valid().connectTimeout(Duration.ofNanos(10)).build(), "connectTimeout");
        assertField(() -> valid().timeouts(HttpTimeouts.DEFAULTS).callTimeout(Duration.ofDays(-1)).build(),
                "callTimeout");
        assertField(() -> PlivoConnector.create(null, new OkHttpClient()), "config");
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SwitchboardException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
            assertThat(e.failure().field()).contains(field);
        });
    }
}
