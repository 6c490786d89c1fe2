package io.switchboard.domain.callback;

/**
 * What a vendor's delivery error says failed, which decides whether another provider may do better. Each adapter
 * classifies its vendor's codes (the table is in docs/lifecycle.md).
 */
public enum ErrorClass {
    /** The route, the carrier or the sender failed (filtering, unregistered sender, no route): another provider may deliver. */
    ROUTE,
    /** The destination itself cannot receive it (invalid, landline, unknown subscriber): no provider can fix it. */
    DESTINATION,
    /** The recipient opted out of messages from this sender or account. */
    OPTED_OUT,
    /** A code this version does not classify, or no code: never re-sent. */
    UNCLASSIFIED
}
