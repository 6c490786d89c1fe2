package io.switchboard.domain;

import java.util.Collection;
import java.util.List;

/** Argument checks that fail with an {@link FailureKind#INVALID_REQUEST} naming the field, never a NullPointerException. */
public final class Checks {

    private Checks() {
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw SwitchboardException.invalid(field, "is required");
        }
        return value;
    }

    public static String notBlank(String value, String field) {
        if (value == null) {
            throw SwitchboardException.invalid(field, "is required");
        }
        if (value.isBlank()) {
            throw SwitchboardException.invalid(field, "must not be blank");
        }
        return value;
    }

    /**
     * A credential (token, key, id) as it must be to travel in an HTTP header: printable ASCII without spaces. The
     * error names the field and the position of the first bad character and never shows the value, which may be a
     * secret.
     */
    public static String credential(String value, String field) {
        notBlank(value, field);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw SwitchboardException.invalid(field, "must be printable ASCII without spaces, but character "
                        + (i + 1) + " of " + value.length() + " is " + describe(c) + " (the value is not shown)");
            }
        }
        return value;
    }

    private static String describe(char c) {
        return switch (c) {
            case ' ' -> "a space";
            case '\t' -> "a tab";
            case '\n' -> "a line feed";
            case '\r' -> "a carriage return";
            default -> c < 0x20 || c == 0x7f ? "a control character" : "not ASCII";
        };
    }

    /** An unmodifiable copy of the list, rejecting a null list element with its index. */
    public static <T> List<T> listOf(Collection<? extends T> values, String field) {
        if (values == null) {
            return List.of();
        }
        int i = 0;
        for (T value : values) {
            if (value == null) {
                throw SwitchboardException.invalid(field + "[" + i + "]", "is required");
            }
            i++;
        }
        return List.copyOf(values);
    }

    public static int positive(int value, String field) {
        if (value <= 0) {
            throw SwitchboardException.invalid(field, "must be positive, got " + value);
        }
        return value;
    }
}
