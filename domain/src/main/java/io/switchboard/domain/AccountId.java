package io.switchboard.domain;

import java.util.regex.Pattern;

/**
 * One configured provider account: a vendor plus a name ({@code twilio:work}). Every vendor has a {@code default}
 * account, and a bare vendor name means it.
 */
public record AccountId(Vendor vendor, String name) implements Comparable<AccountId> {

    public static final String DEFAULT_NAME = "default";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public AccountId {
        Checks.required(vendor, "account vendor");
        Checks.notBlank(name, "account name");
        if (!NAME.matcher(name).matches()) {
            throw SwitchboardException.invalid("account name",
                    "must be letters, digits, '_', '.' or '-' (at most 64), got " + ErrorText.quote(name));
        }
    }

    public static AccountId of(Vendor vendor, String name) {
        return new AccountId(vendor, name);
    }

    /** Parses {@code vendor:name}, or a bare vendor name for its default account. */
    public static AccountId parse(String text) {
        Checks.notBlank(text, "account");
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            return new AccountId(Vendor.of(trimmed), DEFAULT_NAME);
        }
        if (colon == 0 || colon == trimmed.length() - 1) {
            throw SwitchboardException.invalid("account", "must look like 'vendor:name', got " + ErrorText.quote(text));
        }
        return new AccountId(Vendor.of(trimmed.substring(0, colon)), trimmed.substring(colon + 1));
    }

    @Override
    public int compareTo(AccountId other) {
        int byVendor = vendor.name().compareTo(other.vendor.name());
        return byVendor != 0 ? byVendor : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return vendor.name() + ":" + name;
    }
}
