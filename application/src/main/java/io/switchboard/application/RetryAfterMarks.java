package io.switchboard.application;

import io.switchboard.domain.AccountId;

import java.time.Instant;
import java.util.Optional;

/**
 * The Retry-After a vendor gave an account, kept until it passes. In memory now ({@link InMemoryRetryAfterMarks}); a
 * shared store can implement it so that one instance's 429 keeps the whole fleet away from the account. Never throws
 * for a store that cannot be reached.
 */
public interface RetryAfterMarks {

    /** Leaves {@code account} alone until {@code until}, or until a later mark already held. */
    void mark(AccountId account, Instant until);

    /** Until when the account is to be left alone; absent when it was never marked or the mark has passed. */
    Optional<Instant> until(AccountId account);
}
