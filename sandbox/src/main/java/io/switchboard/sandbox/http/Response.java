package io.switchboard.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** An immutable HTTP response: status, case-insensitive headers and body bytes. */
public final class Response {
  public static final String JSON = "application/json; charset=utf-8";

  private final int status;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  private Response(int status, Map<String, List<String>> headers, byte[] body) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("'status' must be within 100-599, got " + status);
    }
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /** A response with no body. */
  public static Response of(int status) {
    return new Response(status, emptyHeaders(), new byte[0]);
  }

  /** 204 No Content. */
  public static Response noContent() {
    return of(204);
  }

  /** {@code body} (maps, lists, strings, numbers, booleans, public records) serialized by Moshi, nulls kept. */
  public static Response json(int status, Object body) {
    return text(status, JSON, Json.write(body));
  }

  public static Response text(int status, String contentType, String text) {
    return of(status).withBody(contentType, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A copy with {@code value} added to header {@code name}. */
  public Response withHeader(String name, String value) {
    Map<String, List<String>> copy = copyHeaders();
    copy.computeIfAbsent(name, k -> new ArrayList<>()).add(Objects.requireNonNull(value, "value"));
    return new Response(status, freeze(copy), body);
  }

  /** A copy with this body and Content-Type. */
  public Response withBody(String contentType, byte[] bytes) {
    Map<String, List<String>> copy = copyHeaders();
    copy.put("Content-Type", List.of(contentType));
    return new Response(status, freeze(copy), bytes.clone());
  }

  /** A copy with another status, same headers and body. */
  public Response withStatus(int newStatus) {
    return new Response(newStatus, headers, body);
  }

  public int status() {
    return status;
  }

  /** Header names are case-insensitive. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of header {@code name}, or null. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public byte[] body() {
    return body.clone();
  }

  int bodyLength() {
    return body.length;
  }

  byte[] bodyUnsafe() {
    return body;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "Response[" + status + ", " + body.length + " bytes]";
  }

  private Map<String, List<String>> copyHeaders() {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
    return copy;
  }

  private static Map<String, List<String>> emptyHeaders() {
    return Collections.unmodifiableMap(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
  }

  private static Map<String, List<String>> freeze(Map<String, List<String>> map) {
    map.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(map);
  }
}
