package io.switchboard.sandbox.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable multi-map of decoded parameters from a query string or a form body, in arrival order. Repeated keys
 * keep every value ({@code MediaUrl=a&MediaUrl=b}) and keys are taken literally after decoding, so
 * {@code DateSent%3C}, {@code page[number]} and {@code filter[created_at][gte]} are plain keys.
 */
public final class Params {
  private static final Params EMPTY = new Params(Map.of());

  private final Map<String, List<String>> values;

  private Params(Map<String, List<String>> values) {
    this.values = values;
  }

  public static Params empty() {
    return EMPTY;
  }

  /** Parses {@code application/x-www-form-urlencoded} text ('+' is a space); a key without '=' has value "". */
  public static Params parse(String encoded) {
    if (encoded == null || encoded.isEmpty()) {
      return EMPTY;
    }
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = Percent.decode(eq < 0 ? pair : pair.substring(0, eq), true);
      String value = eq < 0 ? "" : Percent.decode(pair.substring(eq + 1), true);
      map.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    map.replaceAll((k, v) -> List.copyOf(v));
    return new Params(Collections.unmodifiableMap(map));
  }

  /** The first value of {@code name}, or null when absent. */
  public String first(String name) {
    List<String> all = values.get(name);
    return all == null ? null : all.get(0);
  }

  /** The first value of {@code name}, or {@code fallback} when absent. */
  public String first(String name, String fallback) {
    String value = first(name);
    return value == null ? fallback : value;
  }

  /** Every value of {@code name} in arrival order; empty when absent. */
  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** Parameter names in order of first appearance. */
  public Set<String> names() {
    return values.keySet();
  }

  public Map<String, List<String>> asMap() {
    return values;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
