package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Marks for one instance. A mark that has passed is no longer answered but stays in memory until a later one replaces
 * it: one instant per account that was ever rate limited.
 */
public final class InMemoryRetryAfterMarks implements RetryAfterMarks {

    private final Clock clock;
    private final ConcurrentMap<AccountId, Instant> marks = new ConcurrentHashMap<>();

    /** Marks whose end is judged on {@code clock}, the router's. */
    public InMemoryRetryAfterMarks(Clock clock) {
        this.clock = Checks.required(clock, "clock");
    }

    @Override
    public void mark(AccountId account, Instant until) {
        Checks.required(account, "account");
        Checks.required(until, "until");
        marks.merge(account, until, (held, given) -> held.isAfter(given) ? held : given);
    }

    @Override
    public Optional<Instant> until(AccountId account) {
        Checks.required(account, "account");
        Instant until = marks.get(account);
        return until != null && until.isAfter(clock.instant()) ? Optional.of(until) : Optional.empty();
    }
}
