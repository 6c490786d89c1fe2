package io.switchboard.domain.number;

/** Optional data a lookup can ask for beyond validation (each may cost extra at the vendor). */
public enum LookupField {
    LINE_TYPE,
    CALLER_NAME
}
