package io.switchboard.config;

import io.switchboard.domain.ErrorText;
import io.switchboard.domain.SwitchboardException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A cursor over parsed YAML that knows its key path, so every error can say where it is. */
final class Node {

    /** The longest key path shown in an error; real ones are a few dozen characters. */
    private static final int MAX_PATH = 200;

    private final String path;
    private final Object value;

    Node(String path, Object value) {
        this.path = path;
        this.value = value;
    }

    String path() {
        return path;
    }

    boolean isScalar() {
        return value != null && !(value instanceof Map) && !(value instanceof List);
    }

    boolean isMissing() {
        return value == null;
    }

    /**
     * An error at this key path. Keys and values come from the file, so the path is escaped and the values the
     * reason quotes are escaped and cut ({@link ErrorText#requote}): the message stays one line of bounded length.
     */
    SwitchboardException error(String reason) {
        String shown = path.length() <= MAX_PATH ? path : path.substring(0, MAX_PATH) + "...";
        return SwitchboardException.invalid(path.isEmpty() ? "(root)" : ErrorText.oneLine(shown),
                ErrorText.requote(reason));
    }

    Node get(String key) {
        return new Node(path.isEmpty() ? key : path + "." + key, map().get(key));
    }

    Map<String, Object> map() {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> raw)) {
            throw error("must be a mapping, got " + describe());
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        raw.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    /** Rejects keys outside {@code allowed}, naming the first unknown one. */
    Node onlyKeys(Set<String> allowed) {
        for (String key : map().keySet()) {
            if (!allowed.contains(key)) {
                throw get(key).error("is not a known key here; expected one of " + new java.util.TreeSet<>(allowed));
            }
        }
        return this;
    }

    List<Node> list() {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> raw)) {
            throw error("must be a list, got " + describe());
        }
        List<Node> items = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            items.add(new Node(path + "[" + i + "]", raw.get(i)));
        }
        return items;
    }

    List<Node> entries() {
        List<Node> entries = new ArrayList<>();
        map().forEach((k, v) -> entries.add(new Node(path.isEmpty() ? k : path + "." + k, v)));
        return entries;
    }

    /** The last key of the path: the entry's name in a mapping. */
    String key() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    String text() {
        if (value == null) {
            throw error("is required");
        }
        if (value instanceof Map || value instanceof List) {
            throw error("must be a single value, got " + describe());
        }
        String text = String.valueOf(value).trim();
        if (text.isEmpty()) {
            throw error("must not be empty");
        }
        return text;
    }

    Optional<String> optionalText() {
        return value == null ? Optional.empty() : Optional.of(text());
    }

    int positiveInt() {
        String text = text();
        try {
            int n = Integer.parseInt(text);
            if (n <= 0) {
                throw error("must be a positive whole number, got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw error("must be a positive whole number, got '" + text + "'");
        }
    }

    private String describe() {
        return value instanceof Map ? "a mapping" : value instanceof List ? "a list"
                : ErrorText.quote(String.valueOf(value));
    }
}
