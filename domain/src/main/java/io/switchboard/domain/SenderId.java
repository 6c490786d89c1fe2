package io.switchboard.domain;

/** An alphanumeric sender ID: 1 to 11 characters, ASCII letters, digits and spaces, at least one letter. */
public record SenderId(String value) implements Sender {

    public static final int MAX_LENGTH = 11;

    public SenderId {
        Checks.required(value, "sender ID");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw SwitchboardException.invalid("sender ID",
                    "must be 1 to " + MAX_LENGTH + " characters, got " + value.length() + " in "
                    + ErrorText.quote(value));
        }
        boolean letter = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean isLetter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!isLetter && !(c >= '0' && c <= '9') && c != ' ') {
                throw SwitchboardException.invalid("sender ID",
                        "may hold only letters, digits and spaces, got " + ErrorText.quote(c) + " at " + i + " in "
                        + ErrorText.quote(value));
            }
            letter |= isLetter;
        }
        if (!letter) {
            throw SwitchboardException.invalid("sender ID", "must contain at least one letter, got "
                    + ErrorText.quote(value));
        }
    }

    public static SenderId of(String value) {
        return new SenderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
