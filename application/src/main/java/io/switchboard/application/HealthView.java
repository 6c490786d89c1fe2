package io.switchboard.application;

import io.switchboard.domain.AccountId;

import java.time.Instant;

/** What the planner may read of account health: in-memory state, no I/O. */
interface HealthView {

    HealthView ALL_HEALTHY = new HealthView() {
        @Override
        public boolean circuitOpen(AccountId account, Instant now) {
            return false;
        }
    };

    /** Whether the breaker is open and its cooldown not over at {@code now} (a probe would be refused). */
    boolean circuitOpen(AccountId account, Instant now);
}
