package io.switchboard.sandbox.http;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what one emulator received, faulted or not: requests in total, per path and per method and path, and the
 * distinct client endpoints seen, and keeps the most recent requests for inspection.
 *
 * <p>The JDK server offers no hook on accepted sockets, so {@link #connections()} counts distinct remote
 * address:port pairs among received requests. Each TCP connection has its own client port and a client does not
 * reuse a port while the old connection lingers in TIME_WAIT, so this is the number of connections that carried at
 * least one request; a connection opened and closed without a request is not seen.
 */
public final class RequestStats {
  /** How many recent requests {@link #recent()} keeps. */
  public static final int RECENT_LIMIT = 1000;

  private final LongAdder total = new LongAdder();
  private final Map<String, LongAdder> byPath = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> byMethodAndPath = new ConcurrentHashMap<>();
  private final Set<InetSocketAddress> endpoints = ConcurrentHashMap.newKeySet();
  private final ArrayDeque<Request> recent = new ArrayDeque<>();

  void record(Request request) {
    total.increment();
    byPath.computeIfAbsent(request.path(), k -> new LongAdder()).increment();
    byMethodAndPath.computeIfAbsent(request.method() + " " + request.path(), k -> new LongAdder()).increment();
    if (request.remoteAddress() != null) {
      endpoints.add(request.remoteAddress());
    }
    synchronized (recent) {
      if (recent.size() == RECENT_LIMIT) {
        recent.removeFirst();
      }
      recent.addLast(request);
    }
  }

  public long total() {
    return total.sum();
  }

  /** Requests to exactly this path (as received, without query), any method. */
  public long count(String path) {
    LongAdder n = byPath.get(path);
    return n == null ? 0 : n.sum();
  }

  public long count(String method, String path) {
    LongAdder n = byMethodAndPath.get(method.toUpperCase(Locale.ROOT) + " " + path);
    return n == null ? 0 : n.sum();
  }

  /** Counts keyed by {@code "METHOD /path"}, sorted. */
  public Map<String, Long> byMethodAndPath() {
    Map<String, Long> out = new TreeMap<>();
    byMethodAndPath.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** Distinct client address:port pairs seen: the connections that carried a request (see the class comment). */
  public int connections() {
    return endpoints.size();
  }

  /** Up to {@link #RECENT_LIMIT} most recent requests, oldest first. */
  public List<Request> recent() {
    synchronized (recent) {
      return List.copyOf(recent);
    }
  }

  /** The most recent request, or null. */
  public Request last() {
    synchronized (recent) {
      return recent.peekLast();
    }
  }

  /** Forgets everything counted so far. */
  public void reset() {
    synchronized (recent) {
      total.reset();
      byPath.clear();
      byMethodAndPath.clear();
      endpoints.clear();
      recent.clear();
    }
  }
}
