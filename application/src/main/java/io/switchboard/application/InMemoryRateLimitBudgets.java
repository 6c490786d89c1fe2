package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.RateLimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Budgets for one instance, as a token bucket per account (the generic cell-rate algorithm): a full budget of
 * {@code permits} may be spent at once, then one permit comes back every {@code period / permits}. Time comes from
 * the injected clock, so tests drive it without sleeping.
 */
public final class InMemoryRateLimitBudgets implements RateLimitBudgets {

    private final Clock clock;
    /** Per account, the theoretical arrival time (epoch nanos) of the next request. */
    private final ConcurrentMap<AccountId, AtomicLong> arrivals = new ConcurrentHashMap<>();

    public InMemoryRateLimitBudgets(Clock clock) {
        this.clock = Checks.required(clock, "clock");
    }

    @Override
    public Permit tryAcquire(AccountId account, RateLimit limit) {
        Checks.required(account, "account");
        Checks.required(limit, "limit");
        long interval = Math.max(1, limit.period().toNanos() / limit.permits());
        long tolerance = limit.period().toNanos() - interval;
        AtomicLong arrival = arrivals.computeIfAbsent(account, a -> new AtomicLong(Long.MIN_VALUE));
        while (true) {
            long now = nanos(clock.instant());
            long expected = arrival.get();
            long base = Math.max(expected, now);
            long ahead = base - now;
            if (ahead > tolerance) {
                return Permit.deniedFor(Duration.ofNanos(ahead - tolerance));
            }
            if (arrival.compareAndSet(expected, base + interval)) {
                return Permit.GRANTED;
            }
        }
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
