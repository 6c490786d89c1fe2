package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;
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
    /** Loads run on the calling thread while true (warm-ups), else queue until {@link #runBackground}. */
    private boolean direct = true;
    private final java.util.concurrent.Executor executor = task -> {
        if (direct) {
            task.run();
        } else {
            background.add(task);
        }
    };
    private final AtomicReference<String> usPrice = new AtomicReference<>("0.0079");
    private final FakeConnector twilio = new FakeConnector("twilio:work", clock);

    private PriceBook book() {
        twilio.pricing(Map.of("US", List.of(new RateDeck.Entry("1", Rate.perSegment("0.0079", "USD")))));
        return PriceBook.builder().clock(clock).executor(executor)
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
        direct = false;

        for (int i = 0; i < 100; i++) {
            assertThat(book.lookup(twilio.account(), Product.SMS, US)).isInstanceOf(PriceLookup.Priced.class);
        }

        runBackground();
        assertThat(twilio.pricingRequests()).as("nor in the background before the refresh time").isEqualTo(1);
    }

    @Test
    void aColdCountryIsUnpricedAndLoadedInTheBackground() {
        PriceBook book = book();
        direct = false;

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
        direct = false;
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
        PriceBook book = PriceBook.builder().clock(clock).executor(executor).pricing(plivo).build();

        assertThat(book.warmUp(List.of("GB"), List.of(Product.SMS))).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(FailureKind.DESTINATION_NOT_SUPPORTED))
                .satisfies(f -> assertThat(f.account()).contains(plivo.account()));
        assertThat(book.lookup(plivo.account(), Product.SMS, UK)).isInstanceOf(PriceLookup.Unpriced.class);
    }

    /** A pricing port that fails with {@code failure} (or throws {@code error}), counting its calls. */
    private static final class FailingPort implements io.switchboard.domain.port.PricingPort {
        final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        volatile RuntimeException error;

        FailingPort(RuntimeException error) {
            this.error = error;
        }

        @Override
        public List<RateDeck.Entry> rates(String countryIso, Product product) {
            calls.incrementAndGet();
            RuntimeException e = error;
            if (e != null) {
                throw e;
            }
            return List.of(new RateDeck.Entry("44", Rate.perSegment("0.04", "USD")));
        }
    }

    private static SwitchboardException failure(FailureKind kind, int status) {
        return new SwitchboardException(Failure.of(kind, "scripted " + kind).withHttpStatus(status));
    }

    private PriceBook failingBook(FailingPort port, Duration initial, Duration max) {
        return PriceBook.builder().clock(clock).executor(executor).retryBackoff(initial, max)
                .pricing(AccountId.parse("plivo:us"), port).build();
    }

    @Test
    void concurrentSendersShareOneLoadAndWaitForIt() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        AccountId plivo = AccountId.parse("plivo:us");
        java.util.concurrent.ExecutorService loads = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            PriceBook book = PriceBook.builder().clock(clock).executor(loads).loadTimeout(Duration.ofMinutes(1))
                    .pricing(plivo, (country, product) -> {
                        calls.incrementAndGet();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return List.of(new RateDeck.Entry("44", Rate.perSegment("0.04", "USD")));
                    }).build();
            List<java.util.concurrent.Future<Boolean>> waits = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                waits.add(senders.submit(() -> book.awaitFirstLoads(List.of(plivo), Product.SMS, "GB",
                        Duration.ofMinutes(1))));
            }
            while (calls.get() == 0) {
                Thread.onSpinWait();
            }
            release.countDown();
            for (java.util.concurrent.Future<Boolean> wait : waits) {
                wait.get();
            }

            assertThat(calls).as("one load for eight senders").hasValue(1);
            assertThat(book.lookup(plivo, Product.SMS, UK)).isInstanceOf(PriceLookup.Priced.class);
            assertThat(book.awaitFirstLoads(List.of(plivo), Product.SMS, "GB", Duration.ofMinutes(1)))
                    .as("a loaded country is not waited for again").isFalse();
        } finally {
            release.countDown();
            senders.shutdownNow();
            loads.shutdownNow();
        }
    }

    @Test
    void aLateFirstLoadIsWaitedForOnlyUntilTheLoadTimeoutFromItsStart() {
        direct = false;
        AccountId plivo = AccountId.parse("plivo:us");
        PriceBook book = PriceBook.builder().clock(clock).executor(executor).loadTimeout(Duration.ofMillis(50))
                .pricing(plivo, (country, product) -> List.of()).build();

        assertThat(book.awaitFirstLoads(List.of(plivo), Product.SMS, "GB", Duration.ofMinutes(1))).isTrue();
        assertThat(background).as("one load queued").hasSize(1);
        clock.advance(Duration.ofMillis(50));

        assertThat(book.awaitFirstLoads(List.of(plivo), Product.SMS, "GB", Duration.ofMinutes(1)))
                .as("past the first load's timeout, nobody waits for it again").isFalse();
        assertThat(background).as("and it is not started twice").hasSize(1);
    }

    @Test
    void aFailedLoadKeepsItsKindInLookupsAndFailures() {
        FailingPort port = new FailingPort(failure(FailureKind.AUTHENTICATION, 401));
        PriceBook book = failingBook(port, Duration.ofSeconds(30), Duration.ofMinutes(10));
        AccountId plivo = AccountId.parse("plivo:us");

        assertThat(book.awaitFirstLoads(List.of(plivo), Product.SMS, "GB", Duration.ofSeconds(5))).isTrue();

        PriceLookup lookup = book.lookup(plivo, Product.SMS, UK);
        assertThat(lookup).isInstanceOfSatisfying(PriceLookup.Unpriced.class, u -> {
            assertThat(u.failure()).hasValueSatisfying(f -> {
                assertThat(f.kind()).isEqualTo(FailureKind.AUTHENTICATION);
                assertThat(f.account()).contains(plivo);
            });
            assertThat(u.reason()).contains("AUTHENTICATION (HTTP 401)").doesNotContain("not loaded yet");
        });
        assertThat(book.failures()).singleElement().satisfies(f -> {
            assertThat(f.account()).isEqualTo(plivo);
            assertThat(f.country()).isEqualTo("GB");
            assertThat(f.failure().kind()).isEqualTo(FailureKind.AUTHENTICATION);
            assertThat(f.nextAttempt()).isEqualTo(clock.instant().plusSeconds(30));
        });
    }

    @Test
    void aCountryTheVendorDoesNotPriceIsNotFoundAndAnIoErrorIsUnavailable() {
        FailingPort notFound = new FailingPort(failure(FailureKind.NOT_FOUND, 404));
        assertThat(failingBook(notFound, Duration.ofSeconds(30), Duration.ofMinutes(10))
                .warmUp(List.of("GB"), List.of(Product.SMS)))
                .singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo(FailureKind.NOT_FOUND));

        FailingPort refused = new FailingPort(new java.io.UncheckedIOException(new java.net.ConnectException(
                "Connection refused")));
        assertThat(failingBook(refused, Duration.ofSeconds(30), Duration.ofMinutes(10))
                .warmUp(List.of("GB"), List.of(Product.SMS)))
                .singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo(FailureKind.UNAVAILABLE));
    }

    @Test
    void aFailingPricingApiIsNotAskedAgainBeforeItsBackOffWhichDoubles() {
        FailingPort port = new FailingPort(failure(FailureKind.UNAVAILABLE, 503));
        PriceBook book = failingBook(port, Duration.ofSeconds(30), Duration.ofSeconds(100));
        AccountId plivo = AccountId.parse("plivo:us");
        book.warmUp(List.of("GB"), List.of(Product.SMS));
        assertThat(port.calls).hasValue(1);

        int[] expected = {1, 2, 3, 4, 5};
        long[] backoffs = {30, 60, 100, 100};
        for (int round = 0; round < backoffs.length; round++) {
            clock.advance(Duration.ofSeconds(backoffs[round] - 1));
            for (int i = 0; i < 50; i++) {
                book.lookup(plivo, Product.SMS, UK);
                book.awaitFirstLoads(List.of(plivo), Product.SMS, "GB", Duration.ofSeconds(5));
            }
            assertThat(port.calls).as("before back-off %s s ends", backoffs[round]).hasValue(expected[round]);
            clock.advance(Duration.ofSeconds(1));
            for (int i = 0; i < 50; i++) {
                book.lookup(plivo, Product.SMS, UK);
            }
            assertThat(port.calls).as("once back-off %s s ended", backoffs[round]).hasValue(expected[round + 1]);
        }
    }

    @Test
    void anAccountWhoseCredentialsAreRefusedIsNotAskedForOtherCountriesEither() {
        FailingPort port = new FailingPort(failure(FailureKind.AUTHENTICATION, 401));
        PriceBook book = failingBook(port, Duration.ofSeconds(30), Duration.ofMinutes(10));
        AccountId plivo = AccountId.parse("plivo:us");
        book.warmUp(List.of("GB"), List.of(Product.SMS));

        assertThat(book.awaitFirstLoads(List.of(plivo), Product.SMS, "US", Duration.ofSeconds(5))).isFalse();
        assertThat(book.lookup(plivo, Product.SMS, US)).isInstanceOfSatisfying(PriceLookup.Unpriced.class,
                u -> assertThat(u.failure()).hasValueSatisfying(f ->
                        assertThat(f.kind()).isEqualTo(FailureKind.AUTHENTICATION)));
        assertThat(port.calls).hasValue(1);

        port.error = null;
        clock.advance(Duration.ofSeconds(30));
        book.lookup(plivo, Product.SMS, UK);
        assertThat(port.calls).hasValue(2);
        assertThat(book.lookup(plivo, Product.SMS, UK)).isInstanceOf(PriceLookup.Priced.class);
        assertThat(book.failures()).as("a load that works again clears the failure of its key")
                .noneMatch(f -> f.country().equals("GB"));
    }

    @Test
    void rejectsAnExpiryShorterThanTheRefresh() {
        assertThatThrownBy(() -> PriceBook.builder().refreshAfter(Duration.ofHours(2))
                .expireAfter(Duration.ofHours(1)).build()).hasMessageContaining("'expireAfter'");
    }
}
