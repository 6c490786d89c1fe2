package io.switchboard.domain.account;

/** Whether a vendor account can be used. */
public enum AccountStatus {
    ACTIVE,
    SUSPENDED,
    CLOSED,
    UNKNOWN
}
