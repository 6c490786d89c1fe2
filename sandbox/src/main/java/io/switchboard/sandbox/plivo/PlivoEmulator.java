package io.switchboard.sandbox.plivo;

import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.LedgerEntry;
import io.switchboard.sandbox.Product;
import io.switchboard.sandbox.RateDeck;
import io.switchboard.sandbox.RateLimiter;
import io.switchboard.sandbox.VendorEmulator;
import io.switchboard.sandbox.http.Credentials;
import io.switchboard.sandbox.http.Fault;
import io.switchboard.sandbox.http.Halt;
import io.switchboard.sandbox.http.Match;
import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.Response;
import io.switchboard.sandbox.http.Router;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A wire-compatible, stateful emulator of Plivo's REST API v1 ({@code /v1/Account/{auth_id}/...}): the account and
 * its subaccounts, applications, messages, calls (queued, live and ended) and what the live-call API does to them,
 * conferences and their members, SIP endpoints, numbers (rented, searched, bought, brought from an incoming carrier),
 * incoming carriers, pricing and recordings, behind Basic auth, with Plivo's {@code {"api_id", "error"}} errors and
 * {@code meta}/{@code objects} paging (limit at most 20). Messages and calls are billed from the sandbox deck and
 * recorded in the shared ledger. Written from Plivo's public reference and WIRE.md only, as an independent oracle.
 */
public final class PlivoEmulator extends VendorEmulator {
  /** The default account's auth id: "MA" and 18 characters, as Plivo's are. */
  public static final String AUTH_ID = "MAPLIVOSANDBOX000001";
  public static final String AUTH_TOKEN = "plivo-sandbox-auth-token";
  static final BigDecimal STARTING_CREDIT = new BigDecimal("1000.00000");

  private final Map<String, PlivoState.Account> accounts = new ConcurrentHashMap<>();
  private final PlivoMessages messages = new PlivoMessages(this);
  private final PlivoCalls calls = new PlivoCalls(this);
  private final PlivoLiveCalls liveCalls = new PlivoLiveCalls(this, calls);
  private final PlivoConferences conferences = new PlivoConferences(this, calls);
  private final PlivoResources resources = new PlivoResources(this);
  private final PlivoAccounts accountRoutes = new PlivoAccounts(this);
  private final PlivoApplications applications = new PlivoApplications(this);
  private final PlivoNumbers numberRoutes = new PlivoNumbers(this);
  private final PlivoEndpoints endpoints = new PlivoEndpoints(this);
  private final PlivoCarriers carriers = new PlivoCarriers(this);
  private final PlivoCallbacks webhooks = new PlivoCallbacks(this);

  public PlivoEmulator(EmulatorConfig config) {
    super("plivo", config);
    addAccount(AUTH_ID, AUTH_TOKEN);
  }

  /** Another account on this emulator, with its own credentials, credit, history and seeded resources. */
  public PlivoEmulator addAccount(String authId, String authToken) {
    if (authId == null || !authId.matches("[A-Za-z0-9]{2,40}") || authToken == null || authToken.isBlank()) {
      throw new IllegalArgumentException("an auth id of letters and digits and a non-blank token are required");
    }
    PlivoState.Account account = new PlivoState.Account(authId, authToken, "Sandbox " + authId, STARTING_CREDIT,
        null, now());
    resources.seed(account);
    numberRoutes.seed(account);
    accounts.put(authId, account);
    return this;
  }

  /** The API root to configure a client with: {@code http://127.0.0.1:PORT/v1/}. */
  public String apiBaseUrl() {
    return baseUrl() + "/v1/";
  }

  @Override
  protected void routes(Router router) {
    String base = "/v1/Account/{auth_id}/";
    accountRoutes.register(router, base);
    applications.register(router, base);
    messages.register(router, base);
    calls.register(router, base);
    liveCalls.register(router, base);
    conferences.register(router, base);
    endpoints.register(router, base);
    numberRoutes.register(router, base);
    carriers.register(router, base);
    resources.register(router, base);
  }

