package io.switchboard.application;

/** What one attempt of a delivery came to. */
public enum AttemptOutcome {
    /** The vendor accepted the request. */
    ACCEPTED(true),
    /** The vendor (or the connection) failed with a known outcome: nothing was accepted. */
    FAILED(true),
    /** The request may have been accepted: a timeout after it was sent, or an unexpected error from the adapter. */
    OUTCOME_UNKNOWN(true),
    /** Skipped without a network call: the account's circuit breaker is open. */
    SKIPPED_CIRCUIT_OPEN(false),
    /** Skipped without a network call: the client-side rate limit of the account has no permit left. */
    SKIPPED_RATE_LIMITED(false),
    /** Skipped without a network call: the vendor asked us to wait (Retry-After) and the wait is not over. */
    SKIPPED_RETRY_AFTER(false),
    /** Not tried: the overall deadline of the chain passed. */
    SKIPPED_DEADLINE(false);

    private final boolean calledVendor;

    AttemptOutcome(boolean calledVendor) {
        this.calledVendor = calledVendor;
    }

    public boolean calledVendor() {
        return calledVendor;
    }
}
