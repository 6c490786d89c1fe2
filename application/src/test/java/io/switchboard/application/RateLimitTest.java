package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.RateLimit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.switchboard.application.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTest {

    private static final RateLimit PLIVO_PUBLISHED = RateLimit.of(100, Duration.ofSeconds(60));

    @Test
    void appliesTheConnectorsDeclaredLimitAndMovesOnWhenDenied() {
        Setup setup = new Setup();
        FakeConnector plivo = setup.account("plivo:us", "0.001").declaring(PLIVO_PUBLISHED);
        FakeConnector twilio = setup.account("twilio:work", "0.002");
        Router router = setup.router();

        for (int i = 0; i < 100; i++) {
            router.send(sms(US, "m" + i));
        }
        Delivery denied = router.send(sms(US, "one too many"));

        assertThat(plivo.vendorCalls()).isEqualTo(100);
        assertThat(((Delivery.Sent) denied).account()).isEqualTo(twilio.account());
        assertThat(denied.attempts()).extracting(Attempt::outcome)
                .containsExactly(AttemptOutcome.SKIPPED_RATE_LIMITED, AttemptOutcome.ACCEPTED);
        assertThat(setup.meters.get(MetricNames.RATE_LIMIT_DENIALS).counter().count()).isEqualTo(1);

        setup.clock.advance(Duration.ofSeconds(59));
        assertThat(((Delivery.Sent) router.send(sms(US, "still within the minute"))).account())
                .as("100 per 60 s means none more until the first permit is a minute old").isEqualTo(twilio.account());
        setup.clock.advance(Duration.ofSeconds(1));
        assertThat(((Delivery.Sent) router.send(sms(US, "refilled"))).account()).isEqualTo(plivo.account());
    }

    @Test
    void waitsForAPermitWhenTheDeniedAccountIsTheLastCandidate() {
        Setup setup = new Setup();
        FakeConnector plivo = setup.account("plivo:us", "0.001");
        setup.settings.put("plivo:us", AccountSettings.ofDefaults().withRateLimit(RateLimit.of(2, Duration.ofSeconds(10))));
        Router router = setup.router();
        router.send(sms(US, "a"));
        router.send(sms(US, "b"));
        var before = setup.clock.instant();

        Delivery third = router.send(sms(US, "c"));

        assertThat(third).isInstanceOf(Delivery.Sent.class);
        assertThat(plivo.vendorCalls()).isEqualTo(3);
        assertThat(Duration.between(before, setup.clock.instant())).as("until the first permit is 10 s old")
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aConfiguredLimitReplacesTheDeclaredOne() {
        Setup setup = new Setup();
        setup.account("plivo:us", "0.001").declaring(PLIVO_PUBLISHED);
        setup.account("twilio:work", "0.002");
        setup.settings.put("plivo:us", AccountSettings.ofDefaults().withRateLimit(RateLimit.of(1, Duration.ofMinutes(1))));
        Router router = setup.router();

        router.send(sms(US, "a"));
        Delivery second = router.send(sms(US, "b"));

        assertThat(((Delivery.Sent) second).account()).isEqualTo(AccountId.parse("twilio:work"));
    }

    @Test
    void honoursRetryAfterPerAccount() {
        Setup setup = new Setup();
        FakeConnector plivo = setup.account("plivo:us", "0.001")
                .failingWith(Failure.of(FailureKind.RATE_LIMITED, "429").withRetryAfter(Duration.ofSeconds(10)));
        FakeConnector twilio = setup.account("twilio:work", "0.002");
        Router router = setup.router();

        assertThat(((Delivery.Sent) router.send(sms(US, "a"))).account()).isEqualTo(twilio.account());
        Delivery during = router.send(sms(US, "b"));
        assertThat(during.attempts()).extracting(Attempt::outcome)
                .containsExactly(AttemptOutcome.SKIPPED_RETRY_AFTER, AttemptOutcome.ACCEPTED);
        assertThat(plivo.vendorCalls()).isEqualTo(1);

        setup.clock.advance(Duration.ofSeconds(10));
        assertThat(((Delivery.Sent) router.send(sms(US, "c"))).account()).isEqualTo(plivo.account());
    }

    @Test
    void waitsForRetryAfterWhenNoOneElseCan() {
        Setup setup = new Setup();
        FakeConnector plivo = setup.account("plivo:us", "0.001")
                .failingWith(Failure.of(FailureKind.RATE_LIMITED, "429").withRetryAfter(Duration.ofSeconds(3)));
        var before = setup.clock.instant();

        Delivery delivery = setup.router().send(sms(US, "a"));

        assertThat(delivery).isInstanceOf(Delivery.Sent.class);
        assertThat(plivo.vendorCalls()).isEqualTo(2);
        assertThat(Duration.between(before, setup.clock.instant())).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void theInMemoryBudgetGivesEachPermitBackOnePeriodAfterItWasGranted() {
        MutableClock clock = new MutableClock();
        InMemoryRateLimitBudgets budgets = new InMemoryRateLimitBudgets(clock);
        AccountId plivo = AccountId.parse("plivo");
        RateLimit limit = RateLimit.of(3, Duration.ofSeconds(3));

        for (int i = 0; i < 3; i++) {
            assertThat(budgets.tryAcquire(plivo, limit).granted()).isTrue();
            clock.advance(Duration.ofMillis(500));
        }
        RateLimitBudgets.Permit denied = budgets.tryAcquire(plivo, limit);
        assertThat(denied.granted()).isFalse();
        assertThat(denied.retryIn()).as("the first permit is 1.5 s old").isEqualTo(Duration.ofMillis(1500));
        clock.advance(Duration.ofMillis(1500));
        assertThat(budgets.tryAcquire(plivo, limit).granted()).isTrue();
        assertThat(budgets.tryAcquire(plivo, limit).granted()).isFalse();
        clock.advance(Duration.ofMillis(500));
        assertThat(budgets.tryAcquire(plivo, limit).granted()).isTrue();
        assertThat(budgets.tryAcquire(AccountId.parse("twilio"), limit).granted()).as("budgets are per account")
                .isTrue();
    }

    /** A vendor counting "N per period" over a rolling window never sees more, however the requests come. */
    @Property(tries = 200)
    void noPeriodEverHoldsMoreThanTheBudget(@ForAll @IntRange(min = 1, max = 20) int permits,
            @ForAll @IntRange(min = 1, max = 2_000) int periodMillis,
            @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 400) Integer> gapsMillis) {
        MutableClock clock = new MutableClock();
        InMemoryRateLimitBudgets budgets = new InMemoryRateLimitBudgets(clock);
        RateLimit limit = RateLimit.of(permits, Duration.ofMillis(periodMillis));
        List<Instant> granted = new ArrayList<>();
        for (int gap : gapsMillis) {
            clock.advance(Duration.ofMillis(gap));
            RateLimitBudgets.Permit permit = budgets.tryAcquire(AccountId.parse("plivo"), limit);
            if (permit.granted()) {
                granted.add(clock.instant());
            } else {
                assertThat(permit.retryIn()).isPositive().isLessThanOrEqualTo(limit.period());
            }
        }
        for (int last = 0, first = 0; last < granted.size(); last++) {
            while (!granted.get(first).plus(limit.period()).isAfter(granted.get(last))) {
                first++;
            }
            assertThat(last - first + 1).as("grants within one period").isLessThanOrEqualTo(permits);
        }
    }

    @Test
    void aChangedLimitKeepsTheMostRecentGrants() {
        MutableClock clock = new MutableClock();
        InMemoryRateLimitBudgets budgets = new InMemoryRateLimitBudgets(clock);
        AccountId plivo = AccountId.parse("plivo");
        for (int i = 0; i < 4; i++) {
            assertThat(budgets.tryAcquire(plivo, RateLimit.of(4, Duration.ofSeconds(10))).granted()).isTrue();
        }
        assertThat(budgets.tryAcquire(plivo, RateLimit.of(2, Duration.ofSeconds(10))).granted()).isFalse();
        assertThat(budgets.tryAcquire(plivo, RateLimit.of(6, Duration.ofSeconds(10))).granted()).isTrue();
    }
}
