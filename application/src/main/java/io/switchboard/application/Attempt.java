package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Failure;
import io.switchboard.domain.Sender;

import java.time.Duration;
import java.util.Optional;

/**
 * One step of a delivery: an account tried (or skipped without a network call), what came of it, and how long it
 * took by the router's clock.
 *
 * @param from the concrete sender used, absent when the account was skipped before a sender mattered
 * @param failure why it did not succeed; absent for {@link AttemptOutcome#ACCEPTED}
 */
public record Attempt(
        AccountId account,
        AttemptOutcome outcome,
        Optional<Sender> from,
        Optional<Failure> failure,
        Duration latency) {

    public Attempt {
        Checks.required(account, "account");
        Checks.required(outcome, "outcome");
        from = from == null ? Optional.empty() : from;
        failure = failure == null ? Optional.empty() : failure;
        latency = latency == null ? Duration.ZERO : latency;
    }

    /** Whether a request reached the vendor in this step (skips never do). */
    public boolean calledVendor() {
        return outcome.calledVendor();
    }
}
