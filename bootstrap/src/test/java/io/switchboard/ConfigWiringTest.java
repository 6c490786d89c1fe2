package io.switchboard;

import io.switchboard.adapters.http.HttpTimeouts;
import io.switchboard.application.BreakerSettings;
import io.switchboard.application.RoutingPolicy;
import io.switchboard.domain.pricing.Product;
import io.switchboard.config.ConfigLoader;
import io.switchboard.config.SwitchboardConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the file says reaches the accounts and the router: timeouts per account, the breaker. */
class ConfigWiringTest {

    private static final Map<String, String> ENV = Map.of("TW", "tw-token", "PL", "pl-token", "TX", "tx-key");

    @Test
    void eachAccountGetsItsTimeoutsAndTheOthersKeepTheDefaults() {
        SwitchboardConfig config = new ConfigLoader(ENV::get).parse("""
                accounts:
                  - id: twilio
                    credentials: {accountSid: AC0123456789abcdef0123456789abcdef, authTokenEnv: TW}
                    timeouts: {connect: 1s, read: 2s, call: 3s}
                  - id: plivo
                    credentials: {authId: MA0123456789ABCDEFGH, authTokenEnv: PL}
                    timeouts: {call: 9s}
                  - id: telnyx
                    credentials: {apiKeyEnv: TX}
                breaker: {openFor: 7s, failureRate: 25}
                """, Path.of("."));

        SwitchboardBuilder builder = Switchboard.builder().configuration(config);

        assertThat(builder.twilio.get(0).timeouts()).isEqualTo(new HttpTimeouts(Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(3)));
        assertThat(builder.plivo.get(0).timeouts()).isEqualTo(HttpTimeouts.DEFAULTS.withCall(Duration.ofSeconds(9)));
        assertThat(builder.telnyx.get(0).timeouts()).isEqualTo(HttpTimeouts.DEFAULTS);
        assertThat(builder.breakers.waitInOpenState()).isEqualTo(Duration.ofSeconds(7));
        assertThat(builder.breakers.failureRateThreshold()).isEqualTo(25f);
        assertThat(builder.breakers.slidingWindowSize()).isEqualTo(BreakerSettings.DEFAULT_WINDOW);
    }

    @Test
    void theUnpricedHandlingPerProductReachesThePolicyAndTheBuilderCanChangeIt() {
        SwitchboardConfig config = new ConfigLoader(ENV::get).parse("""
                accounts:
                  - id: telnyx
                    credentials: {apiKeyEnv: TX}
                routing:
                  unpriced: {sms: place-last, whatsapp: exclude}
                """, Path.of("."));

        SwitchboardBuilder builder = Switchboard.builder().configuration(config);

        RoutingPolicy policy = builder.policy();
        assertThat(policy.unpriced(Product.SMS)).isEqualTo(RoutingPolicy.UnpricedHandling.PLACE_LAST);
        assertThat(policy.unpriced(Product.WHATSAPP)).isEqualTo(RoutingPolicy.UnpricedHandling.EXCLUDE);
        assertThat(policy.unpriced(Product.MMS)).as("default").isEqualTo(RoutingPolicy.UnpricedHandling.PLACE_LAST);
        assertThat(policy.unpriced(Product.VOICE)).as("default").isEqualTo(RoutingPolicy.UnpricedHandling.EXCLUDE);

        builder.unpriced(Product.MMS, RoutingPolicy.UnpricedHandling.EXCLUDE);
        assertThat(builder.policy().unpriced(Product.MMS)).isEqualTo(RoutingPolicy.UnpricedHandling.EXCLUDE);
        assertThat(builder.policy().unpriced(Product.SMS)).isEqualTo(RoutingPolicy.UnpricedHandling.PLACE_LAST);
    }
}
