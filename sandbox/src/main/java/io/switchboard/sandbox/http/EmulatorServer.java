package io.switchboard.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP server on 127.0.0.1 and an ephemeral port, with a bounded pool of handler threads, that records every
 * request in {@link RequestStats}, applies the {@link Faults} script and hands the rest to one {@link Handler}.
 * {@link #close()} stops the server and waits for every handler thread, including those held by a hang fault.
 */
public final class EmulatorServer implements AutoCloseable {
  static {
    // The JDK server reads this property once, when its ServerConfig class initializes, which happens on the
    // first HttpServer created in the JVM; this initializer runs before ours creates one. Without TCP_NODELAY a
    // small response can wait ~40 ms for the client's delayed ACK (Nagle), hiding every real cost in a benchmark.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    // The JDK server closes a connection as soon as a response ends when 200 others are idle already, a cap no
    // vendor's front end has: the client, which keeps that connection for its next send, then meets a closed socket
    // after writing the request (an outcome unknown). Several hundred sends in flight from a fleet reached it.
    if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
      System.setProperty("sun.net.httpserver.maxIdleConnections", "100000");
    }
  }

  /** Handler threads when none is configured. */
  public static final int DEFAULT_THREADS = 32;

  private static final AtomicInteger SERIAL = new AtomicInteger();
  private static final String PROXY_PAGE = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
      + "<body><h1>502 Bad Gateway</h1><p>The upstream server did not answer in time.</p><hr>"
      + "<address>edge-proxy</address></body></html>\n";
  private static final String TRUNCATED_JSON = "{\"id\": \"4b1c7e0a\", \"status\": \"queu";

  private final String name;
  private final int threads;
  private final Faults faults;
  private final RequestStats stats;
  private final Handler handler;
  private final String threadPrefix;
  private final List<Thread> handlerThreads = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private ThreadPoolExecutor executor;
  private volatile boolean closed;
  private InetSocketAddress downAt;
  private volatile String controlPrefix;
  private volatile Handler control;

  public EmulatorServer(String name, int threads, Faults faults, RequestStats stats, Handler handler) {
    if (threads < 1) {
      throw new IllegalArgumentException("'threads' must be at least 1, got " + threads);
    }
    this.name = Objects.requireNonNull(name, "name");
    this.threads = threads;
    this.faults = Objects.requireNonNull(faults, "faults");
    this.stats = Objects.requireNonNull(stats, "stats");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.threadPrefix = "sandbox-" + name + "-" + SERIAL.incrementAndGet() + "-";
  }

  /**
   * Serves paths under {@code prefix} with {@code handler} before anything else: such requests are not counted in
   * {@link RequestStats} and meet no fault, so a test can script an emulator over HTTP without disturbing what it
   * measures. Call before {@link #start()}.
   */
  public void control(String prefix, Handler handler) {
    if (!prefix.startsWith("/") || prefix.endsWith("/")) {
      throw new IllegalArgumentException("'prefix' must start and not end with '/', got '" + prefix + "'");
    }
    this.control = Objects.requireNonNull(handler, "handler");
    this.controlPrefix = prefix;
  }

  /** Binds and starts serving; call once. */
  public synchronized EmulatorServer start() {
    if (server != null || closed) {
      throw new IllegalStateException("emulator '" + name + "' was already started");
    }
    AtomicInteger n = new AtomicInteger();
    executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, threadPrefix + n.incrementAndGet());
      t.setDaemon(true);
      handlerThreads.removeIf(old -> !old.isAlive());
      handlerThreads.add(t);
      return t;
    });
    executor.allowCoreThreadTimeOut(true);
    try {
      server = bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("cannot bind emulator '" + name + "' on loopback", e);
    }
    return this;
  }

  private HttpServer bind(InetSocketAddress address) throws IOException {
    HttpServer bound = HttpServer.create(address, 0);
    bound.createContext("/", this::exchange);
    bound.setExecutor(executor);
    bound.start();
    return bound;
  }

  /**
   * The process goes away, as under {@code kill -9}: the port refuses connections and every open connection is
   * dropped, answered or not (a handler already running finishes its work, whose answer is lost). What the emulator
   * holds (its records, its ledger) survives, as a vendor's database survives its front end's crash. Idempotent.
   */
  public synchronized void down() {
    if (server == null || closed) {
      throw new IllegalStateException("emulator '" + name + "' is not running");
    }
    if (downAt == null) {
      downAt = server.getAddress();
      server.stop(0);
    }
  }

  /** Serves again on the same port after {@link #down()}; idempotent. */
  public synchronized void up() {
    if (downAt == null) {
      return;
    }
    try {
      server = bind(downAt);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind emulator '" + name + "' again on " + downAt, e);
    }
    downAt = null;
  }

  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("emulator '" + name + "' is not started");
    }
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** Every handler thread's name starts with this, unique to this server. */
  public String threadNamePrefix() {
    return threadPrefix;
  }

  /** Stops accepting, drops open connections and held responses, and waits for every handler thread to end. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    faults.shutdown();
    if (server != null) {
      if (downAt == null) {
        server.stop(0);
      }
      executor.shutdownNow();
      try {
        // The pool reports termination while its last workers are still returning: join them too.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Thread t : handlerThreads) {
          if (t == Thread.currentThread()) {
            continue; // closed from a handler: this thread ends when the handler returns
          }
          t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
          if (t.isAlive()) {
            throw new IllegalStateException("handler thread " + t.getName() + " did not stop in 10 s");
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void exchange(HttpExchange ex) throws IOException {
    try {
      Request request = read(ex);
      Handler controlHandler = control;
      if (controlHandler != null && (request.path().equals(controlPrefix)
          || request.path().startsWith(controlPrefix + "/"))) {
        send(ex, invoke(controlHandler, request));
        return;
      }
      stats.record(request);
      Faults.Plan plan = faults.plan(request.method(), request.path());
      pause(plan.delay());
      Fault fault = plan.fault();
      if (fault instanceof Fault.Respond respond) {
        send(ex, respond.response());
        return;
      }
      if (fault instanceof Fault.HtmlPage page) {
        send(ex, Response.text(page.status(), "text/html; charset=utf-8", PROXY_PAGE));
        return;
      }
      if (fault instanceof Fault.EchoRequest echo) {
        send(ex, Response.text(echo.status(), "text/plain; charset=utf-8", echo(request)));
        return;
      }
      if (fault instanceof Fault.Reset reset && !reset.afterProcessing()) {
        throw new IOException("sandbox fault: connection reset before any response");
      }
      Response response = invoke(handler, request);
      if (fault == null) {
        send(ex, response);
      } else if (fault instanceof Fault.Reset) {
        sendTruncated(ex, response);
      } else if (fault instanceof Fault.Hang) {
        if (!faults.park()) {
          throw new IOException("sandbox fault: held response dropped as the emulator closes");
        }
        send(ex, response);
      } else if (fault instanceof Fault.MalformedJson malformed) {
        send(ex, Response.text(malformed.status(), Response.JSON, TRUNCATED_JSON));
      } else if (fault instanceof Fault.Drip drip) {
        sendDripping(ex, response, drip.perByte());
      } else {
        throw new IllegalStateException("unhandled fault " + fault);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("emulator '" + name + "' is closing", e);
    } finally {
      // After a partial write this closes the connection: the JDK closes it when a fixed-length body is cut short.
      ex.close();
    }
  }

  private static String echo(Request request) {
    StringBuilder text = new StringBuilder("proxy error; the request was:\n").append(request.method()).append(' ')
        .append(request.path()).append(request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery()).append('\n');
    request.headers().forEach((name, values) -> values.forEach(v -> text.append(name).append(": ").append(v)
        .append('\n')));
    return text.append('\n').append(new String(request.body(), StandardCharsets.UTF_8)).toString();
  }

  private static Response invoke(Handler target, Request request) {
    try {
      return target.handle(request);
    } catch (Halt halt) {
      return halt.response();
    } catch (MalformedRequestException e) {
      return Response.text(400, "text/plain; charset=utf-8", e.getMessage());
    } catch (RuntimeException e) {
      return Response.text(500, "text/plain; charset=utf-8", "emulator error: " + e);
    }
  }

  private static Request read(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    return new Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(),
        ex.getRequestHeaders(), body, ex.getRemoteAddress(), Map.of());
  }

  private static void headers(HttpExchange ex, Response response) {
    response.headers().forEach((k, v) -> ex.getResponseHeaders().put(k, new ArrayList<>(v)));
  }

  private static boolean mayHaveBody(HttpExchange ex, int status) {
    return !"HEAD".equals(ex.getRequestMethod()) && status >= 200 && status != 204 && status != 304;
  }

  private static void send(HttpExchange ex, Response response) throws IOException {
    headers(ex, response);
    int length = mayHaveBody(ex, response.status()) ? response.bodyLength() : 0;
    ex.sendResponseHeaders(response.status(), length == 0 ? -1 : length);
    if (length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(response.bodyUnsafe());
      }
    }
  }

  /** Announces the whole length (at least 64 bytes), sends a few bytes, then gives up on the connection. */
  private static void sendTruncated(HttpExchange ex, Response response) throws IOException {
    if (!mayHaveBody(ex, response.status())) {
      throw new IOException("sandbox fault: connection reset, a bodiless response dropped");
    }
    int announced = Math.max(response.bodyLength(), 64);
    byte[] part = Arrays.copyOf(response.bodyUnsafe(), 8);
    for (int i = response.bodyLength(); i < part.length; i++) {
      part[i] = ' ';
    }
    headers(ex, response);
    ex.sendResponseHeaders(response.status(), announced);
    OutputStream out = ex.getResponseBody();
    out.write(part);
    out.flush();
    throw new IOException("sandbox fault: connection reset mid-response");
  }

  private void sendDripping(HttpExchange ex, Response response, Duration perByte)
      throws IOException, InterruptedException {
    headers(ex, response);
    int length = mayHaveBody(ex, response.status()) ? response.bodyLength() : 0;
    ex.sendResponseHeaders(response.status(), length == 0 ? -1 : length);
    OutputStream out = ex.getResponseBody();
    out.flush();
    byte[] body = response.bodyUnsafe();
    for (int i = 0; i < length; i++) {
      pause(perByte);
      out.write(body[i]);
      out.flush();
    }
    out.close();
  }

  private void pause(Duration duration) throws InterruptedException {
    if (!duration.isZero()) {
      if (closed) {
        throw new InterruptedException("closing");
      }
      TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }
  }

  @Override
  public String toString() {
    return "EmulatorServer[" + name + (server == null ? "" : ", " + baseUrl()) + "]";
  }
}
