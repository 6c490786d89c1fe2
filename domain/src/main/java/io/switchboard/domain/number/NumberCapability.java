package io.switchboard.domain.number;

/** What an owned number can do. */
public enum NumberCapability {
    VOICE,
    SMS,
    MMS,
    FAX
}
