package io.switchboard.application;

import io.switchboard.domain.FailureKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.switchboard.application.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request whose accounts are all out only for a while waits, within its deadline, for the earliest to come back;
 * one whose accounts are out for good, or that is itself refused, ends at once. The clock is the test's: waits move
 * it, nothing sleeps.
 */
class OutageWaitTest {

    private final Setup setup = new Setup();
    private final FakeConnector only = setup.account("telnyx:default", "0.001");

    OutageWaitTest() {
        // Two failed calls of two open the breaker; a probe after 5 s.
        setup.breakers = new BreakerSettings(50f, 100f, Duration.ofSeconds(2), 2, 2, Duration.ofSeconds(5), 1);
    }

    private Router openedBy(FailureKind kind) {
        only.failing(kind, kind);
        setup.policy = RoutingPolicy.builder().deadline(Duration.ofMillis(500)).build();
        Router router = setup.router();
        router.send(sms(US, "first"));
        router.send(sms(US, "second"));
        assertThat(router.breakerState(only.account())).isEqualTo("OPEN");
        return router;
    }

    private long waits() {
        return (long) setup.meters.find(MetricNames.WAITS).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void aRequestFindingEveryBreakerOpenWaitsForTheCooldownAndGoesOut() {
        Router router = openedBy(FailureKind.UNAVAILABLE);
        Instant opened = setup.clock.instant();

        Delivery delivery = router.send(sms(US, "held back"), RoutingPolicy.builder().deadline(Duration.ofSeconds(30))
                .build());

        assertThat(delivery).isInstanceOf(Delivery.Sent.class);
        // The cooldown ends at 5 s; the breaker lets a probe through once the clock is past it.
        assertThat(Duration.between(opened, setup.clock.instant())).as("waited for the probe")
                .isEqualTo(Duration.ofMillis(5001));
        assertThat(router.breakerState(only.account())).isEqualTo("CLOSED");
        assertThat(waits()).isEqualTo(1);
    }

    @Test
    void aCooldownEndingAfterTheDeadlineIsNotWaitedFor() {
        Router router = openedBy(FailureKind.UNAVAILABLE);
        Instant before = setup.clock.instant();

        Delivery delivery = router.send(sms(US, "too late"), RoutingPolicy.builder().deadline(Duration.ofSeconds(3))
                .build());

        assertThat(delivery).isInstanceOfSatisfying(Delivery.NotSent.class,
                notSent -> assertThat(notSent.failure().kind()).isEqualTo(FailureKind.UNAVAILABLE));
        assertThat(setup.clock.instant()).as("ended at once").isEqualTo(before);
        assertThat(waits()).isZero();
    }

    @Test
    void refusedCredentialsAreNotWaitedFor() {
        Router router = openedBy(FailureKind.AUTHENTICATION);
        Instant before = setup.clock.instant();

        Delivery delivery = router.send(sms(US, "wrong token"), RoutingPolicy.builder()
                .deadline(Duration.ofSeconds(30)).build());

        assertThat(delivery).isInstanceOf(Delivery.NotSent.class);
        assertThat(setup.clock.instant()).isEqualTo(before);
        assertThat(only.vendorCalls()).as("the first refusal opened the breaker for good").isEqualTo(1);
    }

    @Test
    void anInvalidRequestIsNotTriedAgain() {
        only.failing(FailureKind.INVALID_REQUEST);
        setup.policy = RoutingPolicy.builder().deadline(Duration.ofSeconds(30)).build();
        Instant before = setup.clock.instant();

        Delivery delivery = setup.router().send(sms(US, "bad"));

        assertThat(delivery).isInstanceOfSatisfying(Delivery.NotSent.class,
                notSent -> assertThat(notSent.failure().kind()).isEqualTo(FailureKind.INVALID_REQUEST));
        assertThat(only.vendorCalls()).isEqualTo(1);
        assertThat(setup.clock.instant()).isEqualTo(before);
    }

    @Test
    void aVendorUnavailableOnceIsTriedAgainAfterAPauseAndTheDeliveryListsBothPasses() {
        only.failing(FailureKind.UNAVAILABLE);
        setup.policy = RoutingPolicy.builder().deadline(Duration.ofSeconds(30)).build();
        Instant before = setup.clock.instant();

        Delivery delivery = setup.router().send(sms(US, "again"));

        assertThat(delivery).isInstanceOf(Delivery.Sent.class);
        assertThat(delivery.attempts()).extracting(Attempt::outcome)
                .containsExactly(AttemptOutcome.FAILED, AttemptOutcome.ACCEPTED);
        assertThat(Duration.between(before, setup.clock.instant())).isEqualTo(Duration.ofSeconds(1));
    }
}
