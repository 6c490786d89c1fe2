package io.switchboard.domain.message;

/** The character encoding an SMS travels in. */
public enum SmsEncoding {
    /** The GSM 03.38 7-bit default alphabet with its extension table. */
    GSM7,
    /** UTF-16 code units (UCS-2 on the wire), for any text GSM-7 cannot carry. */
    UCS2
}
