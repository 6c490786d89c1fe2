package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.RateLimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Budgets for one instance, as a sliding window per account: a permit is granted when fewer than {@code permits}
 * were granted in the {@code period} ending now, so no span of that length ever holds more, as a vendor counting
 * "N requests per period" over a rolling window sees it. The whole budget may go at once; each permit comes back one
 * period after it was granted. Time comes from the injected clock, so tests drive it without sleeping. Memory: the
 * last {@code permits} grant times per account.
 */
public final class InMemoryRateLimitBudgets implements RateLimitBudgets {

    private final Clock clock;
    private final ConcurrentMap<AccountId, Window> windows = new ConcurrentHashMap<>();

    public InMemoryRateLimitBudgets(Clock clock) {
        this.clock = Checks.required(clock, "clock");
    }

    @Override
    public Permit tryAcquire(AccountId account, RateLimit limit) {
        Checks.required(account, "account");
        Checks.required(limit, "limit");
        return windows.computeIfAbsent(account, a -> new Window()).tryAcquire(nanos(clock.instant()), limit);
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** The times of an account's most recent grants, in a ring whose next slot holds the oldest once full. */
    private static final class Window {
        private long[] grants = new long[0];
        private int next;
        private int count;

        synchronized Permit tryAcquire(long now, RateLimit limit) {
            if (grants.length != limit.permits()) {
                resize(limit.permits());
            }
            long period = limit.period().toNanos();
            if (count == grants.length) {
                long freeAt = grants[next] + period;
                if (freeAt > now) {
                    return Permit.deniedFor(Duration.ofNanos(freeAt - now));
                }
            }
            grants[next] = now;
            next = (next + 1) % grants.length;
            count = Math.min(count + 1, grants.length);
            return Permit.GRANTED;
        }

        /** A limit with another number of permits keeps the most recent grants that still fit. */
        private void resize(int permits) {
            long[] resized = new long[permits];
            int kept = Math.min(count, permits);
            for (int i = 0; i < kept; i++) {
                int from = Math.floorMod(next - kept + i, Math.max(1, grants.length));
                resized[i] = grants[from];
            }
            grants = resized;
            count = kept;
            next = kept % permits;
        }
    }
}
