package io.switchboard.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Machine output: trees of maps, lists, strings, numbers and booleans written by Moshi. Absent values are left out
 * rather than written as null; amounts of money are strings, so that no decimal is ever rounded through a double.
 */
final class Json {

    private static final JsonAdapter<Object> ADAPTER = new Moshi.Builder().build().adapter(Object.class);

    private Json() {
    }

    /** One JSON document, indented for people who read it. */
    static String pretty(Object tree) {
        return ADAPTER.indent("  ").toJson(tree);
    }

    /** One JSON document on one line. */
    static String line(Object tree) {
        return ADAPTER.toJson(tree);
    }

    static Obj obj() {
        return new Obj();
    }

    static <T> List<Object> list(Collection<T> items, Function<T, ?> view) {
        List<Object> out = new ArrayList<>(items.size());
        for (T item : items) {
            out.add(view.apply(item));
        }
        return out;
    }

    /** An ordered JSON object whose {@code put} skips nulls and empty optionals. */
    static final class Obj extends LinkedHashMap<String, Object> {

        private static final long serialVersionUID = 1L;

        Obj with(String key, Object value) {
            Object unwrapped = value;
            if (value instanceof Optional<?> optional) {
                unwrapped = optional.orElse(null);
            } else if (value instanceof OptionalInt optional) {
                unwrapped = optional.isPresent() ? optional.getAsInt() : null;
            }
            if (unwrapped != null) {
                put(key, unwrapped instanceof Enum<?> e ? e.name() : unwrapped);
            }
            return this;
        }

        <T> Obj with(String key, Optional<T> value, Function<T, ?> view) {
            value.ifPresent(v -> put(key, view.apply(v)));
            return this;
        }

        Obj withAll(Map<String, ?> values) {
            values.forEach(this::with);
            return this;
        }
    }
}
