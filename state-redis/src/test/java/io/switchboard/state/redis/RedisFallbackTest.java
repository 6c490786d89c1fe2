package io.switchboard.state.redis;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.RateLimit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Redis stopped under the stores and started again on the same port: a defined state, never an exception. */
class RedisFallbackTest {

    private static final AccountId ACCOUNT = AccountId.parse("plivo:outage");
    /** Nine per hour. */
    private static final RateLimit LIMIT = RateLimit.of(9, Duration.ofHours(1));
    /** Stands still, so that the local window of a third never refills during the test. */
    private static final Clock CLOCK = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);

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
    void whileRedisIsAwayEachInstanceGrantsItsShareAndSaysSoOnceThenSharesAgain() {
        RecordingLogger log = new RecordingLogger();
        try (RedisState state = RedisState.builder(redis.uri()).instances(3).clock(CLOCK)
                .probeInterval(Duration.ofMillis(50)).logger(log.logger()).build()) {
            RedisRateLimitBudgets budgets = state.budgets();
            RedisRetryAfterMarks marks = state.retryAfterMarks();
            Instant until = CLOCK.instant().plusSeconds(30);
            assertThat(budgets.acquire(ACCOUNT, LIMIT).shared()).as("Redis decides while it is there").isTrue();

            redis.stop();
            int granted = 0;
            for (int i = 0; i < 20; i++) {
                RedisRateLimitBudgets.Decision decision = budgets.acquire(ACCOUNT, LIMIT);
                assertThat(decision.shared()).isFalse();
                granted += decision.permit().granted() ? 1 : 0;
            }
            marks.mark(ACCOUNT, until);

            assertThat(granted).as("9 permits / 3 instances, from the local window").isEqualTo(3);
            assertThat(budgets.acquire(ACCOUNT, LIMIT).permit().retryIn()).as("the local window's own wait")
                    .isEqualTo(LIMIT.period());
            assertThat(marks.until(ACCOUNT)).as("the instance still honours what it was told").contains(until);
            assertThat(log.lines("WARN", "rate-limit budgets")).as("one line for the whole outage").hasSize(1);
            assertThat(log.lines("WARN", "Retry-After marks")).hasSize(1);
            assertThat(log.lines("WARN", "rate-limit budgets").get(0).text())
                    .contains(redis.uri(), "permits / 3");

            redis.restart();
            assertThat(eventually(() -> budgets.acquire(ACCOUNT, LIMIT).shared()))
                    .as("back on Redis once it answers").isTrue();
            assertThat(eventually(() -> {
                marks.until(ACCOUNT);
                return log.lines("INFO", "Retry-After marks").size() == 1;
            })).isTrue();

            assertThat(log.lines("INFO", "rate-limit budgets")).as("one line when it answers again").hasSize(1);
            assertThat(log.lines("WARN", "")).as("no more warnings after the first of each store").hasSize(2);
            try (RedisState other = RedisState.builder(redis.uri()).instances(3).clock(CLOCK).build()) {
                int shared = 1;
                for (int i = 0; i < 20; i++) {
                    RedisRateLimitBudgets.Decision decision = (i % 2 == 0 ? other.budgets() : budgets)
                            .acquire(ACCOUNT, LIMIT);
                    assertThat(decision.shared()).isTrue();
                    shared += decision.permit().granted() ? 1 : 0;
                }
                assertThat(shared).as("the restarted (empty) Redis holds the whole budget for both instances")
                        .isEqualTo(LIMIT.permits());
                Instant later = until.plusSeconds(30);
                other.retryAfterMarks().mark(ACCOUNT, later);
                assertThat(marks.until(ACCOUNT)).as("marks are shared again").contains(later);
            }
        }
    }

    @Test
    void aStoreNeverThrowsWhileRedisIsAway() {
        RecordingLogger log = new RecordingLogger();
        try (RedisState state = RedisState.builder(redis.uri()).clock(CLOCK).logger(log.logger()).build()) {
            redis.stop();
            try {
                AccountId account = AccountId.parse("twilio:away");
                assertThat(state.budgets().tryAcquire(account, LIMIT).granted()).isTrue();
                state.retryAfterMarks().mark(account, CLOCK.instant().plusSeconds(5));
                assertThat(state.retryAfterMarks().until(account)).isPresent();
                assertThat(log.lines("WARN", "")).hasSize(2);
            } finally {
                redis.restart();
            }
        }
    }

    @Test
    void aServerThatStopsAnsweringIsLeftAfterTheCommandTimeout() {
        RecordingLogger log = new RecordingLogger();
        AccountId account = AccountId.parse("telnyx:paused");
        try (RedisState state = RedisState.builder(redis.uri()).instances(2).clock(CLOCK)
                .commandTimeout(Duration.ofMillis(100)).probeInterval(Duration.ofMillis(50)).logger(log.logger())
                .build()) {
            assertThat(state.budgets().acquire(account, LIMIT).shared()).isTrue();
            // The server holds every command of every client for 3 s: connected, but silent.
            redis.commands().clientPause(3_000);

            RedisRateLimitBudgets.Decision during = state.budgets().acquire(account, LIMIT);

            assertThat(during.shared()).as("answered after 100 ms from the fallback, not after the pause by Redis")
                    .isFalse();
            assertThat(during.permit().granted()).as("9 / 2 = 4 local permits").isTrue();
            assertThat(log.lines("WARN", "RedisCommandTimeoutException")).hasSize(1);
            assertThat(eventually(() -> state.budgets().acquire(account, LIMIT).shared()))
                    .as("shared again once the pause ends").isTrue();
            assertThat(log.lines("INFO", "rate-limit budgets")).hasSize(1);
        }
    }

    /** Polls {@code condition} every 20 ms until it holds, within a generous bound; the reconnect decides when. */
    private static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
