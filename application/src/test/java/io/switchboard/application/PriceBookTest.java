package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.Rate;
import io.switchboard.domain.pricing.RateDeck;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicReference;

import static io.switchboard.application.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceBookTest {

    private final MutableClock clock = new MutableClock();
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final AtomicReference<String> usPrice = new AtomicReference<>("0.0079");
    private final FakeConnector twilio = new FakeConnector("twilio:work", clock);

    private PriceBook book() {
        twilio.pricing(Map.of("US", List.of(new RateDeck.Entry("1", Rate.perSegment("0.0079", "USD")))));
        return PriceBook.builder().clock(clock).executor(background::add)
                .refreshAfter(Duration.ofHours(1)).expireAfter(Duration.ofHours(3))
                .pricing(AccountId.parse("twilio:work"), (country, product) -> {
                    twilio.pricingCalls.merge(country, 1, Integer::sum);
                    return List.of(new RateDeck.Entry("1", Rate.perSegment(usPrice.get(), "USD")));
                }).build();
    }

    private static String price(PriceLookup lookup) {
        return ((PriceLookup.Priced) lookup).match().rate().price().amount().stripTrailingZeros().toPlainString();
    }

    private void runBackground() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    @Test
    void onceWarmTheSendPathMakesNoPricingRequest() {
        PriceBook book = book();
        assertThat(book.warmUp(List.of("US"), List.of(Product.SMS))).isEmpty();
        assertThat(twilio.pricingRequests()).isEqualTo(1);

        for (int i = 0; i < 100; i++) {
            assertThat(book.lookup(twilio.account(), Product.SMS, US)).isInstanceOf(PriceLookup.Priced.class);
        }

        runBackground();
        assertThat(twilio.pricingRequests()).as("nor in the background before the refresh time").isEqualTo(1);
    }

    @Test
    void aColdCountryIsUnpricedAndLoadedInTheBackground() {
        PriceBook book = book();

        PriceLookup cold = book.lookup(twilio.account(), Product.SMS, US);

        assertThat(cold).isInstanceOf(PriceLookup.Unpriced.class);
        assertThat(twilio.pricingRequests()).as("nothing on the calling thread").isZero();
        runBackground();
        assertThat(twilio.pricingRequests()).isEqualTo(1);
        assertThat(book.lookup(twilio.account(), Product.SMS, US)).isInstanceOf(PriceLookup.Priced.class);
    }

    @Test
    void refreshesInTheBackgroundAndServesTheOldPricesMeanwhile() {
        PriceBook book = book();
        book.warmUp(List.of("US"), List.of(Product.SMS));
        usPrice.set("0.0090");
        clock.advance(Duration.ofMinutes(61));

        assertThat(price(book.lookup(twilio.account(), Product.SMS, US))).isEqualTo("0.0079");
        assertThat(twilio.pricingRequests()).isEqualTo(1);
        runBackground();

        assertThat(twilio.pricingRequests()).isEqualTo(2);
        assertThat(price(book.lookup(twilio.account(), Product.SMS, US))).isEqualTo("0.009");
    }

    @Test
    void pricesExpireAfterTheConfiguredTime() {
        PriceBook book = book();
        book.warmUp(List.of("US"), List.of(Product.SMS));
        clock.advance(Duration.ofHours(3).plusSeconds(1));

        assertThat(book.lookup(twilio.account(), Product.SMS, US)).isInstanceOf(PriceLookup.Unpriced.class);
    }

    @Test
    void aUserDeckWinsOverTheVendorsPrices() {
        PriceBook book = book();
        book.replaceDeck(twilio.account(), Product.SMS, usd("1=0.0050"));

        assertThat(price(book.lookup(twilio.account(), Product.SMS, US))).isEqualTo("0.005");
        assertThat(book.warmUp(List.of("US"), List.of(Product.SMS))).isEmpty();
        assertThat(twilio.pricingRequests()).isZero();
    }

    @Test
    void warmUpReturnsFailuresInsteadOfThrowing() {
        FakeConnector plivo = new FakeConnector("plivo:us", clock).pricing(Map.of());
        PriceBook book = PriceBook.builder().clock(clock).executor(background::add).pricing(plivo).build();

        assertThat(book.warmUp(List.of("GB"), List.of(Product.SMS))).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(FailureKind.DESTINATION_NOT_SUPPORTED))
                .satisfies(f -> assertThat(f.account()).contains(plivo.account()));
        assertThat(book.lookup(plivo.account(), Product.SMS, UK)).isInstanceOf(PriceLookup.Unpriced.class);
    }

    @Test
    void rejectsAnExpiryShorterThanTheRefresh() {
        assertThatThrownBy(() -> PriceBook.builder().refreshAfter(Duration.ofHours(2))
                .expireAfter(Duration.ofHours(1)).build()).hasMessageContaining("'expireAfter'");
    }
}
