package io.switchboard.application;

import io.micrometer.core.instrument.Counter;
import io.switchboard.domain.FailureKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.switchboard.application.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Breaker transitions driven by the injected clock: Resilience4j reads the same clock, so no test sleeps. */
class CircuitBreakerTest {

    private final Setup setup = new Setup();
    private final FakeConnector flaky = setup.account("telnyx:default", "0.001");
    private final FakeConnector backup = setup.account("plivo:us", "0.002");

    CircuitBreakerTest() {
        setup.breakers = new BreakerSettings(50f, 100f, Duration.ofSeconds(2), 4, 4, Duration.ofSeconds(30), 1);
    }

    private void openByFailures(Router router) {
        flaky.failing(FailureKind.UNAVAILABLE, FailureKind.UNAVAILABLE, FailureKind.UNAVAILABLE,
                FailureKind.UNAVAILABLE);
        for (int i = 0; i < 4; i++) {
            router.send(sms(US, "hello " + i));
        }
    }

    @Test
    void opensOnFailureRateAndSkipsTheAccountWithoutANetworkCall() {
        Router router = setup.router();
        openByFailures(router);
        assertThat(router.breakerState(flaky.account())).isEqualTo("OPEN");

        RoutePlan plan = router.plan(sms(US, "next"));
        Delivery delivery = router.send(sms(US, "next"));

        assertThat(plan.exclusionOf(flaky.account()).orElseThrow().reason()).isEqualTo(ExclusionReason.CIRCUIT_OPEN);
        assertThat(flaky.vendorCalls()).isEqualTo(4);
        assertThat(((Delivery.Sent) delivery).account()).isEqualTo(backup.account());
    }

    @Test
    void halfOpensAfterTheCooldownAndClosesOnASuccessfulProbe() {
        Router router = setup.router();
        openByFailures(router);

        setup.clock.advance(Duration.ofSeconds(29));
        assertThat(router.plan(sms(US, "x")).exclusionOf(flaky.account())).as("still cooling down").isPresent();

        setup.clock.advance(Duration.ofSeconds(2));
        assertThat(router.plan(sms(US, "x")).first().orElseThrow().account()).isEqualTo(flaky.account());
        Delivery probe = router.send(sms(US, "probe"));

        assertThat(((Delivery.Sent) probe).account()).isEqualTo(flaky.account());
        assertThat(router.breakerState(flaky.account())).isEqualTo("CLOSED");
        assertThat(Counter.class.cast(setup.meters.get(MetricNames.BREAKER_TRANSITIONS)
                .tag(MetricNames.TAG_TO_STATE, "half_open").counter()).count()).isEqualTo(1);
    }

    @Test
    void aFailedProbeOpensItAgain() {
        Router router = setup.router();
        openByFailures(router);
        setup.clock.advance(Duration.ofSeconds(31));
        flaky.failing(FailureKind.UNAVAILABLE);

        Delivery delivery = router.send(sms(US, "probe"));

        assertThat(((Delivery.Sent) delivery).account()).isEqualTo(backup.account());
        assertThat(router.breakerState(flaky.account())).isEqualTo("OPEN");
        assertThat(router.plan(sms(US, "x")).exclusionOf(flaky.account())).isPresent();
    }

    @Test
    void authenticationAndFundsFailuresOpenItAtOnce() {
        Router router = setup.router();
        flaky.failing(FailureKind.AUTHENTICATION);

        router.send(sms(US, "hello"));

        assertThat(router.breakerState(flaky.account())).isEqualTo("OPEN");
        assertThat(router.plan(sms(US, "x")).exclusionOf(flaky.account()).orElseThrow().reason())
                .isEqualTo(ExclusionReason.CIRCUIT_OPEN);
    }

    @Test
    void slowCallsOpenItToo() {
        flaky.taking(Duration.ofSeconds(3));
        Router router = setup.router();

        for (int i = 0; i < 4; i++) {
            assertThat(router.send(sms(US, "slow " + i))).isInstanceOf(Delivery.Sent.class);
        }

        assertThat(router.breakerState(flaky.account())).isEqualTo("OPEN");
        assertThat(router.send(sms(US, "next")).attempts()).extracting(Attempt::account)
                .containsExactly(backup.account());
    }

    @Test
    void answersThatSayNothingAboutTheAccountDoNotOpenIt() {
        Router router = setup.router();
        flaky.failing(FailureKind.DESTINATION_NOT_SUPPORTED, FailureKind.DESTINATION_NOT_SUPPORTED,
                FailureKind.RATE_LIMITED, FailureKind.DESTINATION_NOT_SUPPORTED);
        for (int i = 0; i < 4; i++) {
            router.send(sms(US, "hello " + i));
        }
        assertThat(router.breakerState(flaky.account())).isEqualTo("CLOSED");
    }
}
