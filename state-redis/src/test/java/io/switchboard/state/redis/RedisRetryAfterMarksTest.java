package io.switchboard.state.redis;

import io.switchboard.domain.AccountId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RedisRetryAfterMarksTest {

    private static EmbeddedRedis redis;

    @BeforeAll
    static void startRedis() {
        redis = EmbeddedRedis.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Test
    void aRetryAfterOneInstanceWasGivenKeepsAnotherAway() {
        AccountId account = AccountId.parse("twilio:seen");
        Instant until = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.MICROS);
        try (RedisState first = RedisState.connect(redis.uri()); RedisState second = RedisState.connect(redis.uri())) {
            assertThat(second.retryAfterMarks().until(account)).isEmpty();

            first.retryAfterMarks().mark(account, until);

            assertThat(second.retryAfterMarks().until(account)).contains(until);
            assertThat(second.retryAfterMarks().until(AccountId.parse("plivo:seen"))).as("marks are per account")
                    .isEmpty();
        }
    }

    @Test
    void theLaterMarkStaysWhicheverInstanceSetsTheEarlierOne() {
        AccountId account = AccountId.parse("plivo:later");
        Instant later = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MICROS);
        try (RedisState first = RedisState.connect(redis.uri()); RedisState second = RedisState.connect(redis.uri())) {
            first.retryAfterMarks().mark(account, later);
            second.retryAfterMarks().mark(account, later.minusSeconds(50));

            assertThat(first.retryAfterMarks().until(account)).contains(later);
            assertThat(second.retryAfterMarks().until(account)).contains(later);

            second.retryAfterMarks().mark(account, later.plusSeconds(5));
            assertThat(first.retryAfterMarks().until(account)).as("a later one replaces it").contains(later.plusSeconds(5));
        }
    }

    @Test
    void aMarkIsGoneFromRedisWhenItPasses() throws InterruptedException {
        AccountId account = AccountId.parse("telnyx:passing");
        String key = RedisState.DEFAULT_KEY_PREFIX + "retry-after:" + account;
        try (RedisState state = RedisState.connect(redis.uri())) {
            state.retryAfterMarks().mark(account, Instant.now().plusMillis(300));
            assertThat(redis.commands().pttl(key)).as("expires at the mark").isBetween(1L, 300L);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (redis.commands().exists(key) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertThat(redis.commands().exists(key)).as("the key expired").isZero();
            assertThat(state.retryAfterMarks().until(account)).isEmpty();
        }
    }

    @Test
    void aMarkThatHasPassedOnTheInstancesClockIsNotAnswered() {
        AccountId account = AccountId.parse("twilio:passed");
        Instant until = Instant.now().plusSeconds(30);
        Clock anHourLater = Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);
        try (RedisState marking = RedisState.connect(redis.uri());
             RedisState reading = RedisState.builder(redis.uri()).clock(anHourLater).build()) {
            marking.retryAfterMarks().mark(account, until);

            assertThat(reading.retryAfterMarks().until(account)).isEmpty();
        }
    }
}
