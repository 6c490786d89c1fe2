package io.switchboard.state.redis;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.RateLimit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class RedisRateLimitBudgetsTest {

    private static EmbeddedRedis redis;

    @BeforeAll
    static void startRedis() {
        redis = EmbeddedRedis.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    /**
     * Three instances (three clients, three connections), twelve threads, one account, for three periods: every
     * grant is stamped with the server time the script read, and no span of the period holds more than the budget.
     */
    @Test
    void threeInstancesTogetherNeverExceedTheBudgetInAnySpanOfThePeriod() throws Exception {
        AccountId account = AccountId.parse("plivo:fleet");
        RateLimit limit = RateLimit.of(100, Duration.ofSeconds(2));
        long periodMicros = 2_000_000L;
        List<RedisState> instances = List.of(RedisState.connect(redis.uri()), RedisState.connect(redis.uri()),
                RedisState.connect(redis.uri()));
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            ConcurrentLinkedQueue<Long> grants = new ConcurrentLinkedQueue<>();
            AtomicInteger[] perInstance = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
            AtomicInteger fallbacks = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            long end = redis.timeMicros() + 3 * periodMicros + 200_000L;
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int instance = t % instances.size();
                RedisRateLimitBudgets budgets = instances.get(instance).budgets();
                workers.add(pool.submit(() -> {
                    go.await();
                    while (true) {
                        RedisRateLimitBudgets.Decision decision = budgets.acquire(account, limit);
                        if (!decision.shared()) {
                            fallbacks.incrementAndGet();
                            continue;
                        }
                        if (decision.permit().granted()) {
                            grants.add(decision.serverMicros());
                            perInstance[instance].incrementAndGet();
                        }
                        if (decision.serverMicros() >= end) {
                            return null;
                        }
                    }
                }));
            }
            go.countDown();
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }

            assertThat(fallbacks).as("every decision came from Redis").hasValue(0);
            long[] times = grants.stream().mapToLong(Long::longValue).sorted().toArray();
            for (int i = 0; i + limit.permits() < times.length; i++) {
                long span = times[i + limit.permits()] - times[i];
                assertThat(span).as("grants %d and %d (of %d) are %d µs apart: %d grants within one period",
                                i, i + limit.permits(), times.length, span, limit.permits() + 1)
                        .isGreaterThanOrEqualTo(periodMicros);
            }
            assertThat(times.length).as("over three periods and more, the whole budget came back every period")
                    .isGreaterThanOrEqualTo(3 * limit.permits());
            for (AtomicInteger granted : perInstance) {
                assertThat(granted.get()).as("each instance took part of the budget").isPositive();
            }
        } finally {
            pool.shutdownNow();
            instances.forEach(RedisState::close);
        }
    }

    @Test
    void aDenialSaysExactlyWhenTheOldestGrantLeavesTheWindow() throws InterruptedException {
        AccountId account = AccountId.parse("twilio:retry-in");
        RateLimit limit = RateLimit.of(3, Duration.ofSeconds(1));
        try (RedisState first = RedisState.connect(redis.uri()); RedisState second = RedisState.connect(redis.uri())) {
            long oldest = first.budgets().acquire(account, limit).serverMicros();
            assertThat(second.budgets().acquire(account, limit).permit().granted()).isTrue();
            assertThat(first.budgets().acquire(account, limit).permit().granted()).isTrue();

            RedisRateLimitBudgets.Decision denied = second.budgets().acquire(account, limit);

            assertThat(denied.permit().granted()).as("three of three taken by two instances").isFalse();
            assertThat(denied.permit().retryIn()).as("one period after the oldest grant, on the server's clock")
                    .isEqualTo(Duration.of(oldest + 1_000_000L - denied.serverMicros(), ChronoUnit.MICROS));

            RedisRateLimitBudgets.Decision next = await(() -> second.budgets().acquire(account, limit));
            assertThat(next.serverMicros()).as("the next permit comes once the oldest grant is a period old")
                    .isGreaterThanOrEqualTo(oldest + 1_000_000L);
        }
    }

    @Test
    void theWindowExpiresOnePeriodAfterItsLastGrant() {
        AccountId account = AccountId.parse("telnyx:expiry");
        try (RedisState state = RedisState.connect(redis.uri())) {
            state.budgets().tryAcquire(account, RateLimit.of(5, Duration.ofSeconds(30)));

            long ttl = redis.commands().pttl(RedisState.DEFAULT_KEY_PREFIX + "budget:" + account);

            assertThat(ttl).isBetween(25_000L, 30_000L);
        }
    }

    @Test
    void aServerThatLostTheScriptIsSentItAgainWithoutFallingBack() {
        AccountId account = AccountId.parse("plivo:noscript");
        RateLimit limit = RateLimit.of(2, Duration.ofMinutes(1));
        try (RedisState state = RedisState.connect(redis.uri())) {
            assertThat(state.budgets().acquire(account, limit).permit().granted()).isTrue();
            redis.commands().scriptFlush();

            RedisRateLimitBudgets.Decision after = state.budgets().acquire(account, limit);

            assertThat(after.shared()).as("NOSCRIPT answered with EVAL, not the fallback").isTrue();
            assertThat(after.permit().granted()).isTrue();
            RedisRateLimitBudgets.Decision third = state.budgets().acquire(account, limit);
            assertThat(third.shared()).isTrue();
            assertThat(third.permit().granted()).as("the same window as before the flush: two of two taken").isFalse();
        }
    }

    /** Asks again until a permit is granted (about one second here), within a generous bound. */
    private static RedisRateLimitBudgets.Decision await(Supplier<RedisRateLimitBudgets.Decision> ask)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            RedisRateLimitBudgets.Decision decision = ask.get();
            if (decision.permit().granted()) {
                return decision;
            }
            // Asking again only when the answer says a permit may be there; the server decides whether it is.
            Thread.sleep(Math.min(50, Math.max(1, decision.permit().retryIn().toMillis())));
        }
        throw new AssertionError("no permit within 10 s");
    }
}
