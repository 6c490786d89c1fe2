package io.switchboard.sandbox.callbacks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The callbacks of one emulator: delivery status callbacks shaped by the scripted {@link Outcomes}, and inbound
 * messages, sent asynchronously on the emulator's own two threads (never on a request's handler thread) with the
 * JDK's HTTP client, retried as {@link CallbackSettings} says, and recorded attempt by attempt.
 *
 * <p>A message's callbacks go out one after another, each (with its retries) finished before the next starts, so
 * that a scripted order is the order of arrival. The stored message moves in step: each step's store update runs
 * just before its callback is sent, and never backwards (when the final callback goes first, the store is final
 * from then on, and the late {@code sent} callback does not undo it).
 */
public final class Callbacks implements AutoCloseable {
  /** At most this many attempts are kept; the oldest go first. */
  public static final int MAX_RECORDS = 10_000;

  /** One HTTP request; {@code body} goes as the query string for a GET. */
  public record Post(String url, String method, String contentType, byte[] body, Map<String, String> headers) {
    public Post {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(method, "method");
      headers = Map.copyOf(headers);
    }
  }

  /**
   * One callback as the vendor sends it, rendered afresh for each attempt (1, 2 ...): Telnyx counts attempts in its
   * body and Plivo draws a new nonce, while what identifies the callback ({@code token}) stays.
   */
  public record Callback(String event, String status, String token, IntFunction<Post> render) {}

  /** A step of a message's life: the store update, and the callback that reports it. */
  public record Step(Runnable apply, Callback callback) {}

  private final String vendor;
  private final Clock clock;
  private final Outcomes outcomes = new Outcomes();
  private final List<CallbackRecord> records = new CopyOnWriteArrayList<>();
  private final List<Run> held = new ArrayList<>();
  private final AtomicInteger threads = new AtomicInteger();
  private volatile CallbackSettings settings = CallbackSettings.ofDefaults();
  private ScheduledThreadPoolExecutor scheduler;
  private ExecutorService clientThreads;
  private HttpClient client;
  private int active;
  private boolean closed;

