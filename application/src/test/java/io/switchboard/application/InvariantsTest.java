package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.DeliveryGuarantee;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Money;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.message.SmsText;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.RateDeck;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.switchboard.application.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** One test (or a few) per invariant of ARCHITECTURE.md that routing owns: 1, 2, 3, 4 and 6. */
class InvariantsTest {

    // Invariant 1: accepted by at most one provider

    @Test
    void invariant1_anUnknownOutcomeStopsTheChainUnderAtMostOnce() {
        Setup setup = new Setup();
        FakeConnector first = setup.account("telnyx:default", "0.001").failing(FailureKind.OUTCOME_UNKNOWN);
        FakeConnector second = setup.account("plivo:us", "0.002");

        Delivery delivery = setup.router().send(sms(US, "hello"));

        assertThat(delivery).isInstanceOf(Delivery.OutcomeUnknown.class);
        assertThat(((Delivery.OutcomeUnknown) delivery).account()).isEqualTo(first.account());
        assertThat(second.vendorCalls()).as("nobody else is asked: the first may have it").isZero();
    }

    @Test
    void invariant1_atLeastOnceIsAnExplicitChoiceThatContinues() {
        Setup setup = new Setup();
        setup.account("telnyx:default", "0.001").failing(FailureKind.OUTCOME_UNKNOWN);
        FakeConnector second = setup.account("plivo:us", "0.002");
        setup.policy = RoutingPolicy.builder().guarantee(DeliveryGuarantee.AT_LEAST_ONCE).build();

        Delivery delivery = setup.router().send(sms(US, "hello"));

        assertThat(delivery).isInstanceOf(Delivery.Sent.class);
        assertThat(second.vendorCalls()).isEqualTo(1);
    }

    @Test
    void invariant1_aRepeatedClientReferenceReturnsTheEarlierDeliveryAndSendsNothing() {
        Setup setup = new Setup();
        FakeConnector only = setup.account("plivo:us", "0.002");
        Router router = setup.router();
        MessageRequest request = sms(US, "hello").withClientReference("order-42");

        Delivery first = router.send(request);
        Delivery again = router.send(request);

        assertThat(again).isSameAs(first);
        assertThat(only.vendorCalls()).isEqualTo(1);
    }

    @Test
    void invariant1_aReferenceThatSentNothingMayBeTriedAgain() {
        Setup setup = new Setup();
        FakeConnector only = setup.account("plivo:us", "0.002").failing(FailureKind.UNAVAILABLE);
        setup.policy = RoutingPolicy.builder().deadline(Duration.ofMillis(500)).build(); // no time to wait and retry
        Router router = setup.router();
        MessageRequest request = sms(US, "hello").withClientReference("order-43");

        assertThat(router.send(request)).isInstanceOf(Delivery.NotSent.class);
        assertThat(router.send(request)).isInstanceOf(Delivery.Sent.class);
        assertThat(only.vendorCalls()).isEqualTo(2);
    }

    @Test
    void invariant1_allPartsOfALongMessageGoToOneProviderInOneRequest() {
        Setup setup = new Setup();
        FakeConnector cheapest = setup.account("telnyx:default", "0.001");
        FakeConnector other = setup.account("plivo:us", "0.002");
        String text = "part of a long message ".repeat(30);

        Delivery delivery = setup.router().send(sms(US, text));

        assertThat(SmsText.of(text).segmentCount()).isGreaterThan(4);
        assertThat(delivery).isInstanceOf(Delivery.Sent.class);
        assertThat(cheapest.sent).singleElement().extracting(MessageRequest::text).isEqualTo(text);
        assertThat(other.vendorCalls()).isZero();
    }

    // Invariant 2: a failure no one can fix never fails over