  @Override
  protected Response error(int status, String message) {
    return PlivoWire.error(ids().uuid(), status, message);
  }

  /**
   * Basic auth with an account's (or an enabled subaccount's) auth id and token; the auth id in the path must be the
   * caller's own.
   */
  @Override
  protected Optional<Response> authenticate(Request request) {
    Optional<Credentials> credentials = Credentials.basic(request);
    String authId = request.pathVars().getOrDefault("auth_id", credentials.map(Credentials::user).orElse(""));
    PlivoState.Account account = accounts.get(authId);
    boolean ok = account != null && credentials.isPresent() && account.enabled
        && credentials.get().matches(account.authId, account.authToken);
    return ok ? Optional.empty() : Optional.of(error(401, "authentication failed"));
  }

  @Override
  protected String rateLimitKey(Request request) {
    return request.pathVars().getOrDefault("auth_id", "");
  }

  @Override
  protected Response notFound(Request request) {
    return error(404, "not found");
  }

  /** An unpriced destination: Plivo refuses it as outside the account's geo permissions. */
  @Override
  protected Response destinationNotSupported(String to, Product product) {
    return error(403, "destination " + to + " is not enabled in this account's geo permissions for "
        + product.name().toLowerCase(Locale.ROOT));
  }

  // ---- faults scripted as Plivo answers them

  /** The next send (POST Message/) of the default account fails with {@code status} and Plivo's error body. */
  public void failNextSend(int status, String error) {
    failNext(AUTH_ID, "Message/", status, error);
  }

  /** The next make-call (POST Call/) fails with {@code status} and Plivo's error body. */
  public void failNextCall(int status, String error) {
    failNext(AUTH_ID, "Call/", status, error);
  }

  /** What Plivo answers a send when the balance is exhausted. */
  public void failNextSendInsufficientCredit() {
    failNextSend(400, "Insufficient Credit");
  }

  /** What Plivo answers a send to a country the account's geo permissions leave out. */
  public void failNextSendGeoPermission() {
    failNextSend(403, "This destination is not allowed by your account's geo permissions");
  }

  /** A 429 on the next send, with Retry-After in seconds. */
  public void rateLimitNextSend(int retryAfterSeconds) {
    faults().next(1, sendMatch(AUTH_ID, "Message/"), Fault.respond(error(429, "too many requests")
        .withHeader("Retry-After", Integer.toString(retryAfterSeconds))));
  }

  /**
   * The next send is accepted (billed, in the ledger); its answer's headers go out at once and its body one byte per
   * {@code perByte}: a client's read timeout never fires, only a bound on the whole exchange.
   */
  public void dripNextSend(Duration perByte) {
    faults().next(1, sendMatch(AUTH_ID, "Message/"), Fault.drip(perByte));
  }

  /** The next send is accepted (billed, in the ledger) but never answered: the unknown-outcome case. */
  public void hangNextSend() {
    faults().next(1, sendMatch(AUTH_ID, "Message/"), Fault.hang());
  }

  /** The connection of the next send is closed before any answer, without accepting it. */
  public void resetNextSend() {
    faults().next(1, sendMatch(AUTH_ID, "Message/"), Fault.resetBeforeResponse());
  }

  /** The next send is accepted and answered 202 with truncated JSON. */
  public void malformedNextSend() {
    faults().next(1, sendMatch(AUTH_ID, "Message/"), Fault.malformedJson(202));
  }

  /** Plivo's published API limit: 300 requests per 5 seconds per account, answered with 429. */
  public void enforcePlivoRateLimit() {
    rateLimit(RateLimiter.slidingWindow(300, Duration.ofSeconds(5), clock()));
  }

  private void failNext(String authId, String folder, int status, String error) {
    Response response = error(status, error);
    faults().next(1, sendMatch(authId, folder), Fault.respond(status == 429
        ? response.withHeader("Retry-After", "1") : response));
  }

  private static Match sendMatch(String authId, String folder) {
    return Match.of("POST", "/v1/Account/" + authId + "/" + folder);
  }

