package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.Rate;
import io.switchboard.domain.pricing.RateDeck;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.switchboard.application.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Routing right from the first send: a cold price is waited for, a failed one is reported with its kind. */
class RoutingWithPricesTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void theFirstSendToAColdCountryWaitsForItsPricesAndGoesToTheCheapestAccount() {
        FakeConnector cheapVendorPriced = new FakeConnector("plivo:us", clock)
                .pricing(Map.of("GB", List.of(new RateDeck.Entry("44", Rate.perSegment("0.030", "USD")))));
        FakeConnector dearDeckPriced = new FakeConnector("twilio:work", clock);
        ExecutorService loads = Executors.newSingleThreadExecutor();
        try {
            PriceBook prices = PriceBook.builder().clock(clock).executor(loads).pricing(cheapVendorPriced)
                    .deck(dearDeckPriced.account(), Product.SMS, usd("44=0.040")).build();
            Router router = Router.builder().clock(clock).prices(prices)
                    .senders(SenderPools.builder().add(POOL.name(), cheapVendorPriced.account(), OWN_NUMBER)
                            .add(POOL.name(), dearDeckPriced.account(), OWN_NUMBER).build())
                    .account(cheapVendorPriced).account(dearDeckPriced).build();

            Delivery delivery = router.send(sms(UK, "hello"));

            assertThat(delivery).isInstanceOfSatisfying(Delivery.Sent.class,
                    sent -> assertThat(sent.account()).isEqualTo(cheapVendorPriced.account()));
            assertThat(cheapVendorPriced.pricingRequests()).isEqualTo(1);
            assertThat(dearDeckPriced.vendorCalls()).isZero();
        } finally {
            loads.shutdownNow();
        }
    }

    @Test
    void aPinnedSendToAnAccountWhosePricingRefusesItsCredentialsSaysAuthentication() {
        AccountId plivo = AccountId.parse("plivo:us");
        FakeConnector connector = new FakeConnector("plivo:us", clock);
        PriceBook prices = PriceBook.builder().clock(clock).executor(Runnable::run)
                .pricing(plivo, (country, product) -> {
                    throw new SwitchboardException(Failure.of(FailureKind.AUTHENTICATION, "Authentication failed")
                            .withHttpStatus(401));
                }).build();
        FakeConnector other = new FakeConnector("twilio:work", clock);
        Router router = Router.builder().clock(clock).prices(prices)
                .senders(SenderPools.builder().add(POOL.name(), plivo, OWN_NUMBER)
                        .add(POOL.name(), other.account(), OWN_NUMBER).build())
                .account(connector).account(other).build();

        Delivery delivery = router.send(sms(UK, "hello"), RoutingPolicy.builder().pinned(plivo).build());

        assertThat(delivery).isInstanceOfSatisfying(Delivery.NotSent.class, notSent -> {
            assertThat(notSent.failure().kind()).isEqualTo(FailureKind.AUTHENTICATION);
            assertThat(notSent.failure().account()).contains(plivo);
            assertThat(notSent.failure().message()).contains("HTTP 401");
        });
        assertThat(router.plan(sms(UK, "hello")).exclusionOf(plivo)).hasValueSatisfying(e ->
                assertThat(e.failure()).hasValueSatisfying(f -> assertThat(f.kind())
                        .isEqualTo(FailureKind.AUTHENTICATION)));
        assertThat(router.pricingFailures()).singleElement()
                .satisfies(f -> assertThat(f.failure().kind()).isEqualTo(FailureKind.AUTHENTICATION));
    }
}
