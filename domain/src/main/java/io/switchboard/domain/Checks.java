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
