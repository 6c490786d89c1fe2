package io.switchboard.application;

import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.switchboard.application.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class MetricsAndLedgerTest {

    @Test
    void recordsAttemptsFailoversOutcomesAndSpendWithTheirTags() {
        Setup setup = new Setup();
        FakeConnector telnyx = setup.account("telnyx:default", "0.001").failing(FailureKind.UNAVAILABLE);
        setup.account("plivo:us", "0.002");

        setup.router().send(sms(US, "hello"));

        var meters = setup.meters;
        assertThat(meters.get(MetricNames.ATTEMPTS).tag(MetricNames.TAG_ACCOUNT, "telnyx:default")
                .tag(MetricNames.TAG_OUTCOME, "failed").tag(MetricNames.TAG_FAILURE, "unavailable")
                .tag(MetricNames.TAG_COUNTRY, "US").counter().count()).isEqualTo(1);
        assertThat(meters.get(MetricNames.ATTEMPTS).tag(MetricNames.TAG_VENDOR, "plivo")
                .tag(MetricNames.TAG_OUTCOME, "accepted").counter().count()).isEqualTo(1);
        assertThat(meters.get(MetricNames.FAILOVERS).tag(MetricNames.TAG_ACCOUNT, telnyx.account().toString())
                .counter().count()).isEqualTo(1);
        assertThat(meters.get(MetricNames.DELIVERIES).tag(MetricNames.TAG_OUTCOME, "sent").counter().count())
                .isEqualTo(1);
        assertThat(meters.get(MetricNames.SPEND).tag(MetricNames.TAG_CURRENCY, "USD").counter().count())
                .isEqualTo(0.002);
        assertThat(meters.get(MetricNames.ATTEMPT_LATENCY).timers()).hasSize(2);
    }

    @Test
    void repeatedSendsCountOnTheSameMetersPerTagCombination() {
        Setup setup = new Setup();
        setup.account("plivo:us", "0.002");
        Router router = setup.router();

        for (int i = 0; i < 3; i++) {
            router.send(sms(US, "hello"));
        }
        router.send(sms(UK, "hello"));

        var meters = setup.meters;
        assertThat(meters.get(MetricNames.ATTEMPTS).tag(MetricNames.TAG_COUNTRY, "US").counters()).singleElement()
                .satisfies(c -> assertThat(c.count()).isEqualTo(3));
        assertThat(meters.get(MetricNames.ATTEMPTS).tag(MetricNames.TAG_COUNTRY, "GB").counter().count()).isEqualTo(1);
        assertThat(meters.get(MetricNames.DELIVERIES).tag(MetricNames.TAG_COUNTRY, "US").counter().count())
                .isEqualTo(3);
        assertThat(meters.get(MetricNames.ATTEMPT_LATENCY).timer().count()).isEqualTo(4);
        assertThat(meters.get(MetricNames.SPEND).tag(MetricNames.TAG_COUNTRY, "US").counter().count())
                .isEqualTo(0.006, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theLedgerKeepsAcceptedAndUnknownDeliveriesAndFreesNotSentOnes() {
        MutableClock clock = new MutableClock();
        InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger(Duration.ofHours(1), clock);
        Delivery sent = new Delivery.Sent(id("plivo"), "id-1", OWN_NUMBER, java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), List.of(), java.util.Optional.of("r1"));

        assertThat(ledger.claim("r1")).isInstanceOf(DeliveryLedger.Claim.Granted.class);
        assertThat(ledger.claim("r1")).as("a concurrent duplicate").isInstanceOf(DeliveryLedger.Claim.InFlight.class);
        ledger.complete("r1", sent);
        assertThat(ledger.claim("r1")).isEqualTo(new DeliveryLedger.Claim.Done(sent));

        ledger.claim("r2");
        ledger.complete("r2", new Delivery.NotSent(Failure.of(FailureKind.UNAVAILABLE, "down"), List.of(),
                java.util.Optional.of("r2")));
        assertThat(ledger.claim("r2")).isInstanceOf(DeliveryLedger.Claim.Granted.class);

        clock.advance(Duration.ofHours(2));
        assertThat(ledger.claim("r1")).as("forgotten after the retention").isInstanceOf(DeliveryLedger.Claim.Granted.class);
    }

    @Test
    void aDuplicateInFlightSendsNothing() {
        Setup setup = new Setup();
        FakeConnector plivo = setup.account("plivo:us", "0.002");
        InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
        ledger.claim("busy");
        Router router = Router.builder().clock(setup.clock).prices(setup.prices.build()).senders(setup.pools.build())
                .ledger(ledger).account(plivo).build();

        Delivery delivery = router.send(sms(US, "hi").withClientReference("busy"));

        assertThat(delivery).isInstanceOf(Delivery.NotSent.class);
        assertThat(((Delivery.NotSent) delivery).failure().field()).contains("clientReference");
        assertThat(plivo.vendorCalls()).isZero();
    }
}
