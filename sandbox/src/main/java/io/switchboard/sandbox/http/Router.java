package io.switchboard.sandbox.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps (method, path pattern) to handlers. Patterns are literal paths with {@code {name}} variables, each matching
 * one non-empty segment or part of one ({@code /Messages/{Sid}.json}). When several routes match, the one with the
 * fewest variables wins, then the first registered.
 */
public final class Router {
  private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

  /** Sorted by number of variables (stable, so registration order breaks ties); replaced whole on each add. */
  private volatile List<Route> routes = List.of();

  public Router get(String pattern, Handler handler) {
    return route("GET", pattern, handler);
  }

  public Router post(String pattern, Handler handler) {
    return route("POST", pattern, handler);
  }

  public Router put(String pattern, Handler handler) {
    return route("PUT", pattern, handler);
  }

  public Router delete(String pattern, Handler handler) {
    return route("DELETE", pattern, handler);
  }

  public Router route(String method, String pattern, Handler handler) {
    Objects.requireNonNull(handler, "handler");
    if (!pattern.startsWith("/")) {
      throw new IllegalArgumentException("'pattern' must start with '/', got '" + pattern + "'");
    }
    List<String> names = new ArrayList<>();
    StringBuilder regex = new StringBuilder();
    Matcher m = VARIABLE.matcher(pattern);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(pattern.substring(last, m.start()))).append("([^/]+)");
      if (names.contains(m.group(1))) {
        throw new IllegalArgumentException("variable {" + m.group(1) + "} appears twice in '" + pattern + "'");
      }
      names.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(pattern.substring(last)));
    Route route = new Route(method.toUpperCase(Locale.ROOT), pattern, Pattern.compile(regex.toString()),
        List.copyOf(names), handler);
    synchronized (this) {
      List<Route> next = new ArrayList<>(routes);
      next.add(route);
      next.sort(Comparator.comparingInt(r -> r.names().size()));
      routes = List.copyOf(next);
    }
    return this;
  }

  /** Finds the handler for {@code request}, and the request with its path variables decoded. */
  public Resolution resolve(Request request) {
    Set<String> allowed = new LinkedHashSet<>();
    Route best = null;
    Matcher bestMatch = null;
    for (Route route : routes) {
      Matcher m = route.regex().matcher(request.path());
      if (!m.matches()) {
        continue;
      }
      allowed.add(route.method());
      if (best == null && route.method().equals(request.method())) {
        best = route;
        bestMatch = m;
      }
    }
    if (best == null) {
      return new Resolution(null, request, Set.copyOf(allowed), null);
    }
    Map<String, String> vars = new LinkedHashMap<>();
    for (int i = 0; i < best.names().size(); i++) {
      vars.put(best.names().get(i), Percent.decode(bestMatch.group(i + 1), false));
    }
    return new Resolution(best.handler(), request.withPathVars(vars), Set.copyOf(allowed), best.pattern());
  }

  /**
   * The outcome of routing: a handler and the request with path variables when found; otherwise the methods that
   * the path does accept (empty: unknown path, 404; not empty: wrong method, 405).
   */
  public record Resolution(Handler handler, Request request, Set<String> allowedMethods, String pattern) {
    public boolean found() {
      return handler != null;
    }
  }

  private record Route(String method, String pattern, Pattern regex, List<String> names, Handler handler) {}
}
