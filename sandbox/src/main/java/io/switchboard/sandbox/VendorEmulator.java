package io.switchboard.sandbox;

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
import java.time.Instant;
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
    this.server = new EmulatorServer(vendor, config.threads(), faults, stats, this::handle);
  }

  /** Registers the vendor's routes; called once, by {@link #start()}. */
  protected abstract void routes(Router router);

  /** An error response in the vendor's own format (Twilio's code and more_info, Plivo's api_id, Telnyx's errors). */
  protected abstract Response error(int status, String message);

  /** Registers the routes and starts serving on 127.0.0.1; idempotent. */
  public synchronized VendorEmulator start() {
    if (!started) {
      routes(router);
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