  // ---- state a test can drive

  /** Sets an account's balance; a send or call it cannot pay for is refused with "Insufficient Credit". */
  public void setCashCredits(String authId, BigDecimal credits) {
    PlivoState.Account account = account(authId);
    synchronized (account.lock) {
      account.root().cashCredits = credits;
    }
  }

  /** Moves a message to {@code state} (delivered, undelivered, failed ...) with an optional error code. */
  public void setMessageState(String uuid, String state, String errorCode) {
    messages.setState(uuid, state, errorCode);
  }

  /** Marks every queued outbound message delivered. */
  public void deliverQueuedMessages() {
    messages.deliverQueued();
  }

  /** Records an inbound message to one of the account's numbers, as if a phone had sent it. */
  public String receiveMessage(String from, String to, String text) {
    return messages.receive(account(AUTH_ID), from, to, text);
  }

  /**
   * Posts an inbound SMS from {@code from} to the number {@code to} of an account on this emulator, as Plivo does
   * (form parameters, V2 and V3 signatures with that account's auth token), to {@code url} with POST, or when null to
   * the {@code message_url} (and {@code message_method}) of the number's application. Stores it as a received
   * message and returns its uuid.
   */
  @Override
  public String deliverInbound(String from, String to, String text, String url) {
    String digits = PlivoWire.digits(to);
    for (PlivoState.Account account : accounts.values()) {
      if (account.isSubaccount()) {
        continue;
      }
      String target;
      String method;
      synchronized (account.lock) {
        PlivoState.Number number = account.numbers.stream().filter(n -> n.number.equals(digits)).findFirst()
            .orElse(null);
        if (number == null) {
          continue;
        }
        PlivoState.Application app = account.applications.stream().filter(a -> a.appId.equals(number.appId))
            .findFirst().orElse(null);
        target = url != null ? url : app == null ? null : app.messageUrl;
        method = url != null || app == null ? "POST" : app.messageMethod;
      }
      if (target == null || !PlivoParams.isUrl(target)) {
        throw new IllegalArgumentException("no http(s) url given and no message_url on the application of " + to
            + ": " + target);
      }
      String body = text == null ? "" : text;
      String uuid = messages.receive(account, from, to, body);
      return webhooks.inbound(account, uuid, from, to, body, target, method);
    }
    throw new IllegalArgumentException("'to' must be a number of an account on this emulator, got '" + to + "'");
  }

  /**
   * New calls stay {@code queued}, {@code ringing} or {@code in-progress} (live, answered now) until hung up or
   * {@link #endHeldCalls()}; null (the default) ends each call as soon as it is placed, answered, with a call detail
   * record. A held call is billed, and enters the ledger, when it ends.
   */
  public void holdNewCalls(String phase) {
    calls.holdIn(phase == null ? null : PlivoState.Phase.valueOf(phase.toUpperCase(Locale.ROOT).replace('-', '_')));
  }

  /** Ends every held call as answered, lasting the configured duration. */
  public void endHeldCalls() {
    calls.endHeld();
  }

  /** Answers every ringing call: it becomes in-progress, answered now. */
  public void answerRingingCalls() {
    calls.answerRinging();
  }

  /** Bridges two live calls of one account as A and B legs, as a Dial would: transfers and audio can reach both. */
  public void bridgeCalls(String aLegUuid, String bLegUuid) {
    for (PlivoState.Account account : accounts.values()) {
      synchronized (account.lock) {
        PlivoState.StoredCall a = liveCall(account, aLegUuid);
        PlivoState.StoredCall b = liveCall(account, bLegUuid);
        if (a != null && b != null) {
          a.bridged = b.uuid;
          b.bridged = a.uuid;
          return;
        }
      }
    }
    throw new IllegalArgumentException("no two live calls " + aLegUuid + " and " + bLegUuid + " on one account");
  }

  /** Puts an answered live call into conference {@code name} (created on first join); returns its member id. */
  public String joinConference(String callUuid, String name) {
    return conferences.join(callUuid, name);
  }

