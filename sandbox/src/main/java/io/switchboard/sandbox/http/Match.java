package io.switchboard.sandbox.http;

import java.util.Locale;

/**
 * Which requests a fault or a rate limit applies to: a method (null: any) and a path prefix (null: any), compared
 * with the path as received.
 */
public record Match(String method, String pathPrefix) {
  /** Every request. */
  public static final Match ANY = new Match(null, null);

  public Match {
    method = method == null ? null : method.toUpperCase(Locale.ROOT);
  }

  /** Requests whose path starts with {@code prefix}, any method. */
  public static Match path(String prefix) {
    return new Match(null, prefix);
  }

  /** Requests with this method whose path starts with {@code prefix}. */
  public static Match of(String method, String prefix) {
    return new Match(method, prefix);
  }

  /** Requests with this method, any path. */
  public static Match method(String method) {
    return new Match(method, null);
  }

  public boolean test(String requestMethod, String path) {
    return (method == null || method.equalsIgnoreCase(requestMethod))
        && (pathPrefix == null || path.startsWith(pathPrefix));
  }

  public boolean test(Request request) {
    return test(request.method(), request.path());
  }
}
