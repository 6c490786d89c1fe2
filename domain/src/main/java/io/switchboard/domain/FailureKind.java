package io.switchboard.domain;

/**
 * Why a vendor call failed, and what routing may do about it. The fail-over verdict is behaviour of the kind itself,
 * so that no routing code needs its own table of kinds.
 */
public enum FailureKind {
    /** Malformed number, empty or too long text: no provider would accept it. */
    INVALID_REQUEST(false, false),
    /** The destination (country, network, number type) is not enabled on this account. */
    DESTINATION_NOT_SUPPORTED(true, false),
    /** Bad or revoked credentials. */
    AUTHENTICATION(true, true),
    /** The account's balance is exhausted. */
    INSUFFICIENT_FUNDS(true, true),
    /** The vendor said "too many requests" (HTTP 429). */
    RATE_LIMITED(true, false),
    /** Connection refused, or a 5xx before the vendor accepted the request. */
    UNAVAILABLE(true, false),
    /** The request may have been accepted (timeout after it was written): sending again may send twice. */
    OUTCOME_UNKNOWN(false, false),
    /** An unknown id. */
    NOT_FOUND(false, false),
    /**
     * An operation this vendor or account does not offer (a channel, inline call markup): another account may offer
     * it, so routing fails over.
     */
    UNSUPPORTED(true, false),
    /**
     * This account cannot make the request at all (a credential that cannot go into a header, say): nothing reached
     * the vendor, another account may be tried, and this one is left out until its configuration is fixed.
     */
    CONFIGURATION(true, true),
    /**
     * The recipient opted out (a STOP to any account, or a vendor's opted-out error): no account may send to the
     * number until it opts in again, so routing neither calls a vendor nor fails over.
     */
    OPTED_OUT(false, false);

    private final boolean failsOver;
    private final boolean marksAccountUnhealthy;

    FailureKind(boolean failsOver, boolean marksAccountUnhealthy) {
        this.failsOver = failsOver;
        this.marksAccountUnhealthy = marksAccountUnhealthy;
    }

    /**
     * Whether another account may be tried after this failure under the given guarantee. An unknown outcome fails
     * over only when the caller accepted that a message may arrive twice.
     */
    public boolean failsOver(DeliveryGuarantee guarantee) {
        if (guarantee == null) {
            throw SwitchboardException.invalid("guarantee", "is required");
        }
        return this == OUTCOME_UNKNOWN ? guarantee == DeliveryGuarantee.AT_LEAST_ONCE : failsOver;
    }

    /** Whether the account itself is broken (credentials, funds, configuration), not just this one request. */
    public boolean marksAccountUnhealthy() {
        return marksAccountUnhealthy;
    }

    /** Whether the vendor may have accepted the request even though the caller saw a failure. */
    public boolean outcomeKnown() {
        return this != OUTCOME_UNKNOWN;
    }
}
