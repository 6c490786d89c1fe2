package io.switchboard.domain.pricing;

/** What one unit of a rate is. */
public enum RateUnit {
    /** One SMS segment (a concatenated message pays one per part). */
    SEGMENT,
    /** One started minute of a call. */
    MINUTE,
    /** One message, whatever its length (MMS, WhatsApp). */
    MESSAGE
}
