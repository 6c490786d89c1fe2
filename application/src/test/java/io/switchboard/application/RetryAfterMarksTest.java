package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.switchboard.application.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterMarksTest {

    private static final AccountId PLIVO = AccountId.parse("plivo:us");

    @Test
    void theInMemoryMarksKeepTheLaterOneAndForgetItOnceItPassed() {
        MutableClock clock = new MutableClock();
        InMemoryRetryAfterMarks marks = new InMemoryRetryAfterMarks(clock);
        Instant later = clock.instant().plusSeconds(10);

        assertThat(marks.until(PLIVO)).as("never marked").isEmpty();
        marks.mark(PLIVO, later);
        marks.mark(PLIVO, clock.instant().plusSeconds(3));
        assertThat(marks.until(PLIVO)).as("an earlier mark does not shorten the wait").contains(later);
        assertThat(marks.until(AccountId.parse("twilio"))).as("marks are per account").isEmpty();

        clock.advance(Duration.ofSeconds(10));
        assertThat(marks.until(PLIVO)).as("a mark ending now has passed").isEmpty();
    }

    @Test
    void aRetryAfterOneRouterWasGivenKeepsAnotherRouterSharingTheMarksAway() {
        Setup first = new Setup();
        FakeConnector limited = first.account("plivo:us", "0.001")
                .failingWith(Failure.of(FailureKind.RATE_LIMITED, "429").withRetryAfter(Duration.ofSeconds(10)));
        first.account("twilio:work", "0.002");
        Setup second = new Setup();
        FakeConnector untouched = second.account("plivo:us", "0.001");
        FakeConnector other = second.account("twilio:work", "0.002");
        MutableClock clock = first.clock;
        RetryAfterMarks shared = new InMemoryRetryAfterMarks(clock);

        router(first, clock, shared).send(sms(US, "a"));
        Delivery during = router(second, clock, shared).send(sms(US, "b"));

        assertThat(limited.vendorCalls()).isEqualTo(1);
        assertThat(untouched.vendorCalls()).as("the second router never called the marked account").isZero();
        assertThat(((Delivery.Sent) during).account()).isEqualTo(other.account());
        assertThat(during.attempts()).extracting(Attempt::outcome)
                .containsExactly(AttemptOutcome.SKIPPED_RETRY_AFTER, AttemptOutcome.ACCEPTED);

        clock.advance(Duration.ofSeconds(10));
        Delivery after = router(second, clock, shared).send(sms(US, "c"));
        assertThat(((Delivery.Sent) after).account()).as("the mark passed").isEqualTo(untouched.account());
    }

    /** The setup's router on {@code clock}, keeping its Retry-After marks in {@code marks}. */
    private static Router router(Setup setup, MutableClock clock, RetryAfterMarks marks) {
        Router.Builder builder = Router.builder()
                .clock(clock)
                .sleeper(clock.sleeper())
                .meterRegistry(setup.meters)
                .prices(setup.prices.build())
                .senders(setup.pools.build())
                .policy(setup.policy)
                .breakers(setup.breakers)
                .retryAfterMarks(marks);
        setup.accounts.forEach((name, connector) -> builder.account(connector, AccountSettings.ofDefaults()));
        return builder.build();
    }
}