  /** A copy of a call's state, on any account. */
  public Optional<PlivoSnapshots.Call> callSnapshot(String callUuid) {
    for (PlivoState.Account account : accounts.values()) {
      synchronized (account.lock) {
        for (PlivoState.StoredCall call : account.calls) {
          if (call.uuid.equals(callUuid)) {
            return Optional.of(PlivoSnapshots.of(call));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** A copy of a live conference of the default account. */
  public Optional<PlivoSnapshots.Conference> conferenceSnapshot(String name) {
    PlivoState.Account account = account(AUTH_ID);
    synchronized (account.lock) {
      return Optional.ofNullable(account.conferences.get(name)).map(PlivoSnapshots::of);
    }
  }

  private static PlivoState.StoredCall liveCall(PlivoState.Account account, String uuid) {
    return account.calls.stream().filter(c -> c.uuid.equals(uuid) && c.isLive()).findFirst().orElse(null);
  }

  /** How long placed calls last once answered (30 s by default); billing rounds up to whole minutes. */
  public void setCallDuration(Duration duration) {
    calls.setDuration(duration);
  }

  /** Adds a recording of {@code callUuid} to the default account and returns its id. */
  public String addRecording(String callUuid) {
    return resources.addRecording(account(AUTH_ID), callUuid);
  }

  // ---- for the handlers

  PlivoState.Account account(String authId) {
    PlivoState.Account account = accounts.get(authId);
    if (account == null) {
      throw new IllegalArgumentException("no emulated Plivo account " + authId);
    }
    return account;
  }

  java.util.Collection<PlivoState.Account> accounts() {
    return accounts.values();
  }

  PlivoState.Account account(Request request) {
    return account(request.pathVar("auth_id"));
  }

  /**
   * The account whose traffic a list shows: the caller's, or with {@code ?subaccount=} one of a main account's
   * subaccounts (404 for any other).
   */
  PlivoState.Account listed(Request request) {
    PlivoState.Account account = account(request);
    String sub = request.query().first("subaccount");
    if (sub == null || sub.equals(account.authId)) {
      return account;
    }
    synchronized (account.lock) {
      return account.root() == account ? account.subaccounts.stream().filter(s -> s.authId.equals(sub)).findFirst()
          .orElseThrow(() -> halt(404, "no subaccount " + sub)) : account;
    }
  }

  /** The owner tag for {@code subaccountId} on a main account's resource: null for none, 404 for a stranger. */
  String subaccountTag(PlivoState.Account root, String subaccountId) {
    if (subaccountId == null) {
      return null;
    }
    synchronized (root.lock) {
      return root.subaccounts.stream().filter(s -> s.authId.equals(subaccountId)).map(s -> s.authId).findFirst()
          .orElseThrow(() -> halt(404, "subaccount " + subaccountId + " is not a subaccount of this account"));
    }
  }

  /** Makes a new subaccount's credentials work. */
  void register(PlivoState.Account subaccount) {
    accounts.put(subaccount.authId, subaccount);
  }

  void unregister(PlivoState.Account subaccount) {
    accounts.remove(subaccount.authId, subaccount);
  }

  String newUuid() {
    return ids().uuid();
  }

  String newDigits(int n) {
    return ids().digits(n);
  }

  String newHex(int n) {
    return ids().hex(n);
  }

  Instant now() {
    return clock().instant();
  }

  Optional<RateDeck.Rate> rate(String to, Product product) {
    return deck().lookup(to, product);
  }

  void afterSend(PlivoState.Account account, PlivoState.StoredMessage message, String url, String method) {
    webhooks.afterSend(account, message, url, method);
  }

  LedgerEntry record(LedgerEntry.Draft draft) {
    return accept(draft);
  }

  Halt halt(int status, String message) {
    return new Halt(error(status, message));
  }

  Halt unpriced(String to, Product product) {
    return new Halt(destinationNotSupported(to, product));
  }
}