    @Test
    void invariant2_invalidRequestAndNotFoundStopAtTheFirstAccount() {
        // UNSUPPORTED (an operation one vendor lacks) fails over since accounts declare what they accept:
        // CapabilityPlanningTest.anUnsupportedAnswerFailsOverToTheNextAccount
        for (FailureKind kind : List.of(FailureKind.INVALID_REQUEST, FailureKind.NOT_FOUND)) {
            Setup setup = new Setup();
            setup.account("telnyx:default", "0.001").failing(kind);
            FakeConnector second = setup.account("plivo:us", "0.002");

            Delivery delivery = setup.router().send(sms(US, "hello"));

            assertThat(delivery).as(kind.name()).isInstanceOf(Delivery.NotSent.class);
            assertThat(second.vendorCalls()).as(kind.name()).isZero();
        }
    }

    // Invariant 3: money is exact and currencies are never mixed

    @Test
    void invariant3_quotesAreExactDecimals() {
        Setup setup = new Setup();
        setup.account("plivo:us", usd("1=0.0333"));
        String threeSegments = "x".repeat(153 * 2 + 1);

        Candidate candidate = setup.router().plan(sms(US, threeSegments)).first().orElseThrow();

        assertThat(candidate.quote().orElseThrow().units()).isEqualTo(3);
        assertThat(candidate.quote().orElseThrow().total().amount()).isEqualByComparingTo("0.0999");
        assertThat(candidate.quote().orElseThrow().total().amount().toPlainString()).isEqualTo("0.0999");
    }

    @Test
    void invariant3_anAccountPricedInAnotherCurrencyIsLeftOutWithoutAnExchangeRateSource() {
        Setup setup = new Setup();
        setup.account("twilio:work", usd("1=0.0079"));
        setup.account("plivo:eu", deck("EUR", "1=0.0010"));

        RoutePlan plan = setup.router().plan(sms(US, "hi"));

        assertThat(plan.candidates()).extracting(Candidate::account).containsExactly(id("twilio:work"));
        assertThat(plan.exclusionOf(id("plivo:eu")).orElseThrow().reason())
                .isEqualTo(ExclusionReason.CURRENCY_MISMATCH);
    }

    @Test
    void invariant3_anExplicitConverterMakesThemComparable() {
        Setup setup = new Setup();
        setup.account("twilio:work", usd("1=0.0079"));
        setup.account("plivo:eu", deck("EUR", "1=0.0080"));
        CurrencyConverter eurToUsd = (amount, target) -> amount.currency().getCurrencyCode().equals("EUR")
                ? Optional.of(new Money(amount.amount().multiply(new java.math.BigDecimal("0.5")), target))
                : Optional.empty();

        RoutePlan plan = setup.router().plan(sms(US, "hi"), RoutingPolicy.builder().converter(eurToUsd).build());

        assertThat(plan.candidates()).extracting(Candidate::account)
                .containsExactly(id("plivo:eu"), id("twilio:work"));
        Candidate eu = plan.candidates().get(0);
        assertThat(eu.quote().orElseThrow().total()).as("the quote stays in its own currency")
                .isEqualTo(Money.of("0.008", "EUR"));
        assertThat(eu.comparableTotal()).contains(Money.of("0.004", "USD"));
        assertThat(plan.candidates().get(1).comparableTotal().orElseThrow().currency())
                .isEqualTo(Currency.getInstance("USD"));
    }

    // Invariant 4: every chain is bounded

    @Test
    void invariant4_stopsAfterMaxAttempts() {
        Setup setup = new Setup();
        for (String account : List.of("telnyx:a", "telnyx:b", "telnyx:c", "telnyx:d")) {
            setup.account(account, "0.001").alwaysFailing(FailureKind.UNAVAILABLE);
        }
        setup.policy = RoutingPolicy.builder().maxAttempts(2).deadline(Duration.ofMillis(500)).build();

        Delivery delivery = setup.router().send(sms(US, "hello"));

        assertThat(delivery).isInstanceOf(Delivery.NotSent.class);
        assertThat(setup.totalVendorCalls()).isEqualTo(2);
    }

