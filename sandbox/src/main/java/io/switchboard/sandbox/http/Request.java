package io.switchboard.sandbox.http;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One received HTTP request, fully read. Query, form and JSON views are parsed on first use; a malformed one throws
 * {@link MalformedRequestException}, which the emulator answers with its bad-request hook.
 */
public final class Request {
  private final String method;
  private final String path;
  private final String rawQuery;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final InetSocketAddress remoteAddress;
  private final Map<String, String> pathVars;
  private volatile Params query;
  private volatile Params form;

  Request(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body,
      InetSocketAddress remoteAddress, Map<String, String> pathVars) {
    this.method = method.toUpperCase(Locale.ROOT);
    this.path = Objects.requireNonNull(path, "path");
    this.rawQuery = rawQuery == null ? "" : rawQuery;
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = body;
    this.remoteAddress = remoteAddress;
    this.pathVars = Map.copyOf(pathVars);
  }

  Request withPathVars(Map<String, String> vars) {
    return new Request(method, path, rawQuery, headers, body, remoteAddress, vars);
  }

  /** Upper-case method name. */
  public String method() {
    return method;
  }

  /** The path as received, still percent-encoded, without the query. */
  public String path() {
    return path;
  }

  /** The decoded value of path variable {@code {name}} of the matched route ('+' stays '+'). */
  public String pathVar(String name) {
    String value = pathVars.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no path variable '" + name + "' in " + pathVars.keySet());
    }
    return value;
  }

  public Map<String, String> pathVars() {
    return pathVars;
  }

  /** The query string as received, without '?'; empty when there is none. */
  public String rawQuery() {
    return rawQuery;
  }

  public Params query() {
    Params parsed = query;
    if (parsed == null) {
      parsed = Params.parse(rawQuery);
      query = parsed;
    }
    return parsed;
  }

  /** Form parameters of an {@code application/x-www-form-urlencoded} body; empty for any other content type. */
  public Params form() {
    Params parsed = form;
    if (parsed == null) {
      String type = header("Content-Type");
      boolean isForm = type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
      parsed = isForm ? Params.parse(bodyText()) : Params.empty();
      form = parsed;
    }
    return parsed;
  }

  /** The body parsed as JSON into maps, lists, strings, Doubles, booleans and null; null for an empty body. */
  public Object json() {
    String text = bodyText();
    return text.isBlank() ? null : Json.read(text);
  }

  /** The body as a JSON object; an empty body is an empty object, anything but an object is malformed. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> jsonObject() {
    Object value = json();
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map)) {
      throw new MalformedRequestException("expected a JSON object, got " + value.getClass().getSimpleName());
    }
    return (Map<String, Object>) value;
  }

  /** The first value of header {@code name} (case-insensitive), or null. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Every header, names case-insensitive. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  public byte[] body() {
    return body.clone();
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The client's address and port: one pair per TCP connection. */
  public InetSocketAddress remoteAddress() {
    return remoteAddress;
  }

  /** Method and path only: headers may carry credentials and are never printed. */
  @Override
  public String toString() {
    return method + " " + path + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
  }
}
