package io.switchboard.domain;

import java.util.regex.Pattern;

/** A logical sender that routing maps to the numbers or sender IDs each account owns, by country. */
public record SenderPool(String name) implements Sender {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public SenderPool {
        Checks.notBlank(name, "sender pool");
        if (!NAME.matcher(name).matches()) {
            throw SwitchboardException.invalid("sender pool",
                    "must be letters, digits, '_', '.' or '-' (at most 64), got " + ErrorText.quote(name));
        }
    }

    @Override
    public String value() {
        return "pool:" + name;
    }

    @Override
    public String toString() {
        return value();
    }
}
