package io.switchboard.application;

/** Why the planner left an account out of a route plan. */
public enum ExclusionReason {
    /** The account has no port for the product (no messaging port for a message, no voice port for a call). */
    CAPABILITY_MISSING,
    /** The sender pool has no number or sender ID on this account usable for the destination country. */
    NO_SENDER,
    /** The request names a concrete sender that this account does not own. */
    SENDER_NOT_OWNED,
    /** The account's circuit breaker is open and its cooldown is not over. */
    CIRCUIT_OPEN,
    /**
     * No rate for the destination: no deck, no matching prefix, vendor prices not loaded (yet), or a failed pricing
     * request, whose failure (with its real kind) is {@link Exclusion#failure()}.
     */
    UNPRICED,
    /** The account prices in another currency and the policy has no converter for it. */
    CURRENCY_MISMATCH,
    /** The quote is above the policy's maximum price per message. */
    ABOVE_PRICE_CAP,
    /** A per-country allow or deny list of the policy excludes the account. */
    COUNTRY_RULE,
    /** The policy pins another account. */
    NOT_PINNED,
    /** A limit of the vendor or account, such as a text with more segments than it accepts. */
    VENDOR_LIMIT
}
