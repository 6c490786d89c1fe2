package io.switchboard.domain.message;

/** A message's status, unified across vendors; each vendor's raw status is kept beside it on {@link Message}. */
public enum MessageStatus {
    QUEUED(false),
    SENDING(false),
    SENT(false),
    DELIVERED(true),
    UNDELIVERED(true),
    FAILED(true),
    RECEIVED(true),
    REJECTED(true),
    EXPIRED(true),
    /** A vendor status this version does not know; the raw value says what it was. */
    UNKNOWN(false);

    private final boolean terminal;

    MessageStatus(boolean terminal) {
        this.terminal = terminal;
    }

    /** Whether the status can no longer change. */
    public boolean isTerminal() {
        return terminal;
    }
}
