package io.switchboard.domain.message;

/** How a message travels. */
public enum Channel {
    SMS,
    MMS,
    WHATSAPP
}
