package io.switchboard.domain.port;

/** A capability a provider connector may offer, one per port. */
public enum Capability {
    MESSAGING,
    VOICE,
    NUMBERS,
    ACCOUNT,
    PRICING,
    RECORDINGS,
    USAGE,
    LOOKUP
}
