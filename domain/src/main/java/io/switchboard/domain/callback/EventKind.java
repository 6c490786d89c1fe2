package io.switchboard.domain.callback;

/** What a vendor callback reports. */
public enum EventKind {
    /** A status change of a message this account sent. */
    MESSAGE_STATUS,
    /** A status change of a call this account placed. */
    CALL_STATUS,
    /** A message someone sent to one of this account's numbers. */
    INBOUND_MESSAGE
}
