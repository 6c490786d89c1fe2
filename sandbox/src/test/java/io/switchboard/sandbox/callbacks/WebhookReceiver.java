package io.switchboard.sandbox.callbacks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/** A loopback HTTP server that records what it receives and answers 200, or the statuses queued with answer(). */
public final class WebhookReceiver implements AutoCloseable {

  /** One request received; header names in lower case. */
  public record Hit(String method, String path, String query, Map<String, String> headers, byte[] body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The form body (or, for a GET, the query), decoded, in order. */
    public Map<String, String> form() {
      String raw = method.equals("GET") ? (query == null ? "" : query) : text();
      Map<String, String> form = new LinkedHashMap<>();
      for (String pair : raw.split("&")) {
        if (!pair.isEmpty()) {
          int eq = pair.indexOf('=');
          form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
      return form;
    }
  }

  private final HttpServer server;
  private final List<Hit> hits = new ArrayList<>();
  private final Deque<Integer> answers = new ArrayDeque<>();

  private WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext("/", ex -> {
      Map<String, String> headers = new LinkedHashMap<>();
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
      Hit hit = new Hit(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(),
          headers, ex.getRequestBody().readAllBytes());
      int status;
      synchronized (this) {
        status = answers.isEmpty() ? 200 : answers.poll();
        hits.add(hit);
        notifyAll();
      }
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
    server.start();
  }

  public static WebhookReceiver start() {
    try {
      return new WebhookReceiver();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:PORT} + {@code pathAndQuery}. */
  public String url(String pathAndQuery) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
  }

  /** The next requests get these statuses, in order; then 200 again. */
  public synchronized void answer(int... statuses) {
    for (int s : statuses) {
      answers.add(s);
    }
  }

  public synchronized List<Hit> hits() {
    return List.copyOf(hits);
  }

  /** Waits (at most 10 s) until at least {@code n} requests arrived; fails the test otherwise. */
  public synchronized List<Hit> await(int n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (hits.size() < n) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("expected " + n + " webhook requests in 10 s, got " + hits.size() + ": " + hits);
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return List.copyOf(hits);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
