package io.switchboard.sandbox;

import io.switchboard.sandbox.callbacks.CallbackRecord;
import io.switchboard.sandbox.callbacks.CallbackSettings;
import io.switchboard.sandbox.callbacks.Callbacks;
import io.switchboard.sandbox.callbacks.Outcome;
import io.switchboard.sandbox.http.EmulatorServer;
import io.switchboard.sandbox.http.Fault;
import io.switchboard.sandbox.http.Faults;
import io.switchboard.sandbox.http.Halt;
import io.switchboard.sandbox.http.MalformedRequestException;
import io.switchboard.sandbox.http.Match;
import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.RequestStats;
import io.switchboard.sandbox.http.Response;
import io.switchboard.sandbox.http.Router;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The base of a vendor emulator: an HTTP server with faults, request stats, rate limits, a shared ledger, a rate
 * deck, owned numbers and seeded ids. A subclass registers its routes in {@link #routes(Router)}, renders errors in
 * the vendor's format in {@link #error(int, String)}, and may override authentication and the other hooks.
 *
 * <p>Each request goes: stats and faults (in the server), routing, {@link #authenticate(Request)}, 404 / 405
 * hooks, rate limits, then the route's handler. A handler may {@code throw new Halt(response)}; a malformed body
 * goes to {@link #badRequest(Request, String)} and any other exception to {@link #serverError(Request,
 * RuntimeException)}.
 */
public abstract class VendorEmulator implements AutoCloseable {
  private static final Map<Integer, String> REASONS = Map.of(400, "Bad request", 401, "Authentication failed",
      403, "Forbidden", 404, "Not found", 405, "Method not allowed", 429, "Too many requests",
      500, "Internal server error", 502, "Bad gateway", 503, "Service unavailable", 504, "Gateway timeout");

  private final String vendor;
  private final EmulatorConfig config;
  private final RateDeck deck;
  private final NumberInventory numbers;
  private final Ids ids;
  private final Faults faults = new Faults();
  private final RequestStats stats = new RequestStats();
  private final Router router = new Router();
  private final List<Limit> limits = new CopyOnWriteArrayList<>();
  private final Router control = new Router();
  private final Callbacks callbacks;
  private final EmulatorServer server;
  private boolean started;

  /** Uses the bundled rate deck and numbers of {@code vendor} ({@code twilio}, {@code plivo}, {@code telnyx}). */
  protected VendorEmulator(String vendor, EmulatorConfig config) {
    this(vendor, config, RateDeck.forVendor(vendor), NumberInventory.forVendor(vendor));
  }

  protected VendorEmulator(String vendor, EmulatorConfig config, RateDeck deck, NumberInventory numbers) {
    this.vendor = Objects.requireNonNull(vendor, "vendor");
    this.config = Objects.requireNonNull(config, "config");
    this.deck = Objects.requireNonNull(deck, "deck");
    this.numbers = Objects.requireNonNull(numbers, "numbers");
    this.ids = new Ids(config.seed() * 31 + vendor.hashCode());
    this.callbacks = new Callbacks(vendor, config.clock());
    this.server = new EmulatorServer(vendor, config.threads(), faults, stats, this::handle);
    this.server.control(CONTROL, this::handleControl);
  }

  /** The path under which every emulator serves its control API (no auth, no faults, not counted in stats). */
  public static final String CONTROL = "/__sandbox";

  /** Registers the vendor's routes; called once, by {@link #start()}. */
  protected abstract void routes(Router router);

  /** An error response in the vendor's own format (Twilio's code and more_info, Plivo's api_id, Telnyx's errors). */
  protected abstract Response error(int status, String message);

  /** Registers the routes and starts serving on 127.0.0.1; idempotent. */
  public synchronized VendorEmulator start() {
    if (!started) {
      routes(router);
      controlRoutes(control);
      controlRoutes(control, CONTROL);
      server.start();
      started = true;
    }
    return this;
  }

  /** {@code http://127.0.0.1:PORT}; starts the emulator if needed. */
  public final String baseUrl() {
    start();
    return server.baseUrl();
  }

  /** Stops the server and waits for every handler thread, including those held by {@link Fault#hang()}. */
  @Override
  public void close() {
    server.close();
    callbacks.close();
  }

  /**
   * Takes the emulator down as a crash would: connections refused, open ones dropped; its records and ledger are
   * kept for {@link #up()}, which serves them again on the same port. See {@link EmulatorServer#down()}.
   */
  public final void down() {
    start();
    server.down();
  }

  /** Serves again on the same port after {@link #down()}. */
  public final void up() {
    server.up();
  }

  public final String vendor() {
    return vendor;
  }

  public final Faults faults() {
    return faults;
  }

  public final RequestStats stats() {
    return stats;
  }

  public final Ledger ledger() {
    return config.ledger();
  }

  public final RateDeck deck() {
    return deck;
  }

  public final NumberInventory numbers() {
    return numbers;
  }

  public final Clock clock() {
    return config.clock();
  }

  /** The prefix of this emulator's handler thread names. */
  public final String threadNamePrefix() {
    return server.threadNamePrefix();
  }

  /**
   * Status callbacks and inbound messages: script outcomes per destination prefix with {@code
   * callbacks().outcomes().set("+44", Outcome.undelivered("30003"))}, release held callbacks, read the attempts.
   */
  public final Callbacks callbacks() {
    return callbacks;
  }

  /**
   * Delivers an inbound message (a phone texting one of the emulator's numbers {@code to}) to {@code url}, or, when
   * null, to the webhook the emulator has configured for that number; signed as the vendor signs. Returns the
   * message's id. Emulators without inbound messaging throw {@link UnsupportedOperationException}.
   */
  public String deliverInbound(String from, String to, String text, String url) {
    throw new UnsupportedOperationException(vendor + " emulator does not deliver inbound messages");
  }

  /** Adds vendor-specific control routes under {@code prefix} ({@link #CONTROL}). */
  protected void controlRoutes(Router router, String prefix) {}

  /** Fails the next {@code n} requests with {@code status} and the vendor's error body (Retry-After: 1 on 429). */
  public void failNext(int n, int status) {
    failNext(n, Match.ANY, status);
  }

  /** Fails the next {@code n} requests that {@code match} accepts; see {@link #failNext(int, int)}. */
  public void failNext(int n, Match match, int status) {
    Response response = error(status, REASONS.getOrDefault(status, "Error " + status));
    faults.next(n, match, Fault.respond(status == 429 ? response.withHeader("Retry-After", "1") : response));
  }

  /** Applies {@code limiter} to every routed request, keyed by {@link #rateLimitKey(Request)}. */
  public final void rateLimit(RateLimiter limiter) {
    rateLimit(Match.ANY, limiter);
  }

  /** Applies {@code limiter} to routed requests that {@code match} accepts; every applicable limit must pass. */
  public final void rateLimit(Match match, RateLimiter limiter) {
    limits.add(new Limit(Objects.requireNonNull(match, "match"), Objects.requireNonNull(limiter, "limiter")));
  }

  public final void clearRateLimits() {
    limits.clear();
  }

  /**
   * Checks credentials; a present response (the vendor's 401) is sent instead of routing further. Runs before the
   * 404 and 405 hooks too, so on an unrouted request {@link Request#pathVars()} is empty.
   */
  protected Optional<Response> authenticate(Request request) {
    return Optional.empty();
  }

  /** The key rate limits count under: "" (the whole emulator) unless overridden, e.g. with the account id. */
  protected String rateLimitKey(Request request) {
    return "";
  }

  protected Response notFound(Request request) {
    return error(404, "The requested resource " + request.path() + " was not found");
  }

  protected Response methodNotAllowed(Request request, Set<String> allowed) {
    return error(405, "Method " + request.method() + " not allowed on " + request.path())
        .withHeader("Allow", String.join(", ", allowed));
  }

  protected Response badRequest(Request request, String reason) {
    return error(400, reason);
  }

  protected Response serverError(Request request, RuntimeException cause) {
    return error(500, "Internal server error");
  }

  /** The vendor's 429; by default {@link #error(int, String)} with a Retry-After header in whole seconds. */
  protected Response rateLimited(Request request, RateLimiter.Decision decision) {
    return error(429, "Too many requests").withHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
  }

  /** Sent by {@link #accept(LedgerEntry.Draft)} when the deck has no rate for the destination. */
  protected Response destinationNotSupported(String to, Product product) {
    return error(400, "No " + product.name().toLowerCase(Locale.ROOT) + " route to " + to);
  }

  protected final Ids ids() {
    return ids;
  }

  /**
   * Bills and records an accepted message or call: units are the segments of the text (1 for MMS) or the call's
   * minutes, priced from the deck at the destination (any {@code whatsapp:}-style prefix ignored). Without a rate it
   * throws {@link Halt} with {@link #destinationNotSupported(String, Product)} and records nothing.
   */
  protected final LedgerEntry accept(LedgerEntry.Draft draft) {
    Objects.requireNonNull(draft.to, "'to' must be set on the draft");
    Product product = draft.kind == LedgerEntry.Kind.CALL ? Product.VOICE
        : "mms".equalsIgnoreCase(draft.channel) ? Product.MMS : Product.SMS;
    int units = switch (product) {
      case VOICE -> draft.minutes;
      case MMS -> 1;
      case SMS -> SmsSegments.segments(draft.text == null ? "" : draft.text);
    };
    String destination = draft.to.substring(draft.to.indexOf(':') + 1);
    RateDeck.Rate rate = deck.lookup(destination, product)
        .orElseThrow(() -> new Halt(destinationNotSupported(draft.to, product)));
    LedgerEntry entry = new LedgerEntry(draft.kind, vendor, draft.account, draft.id, draft.from, draft.to,
        draft.text, draft.clientReference, draft.channel, units, rate.times(units).toPlainString(), rate.currency(),
        Instant.now(config.clock()));
    config.ledger().record(entry);
    return entry;
  }

  private void controlRoutes(Router r) {
    r.get(CONTROL + "/callbacks", request -> {
      String id = request.query().first("message_id");
      List<CallbackRecord> list = id == null ? callbacks.records() : callbacks.records(id);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("callbacks", list.stream().map(CallbackRecord::toJson).toList());
      body.put("held", callbacks.heldCount());
      return Response.json(200, body);
    }).post(CONTROL + "/callbacks/release", request -> {
      Object id = body(request).get("message_id");
      return Response.json(200, Map.of("released", callbacks.release(id == null ? null : id.toString())));
    }).get(CONTROL + "/callbacks/settings", request -> Response.json(200, settingsJson(callbacks.settings())))
        .put(CONTROL + "/callbacks/settings", request -> {
          Map<String, Object> b = body(request);
          CallbackSettings now = callbacks.settings();
          CallbackSettings next = new CallbackSettings(
              b.containsKey("max_attempts") ? number(b, "max_attempts").intValue() : now.maxAttempts(),
              b.containsKey("backoff_ms") ? Duration.ofMillis(number(b, "backoff_ms").longValue()) : now.backoff(),
              b.containsKey("timeout_ms") ? Duration.ofMillis(number(b, "timeout_ms").longValue()) : now.timeout(),
              b.containsKey("loopback_only") ? Boolean.TRUE.equals(b.get("loopback_only")) : now.loopbackOnly());
          callbacks.settings(next);
          return Response.json(200, settingsJson(next));
        })
        .get(CONTROL + "/outcomes", request -> Response.json(200, Map.of("outcomes",
            callbacks.outcomes().all().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> outcomeJson(e.getKey(), e.getValue())).toList())))
        .post(CONTROL + "/outcomes", request -> {
          Map<String, Object> b = body(request);
          String prefix = text(b, "prefix");
          Outcome o = Outcome.of(text(b, "result"), b.get("error_code") == null ? null : b.get("error_code")
              .toString().replaceAll("\\.0$", ""));
          o = Boolean.TRUE.equals(b.get("out_of_order")) ? o.finalFirst() : o;
          o = Boolean.TRUE.equals(b.get("duplicated")) ? o.finalTwice() : o;
          o = Boolean.TRUE.equals(b.get("held")) ? o.heldUntilReleased() : o;
          o = Boolean.TRUE.equals(b.get("silent")) ? o.noCallbacks() : o;
          o = b.get("delay_ms") == null ? o : o.late(Duration.ofMillis(number(b, "delay_ms").longValue()));
          callbacks.outcomes().set(prefix, o);
          return Response.json(201, outcomeJson(prefix.startsWith("+") ? prefix : "+" + prefix, o));
        })
        .delete(CONTROL + "/outcomes", request -> {
          callbacks.outcomes().clear();
          return Response.noContent();
        })
        .delete(CONTROL + "/outcomes/{prefix}", request -> callbacks.outcomes().remove(request.pathVar("prefix"))
            ? Response.noContent() : controlError(404, "no outcome scripted for " + request.pathVar("prefix")))
        .post(CONTROL + "/inbound", request -> {
          Map<String, Object> b = body(request);
          Object url = b.get("url");
          String id = deliverInbound(text(b, "from"), text(b, "to"), text(b, "text"),
              url == null ? null : url.toString());
          return Response.json(202, Map.of("message_id", id));
        });
  }

  private Response handleControl(Request received) {
    Router.Resolution resolution = control.resolve(received);
    if (!resolution.found()) {
      return resolution.allowedMethods().isEmpty()
          ? controlError(404, "no control route " + received.method() + " " + received.path())
          : controlError(405, "allowed: " + String.join(", ", resolution.allowedMethods()));
    }
    try {
      return resolution.handler().handle(resolution.request());
    } catch (UnsupportedOperationException e) {
      return controlError(501, e.getMessage());
    } catch (IllegalArgumentException | MalformedRequestException | ClassCastException e) {
      return controlError(400, e.getMessage());
    }
  }

  private static Response controlError(int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    return Response.json(status, body);
  }

  private static Map<String, Object> body(Request request) {
    return request.body().length == 0 ? Map.of() : request.jsonObject();
  }

  private static String text(Map<String, Object> body, String name) {
    Object value = body.get(name);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException("'" + name + "' must be a non-blank string");
    }
    return s;
  }

  private static Number number(Map<String, Object> body, String name) {
    if (!(body.get(name) instanceof Number n)) {
      throw new IllegalArgumentException("'" + name + "' must be a number");
    }
    return n;
  }

  private static Map<String, Object> settingsJson(CallbackSettings s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("max_attempts", s.maxAttempts());
    m.put("backoff_ms", s.backoff().toMillis());
    m.put("timeout_ms", s.timeout().toMillis());
    m.put("loopback_only", s.loopbackOnly());
    return m;
  }

  private static Map<String, Object> outcomeJson(String prefix, Outcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("prefix", prefix);
    m.put("result", o.result().name().toLowerCase(Locale.ROOT));
    m.put("error_code", o.errorCode());
    m.put("out_of_order", o.outOfOrder());
    m.put("duplicated", o.duplicated());
    m.put("held", o.held());
    m.put("delay_ms", o.delay().toMillis());
    m.put("silent", o.silent());
    return m;
  }

  private Response handle(Request received) {
    Request request = received;
    try {
      Router.Resolution resolution = router.resolve(received);
      request = resolution.request();
      Optional<Response> denied = authenticate(request);
      if (denied.isPresent()) {
        return denied.get();
      }
      if (!resolution.found()) {
        return resolution.allowedMethods().isEmpty()
            ? notFound(request) : methodNotAllowed(request, resolution.allowedMethods());
      }
      for (Limit limit : limits) {
        if (limit.match().test(request)) {
          RateLimiter.Decision decision = limit.limiter().acquire(rateLimitKey(request));
          if (!decision.allowed()) {
            return rateLimited(request, decision);
          }
        }
      }
      return resolution.handler().handle(request);
    } catch (Halt halt) {
      return halt.response();
    } catch (MalformedRequestException e) {
      return badRequest(request, e.getMessage());
    } catch (RuntimeException e) {
      return serverError(request, e);
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + vendor + "]";
  }

  private record Limit(Match match, RateLimiter limiter) {}
}
