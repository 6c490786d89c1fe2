package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.RateLimit;

import java.time.Duration;

/**
 * Client-side request budgets per account. In memory now ({@link InMemoryRateLimitBudgets}); a shared store can
 * implement it so that a fleet of instances shares one vendor budget. Never blocks.
 */
public interface RateLimitBudgets {

    /** Takes one permit of {@code account}'s budget under {@code limit}, if one is left. */
    Permit tryAcquire(AccountId account, RateLimit limit);

    /** Granted, or denied with the time until the next permit. */
    record Permit(boolean granted, Duration retryIn) {
        public static final Permit GRANTED = new Permit(true, Duration.ZERO);

        public Permit {
            Checks.required(retryIn, "retryIn");
        }

        public static Permit deniedFor(Duration retryIn) {
            return new Permit(false, retryIn);
        }
    }
}
