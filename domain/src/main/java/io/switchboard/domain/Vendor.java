package io.switchboard.domain;

import java.util.regex.Pattern;

/**
 * A telecom API provider, named in lower case ({@code twilio}, {@code plivo}, {@code telnyx}). Open to new adapters:
 * any well-formed name is a vendor, the constants are only the ones this project ships.
 */
public record Vendor(String name) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public static final Vendor TWILIO = new Vendor("twilio");
    public static final Vendor PLIVO = new Vendor("plivo");
    public static final Vendor TELNYX = new Vendor("telnyx");

    public Vendor {
        Checks.notBlank(name, "vendor");
        if (!NAME.matcher(name).matches()) {
            throw SwitchboardException.invalid("vendor",
                    "must be lower-case letters, digits and '-', starting with a letter (at most 32), got "
                    + ErrorText.quote(name));
        }
    }

    public static Vendor of(String name) {
        return new Vendor(name == null ? null : name.trim().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public String toString() {
        return name;
    }
}
