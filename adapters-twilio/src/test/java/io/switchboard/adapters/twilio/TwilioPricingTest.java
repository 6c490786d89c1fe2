package io.switchboard.adapters.twilio;

import io.switchboard.domain.Money;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.Rate;
import io.switchboard.domain.pricing.RateDeck;
import io.switchboard.domain.pricing.RateUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Twilio's prices as rate-deck rows: never below what Twilio could charge. */
class TwilioPricingTest {

    private final MockTwilio twilio = new MockTwilio();

    @AfterEach
    void close() {
        twilio.close();
    }

    @Test
    void givesEveryPrefixOfTheCountryTheHighestMessagingPriceOfAnyCarrierAndNumberType() {
        twilio.enqueueResource(200, "pricing-messaging-gb.json");
        twilio.enqueueResource(200, "pricing-voice-gb.json");

        List<RateDeck.Entry> sms = twilio.connector.pricing().orElseThrow().rates("gb", Product.SMS);

        assertThat(twilio.take().getPath()).isEqualTo("/v1/Messaging/Countries/GB");
        assertThat(twilio.take().getPath()).isEqualTo("/v2/Voice/Countries/GB");
        // The shortcode line has only a base price (0.05): still the highest, so it wins.
        assertThat(sms).containsExactly(new RateDeck.Entry("44", new Rate(Money.of("0.05", "USD"), RateUnit.SEGMENT)));
    }

    @Test
    void mapsVoicePrefixPricesOneToOneTakingTheHighestAcrossOriginations() {
        twilio.enqueueResource(200, "pricing-voice-gb.json");

        List<RateDeck.Entry> voice = twilio.connector.pricing().orElseThrow().rates("GB", Product.VOICE);

        assertThat(voice).containsExactly(
                new RateDeck.Entry("44", Rate.perMinute("0.015", "USD")),
                new RateDeck.Entry("441", Rate.perMinute("0.02", "USD")),
                new RateDeck.Entry("447", Rate.perMinute("0.045", "USD")),
                new RateDeck.Entry("4475", Rate.perMinute("0.04", "USD")));
        assertThat(RateDeck.of(voice).match(PhoneNumber.parse("+447700900123")).orElseThrow().prefix())
                .isEqualTo("447");
    }

    @Test
    void listsCarrierPricesAndTheVoicePriceOfOneNumber() {
        twilio.enqueueResource(200, "pricing-messaging-gb.json");
        twilio.enqueueResource(200, "pricing-voice-number.json");

        List<CarrierPrice> carriers = twilio.api().messagingPrices("GB");
        var toNumber = twilio.api().voiceRateTo(PhoneNumber.parse("+447700900123"));

        assertThat(carriers).hasSize(4).first().satisfies(p -> {
            assertThat(p.carrier()).isEqualTo("Vodafone");
            assertThat(p.mcc()).isEqualTo("234");
            assertThat(p.numberType()).isEqualTo("mobile");
            assertThat(p.currentPrice()).isEqualTo(Money.of("0.04", "USD"));
        });
        assertThat(toNumber).contains(Rate.perMinute("0.045", "USD"));
        twilio.take();
        assertThat(twilio.take().getPath()).isEqualTo("/v2/Voice/Numbers/+447700900123");
    }

    @Test
    void anUnpricedCountryHasNoRates() {
        twilio.enqueue(200, "{\"country\": \"Nowhere\", \"iso_country\": \"ZZ\", \"price_unit\": \"USD\","
                + " \"outbound_sms_prices\": []}");
        assertThat(twilio.connector.pricing().orElseThrow().rates("ZZ", Product.SMS)).isEmpty();
    }
}
