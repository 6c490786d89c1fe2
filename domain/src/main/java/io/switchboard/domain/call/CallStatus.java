package io.switchboard.domain.call;

/** A call's status, unified across vendors; the vendor's raw status is kept beside it on {@link Call}. */
public enum CallStatus {
    QUEUED(false),
    RINGING(false),
    IN_PROGRESS(false),
    COMPLETED(true),
    BUSY(true),
    NO_ANSWER(true),
    FAILED(true),
    CANCELED(true),
    /** A vendor status this version does not know; the raw value says what it was. */
    UNKNOWN(false);

    private final boolean terminal;

    CallStatus(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean isTerminal() {
        return terminal;
    }
}
