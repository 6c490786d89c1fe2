package io.switchboard.sandbox.callbacks;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Outcomes scripted per destination prefix ({@code +44}, {@code +4477009}); the longest prefix that matches a
 * destination wins, and a destination no prefix matches is {@link Outcome#delivered()}. Thread-safe.
 */
public final class Outcomes {
  private static final Pattern PREFIX = Pattern.compile("\\+?[0-9]{1,15}");

  private final TreeMap<String, Outcome> byPrefix = new TreeMap<>();

  /** Scripts {@code outcome} for destinations starting with {@code prefix} (digits, with or without '+'). */
  public synchronized Outcomes set(String prefix, Outcome outcome) {
    byPrefix.put(normalize(prefix), Objects.requireNonNull(outcome, "outcome"));
    return this;
  }

  public synchronized boolean remove(String prefix) {
    return byPrefix.remove(normalize(prefix)) != null;
  }

  public synchronized void clear() {
    byPrefix.clear();
  }

  /** Every scripted prefix (with '+') and its outcome, sorted by prefix. */
  public synchronized Map<String, Outcome> all() {
    return Map.copyOf(byPrefix);
  }

  /** The outcome scripted for {@code destination} (E.164, '+' optional), if a prefix matches it. */
  public synchronized Optional<Outcome> scripted(String destination) {
    String number = "+" + digits(destination);
    String best = null;
    for (String prefix : byPrefix.keySet()) {
      if (number.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return Optional.ofNullable(best).map(byPrefix::get);
  }

  /** The outcome for {@code destination}: the longest matching prefix's, or delivered. */
  public Outcome forDestination(String destination) {
    return scripted(destination).orElseGet(Outcome::delivered);
  }

  private static String normalize(String prefix) {
    if (prefix == null || !PREFIX.matcher(prefix.trim()).matches()) {
      throw new IllegalArgumentException("'prefix' must be 1 to 15 digits with an optional '+', got '" + prefix + "'");
    }
    return "+" + digits(prefix);
  }

  private static String digits(String number) {
    String n = number == null ? "" : number.trim();
    int colon = n.indexOf(':');
    n = colon >= 0 ? n.substring(colon + 1) : n;
    return n.startsWith("+") ? n.substring(1) : n;
  }
}
