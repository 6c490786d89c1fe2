package io.switchboard.domain;

/** What the caller accepts when a vendor's answer is lost: never twice (default), or at least once. */
public enum DeliveryGuarantee {
    /** An unknown outcome stops failover and is reported as unknown: a message is never accepted twice. */
    AT_MOST_ONCE,
    /** An unknown outcome fails over: the message gets through, possibly twice. */
    AT_LEAST_ONCE
}