    @Test
    void invariant4_passesAfterAWaitAreEachBoundedByMaxAttemptsAndAllByTheDeadline() {
        Setup setup = new Setup();
        for (String account : List.of("telnyx:a", "telnyx:b", "telnyx:c", "telnyx:d")) {
            setup.account(account, "0.001").alwaysFailing(FailureKind.UNAVAILABLE);
        }
        setup.policy = RoutingPolicy.builder().maxAttempts(2).deadline(Duration.ofSeconds(5)).build();
        Instant start = setup.clock.instant();

        Delivery delivery = setup.router().send(sms(US, "hello"));

        // Passes at 0, 1, 2, 3 and 4 s (a pause of 1 s after "unavailable"); one at 5 s would meet the deadline.
        assertThat(delivery).isInstanceOf(Delivery.NotSent.class);
        assertThat(setup.totalVendorCalls()).isEqualTo(10);
        assertThat(delivery.attempts()).hasSize(10);
        assertThat(Duration.between(start, setup.clock.instant())).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void invariant4_stopsAtTheOverallDeadlineByTheInjectedClock() {
        Setup setup = new Setup();
        for (String account : List.of("telnyx:a", "telnyx:b", "telnyx:c")) {
            setup.account(account, "0.001").alwaysFailing(FailureKind.UNAVAILABLE).taking(Duration.ofSeconds(20));
        }
        setup.policy = RoutingPolicy.builder().deadline(Duration.ofSeconds(30)).build();

        Delivery delivery = setup.router().send(sms(US, "hello"));

        assertThat(setup.totalVendorCalls()).isEqualTo(2);
        assertThat(delivery.attempts()).extracting(Attempt::outcome).containsExactly(
                AttemptOutcome.FAILED, AttemptOutcome.FAILED, AttemptOutcome.SKIPPED_DEADLINE);
    }

    @Test
    void invariant4_neverWaitsForARetryAfterBeyondTheDeadline() {
        Setup setup = new Setup();
        setup.account("plivo:us", "0.002").failingWith(io.switchboard.domain.Failure
                .of(FailureKind.RATE_LIMITED, "429").withRetryAfter(Duration.ofMinutes(5)));
        setup.policy = RoutingPolicy.builder().deadline(Duration.ofSeconds(30)).build();
        var start = setup.clock.instant();

        Delivery delivery = setup.router().send(sms(US, "hello"));

        assertThat(delivery).isInstanceOf(Delivery.NotSent.class);
        assertThat(setup.totalVendorCalls()).isEqualTo(1);
        assertThat(Duration.between(start, setup.clock.instant())).isLessThan(Duration.ofSeconds(30));
    }

    // Invariant 6: the planner does no io

    @Test
    void invariant6_planningTouchesNoPortEvenWithVendorPricesNotLoaded() {
        MutableClock clock = new MutableClock();
        FakeConnector vendorPriced = new FakeConnector("twilio:work", clock)
                .pricing(Map.of("US", List.of(new RateDeck.Entry("1", io.switchboard.domain.pricing.Rate
                        .perSegment("0.0079", "USD")))));
        FakeConnector deckPriced = new FakeConnector("plivo:us", clock);
        List<Runnable> background = new ArrayList<>();
        PriceBook prices = PriceBook.builder().clock(clock).executor(background::add)
                .pricing(vendorPriced).deck(deckPriced.account(), Product.SMS, usd("1=0.005")).build();
        Router router = Router.builder().clock(clock).prices(prices)
                .senders(SenderPools.builder().add("main", vendorPriced.account(), OWN_NUMBER)
                        .add("main", deckPriced.account(), OWN_NUMBER).build())
                .account(vendorPriced).account(deckPriced).build();

        RoutePlan cold = router.plan(sms(US, "hello"));

        assertThat(vendorPriced.pricingRequests()).as("no pricing request on the planning thread").isZero();
        assertThat(vendorPriced.vendorCalls() + deckPriced.vendorCalls()).isZero();
        assertThat(cold.exclusionOf(AccountId.parse("twilio:work")).orElseThrow().detail())
                .contains("not loaded yet");
        assertThat(background).as("the load is handed to the background executor").isNotEmpty();
    }
}
