package io.switchboard.domain;

/** Whether a message or call left through the account or arrived at it. */
public enum Direction {
    OUTBOUND,
    INBOUND,
    UNKNOWN
}
