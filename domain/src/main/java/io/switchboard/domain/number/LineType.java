package io.switchboard.domain.number;

/** The kind of line behind a number, as a lookup reports it. */
public enum LineType {
    MOBILE,
    LANDLINE,
    FIXED_VOIP,
    NON_FIXED_VOIP,
    TOLL_FREE,
    PREMIUM,
    SHARED_COST,
    PAGER,
    /** Not reported, or a value this version does not know. */
    UNKNOWN
}
