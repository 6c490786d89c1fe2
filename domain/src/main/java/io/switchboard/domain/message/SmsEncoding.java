package io.switchboard.domain.message;

/** The character encoding an SMS travels in; printed as {@link #label()} ({@code GSM-7}, {@code UCS-2}) everywhere. */
public enum SmsEncoding {
    /** The GSM 03.38 7-bit default alphabet with its extension table. */
    GSM7("GSM-7"),
    /** UTF-16 code units (UCS-2 on the wire), for any text GSM-7 cannot carry. */
    UCS2("UCS-2");

    private final String label;

    SmsEncoding(String label) {
        this.label = label;
    }

    /** The name people and the standards write: {@code GSM-7}, {@code UCS-2}. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
