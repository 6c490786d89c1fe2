package io.switchboard.sandbox.plivo;

import io.switchboard.sandbox.http.Request;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parameters of one Plivo request body (JSON, or a form as older clients send), read the way Plivo checks them:
 * every problem is a 400 with {@code {"api_id", "error"}} whose text starts with the parameter's name.
 */
final class PlivoParams {
  private static final Pattern IPV4 = Pattern.compile(
      "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]{2,39}");
  /** DTMF: digits, '*', '#', 'w' (half a second) and 'W' (one second), then an optional '@' tone length in ms. */
  static final Pattern DIGITS = Pattern.compile("[0-9*#wW]*[0-9*#][0-9*#wW]*(@[1-9][0-9]{0,4})?");
  static final Pattern SIP_HEADERS = Pattern.compile("[A-Za-z0-9]+=[A-Za-z0-9%]+(,[A-Za-z0-9]+=[A-Za-z0-9%]+)*");

  private final PlivoEmulator emulator;
  private final Map<String, Object> values;

  private PlivoParams(PlivoEmulator emulator, Map<String, Object> values) {
    this.emulator = emulator;
    this.values = values;
  }

  static PlivoParams of(PlivoEmulator emulator, Request request) {
    if (!request.form().isEmpty()) {
      Map<String, Object> form = new LinkedHashMap<>();
      request.form().names().forEach(n -> form.put(n, request.form().first(n)));
      return new PlivoParams(emulator, form);
    }
    return new PlivoParams(emulator, request.jsonObject());
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  /** Present with a JSON null (or an empty string): how a client asks to unset a link. */
  boolean isCleared(String name) {
    return values.containsKey(name) && (values.get(name) == null || "".equals(values.get(name)));
  }

  /** The value as sent (a string, number, boolean, list or null), untouched. */
  Object raw(String name) {
    return values.get(name);
  }

  /** The value as text, or null when absent, null or blank. */
  String text(String name) {
    String v = PlivoWire.text(values.get(name));
    return v == null || v.isBlank() ? null : v.trim();
  }

  String required(String name) {
    String v = text(name);
    if (v == null) {
      throw emulator.halt(400, name + " is a mandatory parameter");
    }
    return v;
  }

  /** An absolute http(s) URL, or null. */
  String url(String name) {
    String v = text(name);
    if (v == null) {
      return null;
    }
    if (!isUrl(v)) {
      throw emulator.halt(400, name + " must be a valid http(s) URL, got '" + v + "'");
    }
    return v;
  }

  static boolean isUrl(String v) {
    try {
      URI uri = URI.create(v);
      return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** GET or POST, upper case; {@code fallback} when absent. */
  String method(String name, String fallback) {
    String v = text(name);
    if (v == null) {
      return fallback;
    }
    String upper = v.toUpperCase(Locale.ROOT);
    if (!upper.equals("GET") && !upper.equals("POST")) {
      throw emulator.halt(400, name + " must be GET or POST, got '" + v + "'");
    }
    return upper;
  }

  /** true / false (JSON booleans, or the words in any case, as Plivo's "True"); null when absent. */
  Boolean bool(String name) {
    Object raw = values.get(name);
    if (raw == null) {
      return null;
    }
    if (raw instanceof Boolean b) {
      return b;
    }
    String v = raw.toString().trim().toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("false")) {
      return Boolean.valueOf(v);
    }
    throw emulator.halt(400, name + " must be true or false, got '" + raw + "'");
  }

  /** An integer from {@code min} to {@code max}, or null when absent. */
  Integer integer(String name, int min, int max) {
    String v = text(name);
    if (v == null) {
      return null;
    }
    int n;
    try {
      n = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw emulator.halt(400, name + " must be an integer, got '" + v + "'");
    }
    if (n < min || n > max) {
      throw emulator.halt(400, name + " must be between " + min + " and " + max + ", got " + n);
    }
    return n;
  }

  /** One of {@code allowed} (compared in lower case), or {@code fallback} when absent. */
  String oneOf(String name, Set<String> allowed, String fallback) {
    String v = text(name);
    if (v == null) {
      return fallback;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    if (!allowed.contains(lower)) {
      throw emulator.halt(400, name + " must be one of " + String.join(", ", allowed.stream().sorted().toList())
          + ", got '" + v + "'");
    }
    return lower;
  }

  /** A list given as a JSON array or as one comma-separated string; empty when absent. */
  List<String> list(String name) {
    Object raw = values.get(name);
    List<String> out = new ArrayList<>();
    if (raw instanceof List<?> list) {
      list.forEach(item -> out.add(PlivoWire.text(item)));
    } else if (raw != null) {
      for (String part : raw.toString().split(",")) {
        out.add(part.trim());
      }
    }
    out.removeIf(s -> s == null || s.isBlank());
    return out;
  }

  /**
   * Destinations as Plivo takes them ({@code to} of a call, {@code dst} of a message): one string with {@code <}
   * between destinations, or a JSON array of them, as the official plivo-java SDK sends a call's {@code to}. Blank
   * parts are left out; what each part is, the caller checks.
   */
  List<String> destinations(String name) {
    Object raw = values.get(name);
    List<String> out = new ArrayList<>();
    for (Object item : raw instanceof List<?> list ? list : Collections.singletonList(raw)) {
      String text = PlivoWire.text(item);
      if (text != null) {
        for (String part : text.split("<")) {
          if (!part.isBlank()) {
            out.add(part.trim());
          }
        }
      }
    }
    return out;
  }

  /** Comma-separated IP addresses, each checked. */
  List<String> ipSet(String name) {
    List<String> ips = list(name);
    for (String ip : ips) {
      if (!IPV4.matcher(ip).matches() && !(ip.contains(":") && IPV6.matcher(ip).matches())) {
        throw emulator.halt(400, name + " holds '" + ip + "', which is not an IP address");
      }
    }
    return ips;
  }

  /** Every present parameter as text, for the record a call keeps of how it was made. */
  Map<String, String> asText() {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      String t = PlivoWire.text(v);
      if (t != null) {
        out.put(k, t);
      }
    });
    return out;
  }
}
