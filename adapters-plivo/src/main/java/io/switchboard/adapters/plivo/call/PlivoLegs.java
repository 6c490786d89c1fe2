package io.switchboard.adapters.plivo.call;

import io.switchboard.domain.SwitchboardException;

import java.util.Locale;

/** Which leg of a call an action reaches: the call itself (A), its bridged party in a Dial (B), or both. */
public enum PlivoLegs {
    ALEG, BLEG, BOTH;

    /** Plivo's word: {@code aleg}, {@code bleg}, {@code both}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Plivo's word back to a value, or INVALID_REQUEST naming {@code field}. */
    public static PlivoLegs parse(String value, String field) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (PlivoLegs legs : values()) {
            if (legs.name().equals(v)) {
                return legs;
            }
        }
        throw SwitchboardException.invalid(field, "must be aleg, bleg or both, got '" + value + "'");
    }
}