  public Callbacks(String vendor, Clock clock) {
    this.vendor = Objects.requireNonNull(vendor, "vendor");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Outcomes outcomes() {
    return outcomes;
  }

  public CallbackSettings settings() {
    return settings;
  }

  /** Applies to attempts made from now on. */
  public void settings(CallbackSettings value) {
    settings = Objects.requireNonNull(value, "settings");
  }

  /**
   * The outcome a message to {@code destination} meets, if it has a life after the send: when the send named a
   * callback URL or a test scripted an outcome for the destination. Otherwise empty, and the emulator leaves the
   * message as it always did.
   */
  public Optional<Outcome> lifecycle(String destination, String callbackUrl) {
    Optional<Outcome> scripted = outcomes.scripted(destination);
    return callbackUrl == null ? scripted : Optional.of(scripted.orElseGet(Outcome::delivered));
  }

  /**
   * Runs a message's life: {@code steps} in their natural order (e.g. sent, then delivered), reordered, repeated,
   * held, delayed or kept silent as {@code outcome} says; {@code url} null sends nothing but still moves the store.
   */
  public void start(String messageId, String url, Outcome outcome, List<Step> steps) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      order.add(i);
    }
    int last = steps.size() - 1;
    if (outcome.outOfOrder() && steps.size() >= 2) {
      order.set(last - 1, last);
      order.set(last, last - 1);
    }
    if (outcome.duplicated() && last >= 0) {
      order.add(order.indexOf(last) + 1, last);
    }
    Run run = new Run(messageId, "status", outcome.silent() ? null : url, List.copyOf(steps), order);
    launch(run, outcome.held(), outcome.delay());
  }

  /** Sends one callback (an inbound message) to {@code url} at once, with retries. */
  public void send(String messageId, String url, Callback callback) {
    launch(new Run(messageId, "inbound", Objects.requireNonNull(url, "url"),
        List.of(new Step(() -> { }, callback)), List.of(0)), false, Duration.ZERO);
  }

  /** Every attempt so far, oldest first. */
  public List<CallbackRecord> records() {
    return List.copyOf(records);
  }

  /** The attempts about {@code messageId}, oldest first. */
  public List<CallbackRecord> records(String messageId) {
    return records.stream().filter(r -> r.messageId().equals(messageId)).toList();
  }

  /** Messages whose callbacks wait for {@link #release()}. */
  public synchronized int heldCount() {
    return held.size();
  }

  /** Lets every held message's callbacks go; returns how many messages were held. */
  public int release() {
    return release(null);
  }

  /** Lets the held callbacks of {@code messageId} (null: of every message) go; returns how many messages. */
  public synchronized int release(String messageId) {
    List<Run> going = held.stream().filter(r -> messageId == null || r.messageId.equals(messageId)).toList();
    held.removeAll(going);
    for (Run run : going) {
      active++;
      executor().execute(() -> advance(run));
    }
    return going.size();
  }

  /**
   * Waits until no callback is due or being sent (held ones aside): every message's callbacks, with their retries,
   * are finished. False on timeout.
   */
  public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (active > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
    }
    return true;
  }

  /** Drops held and pending callbacks and stops the threads; waits up to 5 s for an attempt in flight. */
  @Override
  public void close() {
    ScheduledThreadPoolExecutor s;
    ExecutorService c;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      held.clear();
      active = 0;
      notifyAll();
      s = scheduler;
      c = clientThreads;
    }
    if (s != null) {
      s.shutdownNow();
      c.shutdownNow();
      try {
        s.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private synchronized void launch(Run run, boolean hold, Duration delay) {
    if (closed) {
      return;
    }
    if (hold) {
      held.add(run);
      return;
    }
    active++;
    if (delay.isZero()) {
      executor().execute(() -> advance(run));
    } else {
      executor().schedule(() -> advance(run), delay.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private synchronized ScheduledThreadPoolExecutor executor() {
    if (scheduler == null) {
      scheduler = new ScheduledThreadPoolExecutor(2, r -> {
        Thread t = new Thread(r, "sandbox-" + vendor + "-callbacks-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      scheduler.setRemoveOnCancelPolicy(true);
      clientThreads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sandbox-" + vendor + "-callbacks-http-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads)
          .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(settings.timeout()).build();
    }
    return scheduler;
  }

  /** Sends the run's next callback, or finishes it. */
  private void advance(Run run) {
    while (run.position < run.order.size()) {
      int index = run.order.get(run.position);
      for (int i = run.applied + 1; i <= index; i++) {
        run.steps.get(i).apply().run();
      }
      run.applied = Math.max(run.applied, index);
      if (run.url != null) {
        attempt(run, 1);
        return;
      }
      run.position++;
    }
    finished();
  }

  private void attempt(Run run, int attempt) {
    Callback callback = run.steps.get(run.order.get(run.position)).callback();
    Post post = callback.render().apply(attempt);
    CallbackSettings now = settings;
    int answer = 0;
    String failure = null;
    if (now.loopbackOnly() && !isLoopback(post.url())) {
      failure = "not sent: the sandbox sends callbacks to loopback addresses only";
    } else {
      try {
        answer = client.send(request(post, now.timeout()), HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException | IllegalArgumentException e) {
        failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return; // closing
      }
    }
    record(new CallbackRecord(run.messageId, run.kind, callback.event(), callback.status(), post.url(),
        post.method(), attempt, answer, failure, callback.token(), clock.instant()));
    boolean done = (answer >= 200 && answer < 300) || attempt >= now.maxAttempts()
        || (failure != null && failure.startsWith("not sent"));
    try {
      if (done) {
        run.position++;
        executor().execute(() -> advance(run));
      } else {
        executor().schedule(() -> attempt(run, attempt + 1), now.backoffAfter(attempt).toNanos(),
            TimeUnit.NANOSECONDS);
      }
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closed meanwhile: the rest of the run is dropped
    }
  }

  private static HttpRequest request(Post post, Duration timeout) {
    boolean get = post.method().equalsIgnoreCase("GET");
    String url = post.url();
    if (get && post.body() != null && post.body().length > 0) {
      url += (url.contains("?") ? "&" : "?") + new String(post.body(), java.nio.charset.StandardCharsets.UTF_8);
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
    post.headers().forEach(b::header);
    if (get) {
      return b.GET().build();
    }
    if (post.contentType() != null) {
      b.header("Content-Type", post.contentType());
    }
    return b.method(post.method().toUpperCase(java.util.Locale.ROOT),
        HttpRequest.BodyPublishers.ofByteArray(post.body() == null ? new byte[0] : post.body())).build();
  }

  private void record(CallbackRecord record) {
    records.add(record);
    while (records.size() > MAX_RECORDS) {
      records.remove(0);
    }
  }

  private synchronized void finished() {
    if (active > 0) {
      active--;
    }
    notifyAll();
  }

  static boolean isLoopback(String url) {
    try {
      String host = URI.create(url).getHost();
      if (host == null) {
        return false;
      }
      if (host.equalsIgnoreCase("localhost")) {
        return true;
      }
      String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      // Only literals: no name is looked up, so nothing leaves the machine to find out.
      if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
        return false;
      }
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (IllegalArgumentException | UnknownHostException e) {
      return false;
    }
  }

  /** One message's callbacks on their way. Touched by one thread at a time (each step hands over to the next). */
  private static final class Run {
    final String messageId;
    final String kind;
    final String url;
    final List<Step> steps;
    final List<Integer> order;
    int position;
    int applied = -1;

    Run(String messageId, String kind, String url, List<Step> steps, List<Integer> order) {
      this.messageId = messageId;
      this.kind = kind;
      this.url = url;
      this.steps = steps;
      this.order = order;
    }
  }
}
