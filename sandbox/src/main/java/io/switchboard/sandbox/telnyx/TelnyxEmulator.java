package io.switchboard.sandbox.telnyx;

import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.Ids;
import io.switchboard.sandbox.LedgerEntry;
import io.switchboard.sandbox.Product;
import io.switchboard.sandbox.RateDeck;
import io.switchboard.sandbox.RateLimiter;
import io.switchboard.sandbox.SmsSegments;
import io.switchboard.sandbox.VendorEmulator;
import io.switchboard.sandbox.http.Credentials;
import io.switchboard.sandbox.http.Fault;
import io.switchboard.sandbox.http.Halt;
import io.switchboard.sandbox.http.Handler;
import io.switchboard.sandbox.http.Match;
import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.Response;
import io.switchboard.sandbox.http.Router;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Telnyx API v2 emulator: Bearer auth, {@code data}/{@code meta} envelopes, {@code page[...]} and
 * {@code filter[...]} parameters, Telnyx error arrays, {@code x-ratelimit-*} headers on every answer, and billing
 * ({@code parts}, {@code cost}) from the sandbox deck against a balance. Seeded with the inventory's numbers, a Call
 * Control connection, a messaging profile, two finished calls and three recordings. Written from Telnyx's public API
 * reference, never from the adapter.
 */
public final class TelnyxEmulator extends VendorEmulator {
  public static final String DEFAULT_API_KEY = "KEY0SANDBOX_telnyx_test_key";
  /** The Call Control connection (application) that dials the account's calls. */
  public static final String CONNECTION_ID = "1684641123236054244";
  public static final String MESSAGING_PROFILE_ID = "4001767e-ce0f-4cae-9d5f-0d5e636e7809";
  /** The account's user id, as detail records and the ledger name it. */
  public static final String USER_ID = "7a2e4f1c-3b5d-4e8a-9c0f-1d2e3f4a5b6c";
  /** Telnyx's dial limit: 30 per second over a rolling 5 s window. */
  public static final int DIALS_PER_5_SECONDS = 150;

  private static final String V2 = "/v2";
  private static final String SEND = V2 + "/messages";

  private final String apiKey;
  private final TelnyxMessages messages = new TelnyxMessages(this);
  private final TelnyxCalls calls = new TelnyxCalls(this);
  private final TelnyxResources resources;
  private volatile RateLimiter budget;
  private volatile Set<String> blockedCountries = Set.of();
  private BigDecimal balance = new BigDecimal("100.00");
  private BigDecimal creditLimit = BigDecimal.ZERO.setScale(2);
  private final Seeded seeded;
  private final TelnyxCallbacks webhooks;
  private volatile String profileWebhookUrl;

  public TelnyxEmulator(EmulatorConfig config) {
    this(config, DEFAULT_API_KEY);
  }

  public TelnyxEmulator(EmulatorConfig config, String apiKey) {
    super("telnyx", config);
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.resources = new TelnyxResources(this);
    this.budget = RateLimiter.fixedWindow(2_000, Duration.ofMinutes(1), config.clock());
    this.seeded = seed();
    this.webhooks = new TelnyxCallbacks(this);
  }

  /** The two finished calls and the conference recording the emulator starts with. */
  public record Seeded(String completedCallControlId, String completedCallSessionId, String unansweredCallControlId,
      String conferenceId) {}

  private Seeded seed() {
    TelnyxCalls.Stored completed = calls.history("+12025550121", "+447700900123", "completed", 95,
        Duration.ofDays(2));
    TelnyxCalls.Stored unanswered = calls.history("+12025550122", "+14155550100", "no-answer", 0,
        Duration.ofDays(1));
    resources.addRecording(completed.callControlId, completed.callLegId, completed.callSessionId, null,
        completed.from, completed.to, 95_000, completed.startedAt.plusSeconds(1));
    resources.addRecording(completed.callControlId, completed.callLegId, completed.callSessionId, null,
        completed.from, completed.to, 30_000, completed.startedAt.plusSeconds(40));
    String conference = ids().uuid();
    resources.addRecording(null, null, ids().uuid(), conference, "+13125550123", "+447700900555", 60_000,
        clock().instant().minus(Duration.ofHours(3)));
    return new Seeded(completed.callControlId, completed.callSessionId, unanswered.callControlId, conference);
  }

  @Override
  protected void routes(Router router) {
    router.post(SEND, metered(messages::send))
        .get(V2 + "/messages/{id}", metered(messages::get))
        .get(V2 + "/detail_records", metered(this::detailRecords))
        .get(V2 + "/phone_numbers", metered(resources::listNumbers))
        .get(V2 + "/phone_numbers/{id}", metered(resources::getNumber))
        .post(V2 + "/calls", metered(calls::dial))
        .get(V2 + "/calls/{call_control_id}", metered(calls::get))
        .post(V2 + "/calls/{call_control_id}/actions/hangup", metered(calls::hangup))
        .get(V2 + "/connections/{connection_id}/active_calls", metered(calls::active))
        .get(V2 + "/recordings", metered(resources::listRecordings))
        .get(V2 + "/recordings/{id}", metered(resources::getRecording))
        .delete(V2 + "/recordings/{id}", metered(resources::deleteRecording))
        .get(V2 + "/balance", metered(this::balanceView))
        .get(V2 + "/number_lookup/{phone_number}", metered(resources::lookup));
    rateLimit(Match.of("POST", V2 + "/calls"),
        RateLimiter.slidingWindow(DIALS_PER_5_SECONDS, Duration.ofSeconds(5), clock()));
  }

  @Override
  protected Response error(int status, String message) {
    return TelnyxWire.error(status, TelnyxWire.codeFor(status), message);
  }

  @Override
  protected Optional<Response> authenticate(Request request) {
    boolean ok = Credentials.bearer(request).filter(c -> Credentials.constantTimeEquals(c.secret(), apiKey))
        .isPresent();
    return ok ? Optional.empty() : Optional.of(TelnyxWire.error(401, "10009",
        "The required authentication headers were either invalid or not included in the request."));
  }

  @Override
  protected Response rateLimited(Request request, RateLimiter.Decision decision) {
    boolean dial = request.method().equals("POST") && request.path().equals(V2 + "/calls");
    Response body = dial ? TelnyxWire.error(429, "90103", "Dial limit of 30 per second exceeded.")
        : TelnyxWire.error(429, "10011", "You have exceeded the maximum number of allowed requests.");
    return limitHeaders(body.withHeader("Retry-After", Long.toString(decision.retryAfterSeconds())), decision);
  }

  @Override
  protected Response destinationNotSupported(String to, Product product) {
    return TelnyxWire.error(403, "10010", "Sending " + product.name().toLowerCase(Locale.ROOT) + " to " + to
        + " is not enabled for this account.");
  }

  /** Every route takes a permit of the API budget and answers with its {@code x-ratelimit-*} headers. */
  private Handler metered(Handler handler) {
    return request -> {
      RateLimiter.Decision decision = budget.acquire("");
      if (!decision.allowed()) {
        return rateLimited(request, decision);
      }
      Response response;
      try {
        response = handler.handle(request);
      } catch (Halt halt) {
        response = halt.response();
      }
      return limitHeaders(response, decision);
    };
  }

  private Response limitHeaders(Response response, RateLimiter.Decision decision) {
    long reset = Math.max(0, Duration.between(clock().instant(), decision.resetAt()).toSeconds());
    return response.withHeader("x-ratelimit-limit", Integer.toString(decision.limit()))
        .withHeader("x-ratelimit-remaining", Integer.toString(decision.remaining()))
        .withHeader("x-ratelimit-reset", Long.toString(reset));
  }

  private Response detailRecords(Request request) {
    String type = request.query().first("filter[record_type]");
    if (type == null) {
      throw TelnyxWire.invalidParameter("filter[record_type]", "is required");
    }
    return switch (type) {
      case "messaging" -> messages.records(request);
      case "call-control" -> calls.records(request);
      default -> throw TelnyxWire.invalidParameter("filter[record_type]",
          "must be messaging or call-control in the sandbox, got '" + type + "'");
    };
  }

  private synchronized Response balanceView(Request request) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("record_type", "balance");
    v.put("balance", balance.toPlainString());
    v.put("credit_limit", creditLimit.toPlainString());
    v.put("available_credit", balance.add(creditLimit).toPlainString());
    v.put("pending", "0.00");
    v.put("currency", "USD");
    return TelnyxWire.data(v);
  }

  // ---- used by the handlers

  Ids idGenerator() {
    return ids();
  }

  LedgerEntry acceptDraft(LedgerEntry.Draft draft) {
    return accept(draft);
  }

  /** Refuses a destination whose country is blocked, and a send the balance cannot pay for. */
  void checkDestination(String to) {
    String country = TelnyxCountries.of(to);
    if (country != null && blockedCountries.contains(country)) {
      throw new Halt(TelnyxWire.error(403, "10010", "Messaging to " + country + " is not enabled on this"
          + " account's messaging profile."));
    }
  }

  /** Refuses, with 402, what would cost more than the available credit. */
  synchronized void requireFunds(String to, Product product, String text) {
    int units = product == Product.SMS ? SmsSegments.segments(text == null ? "" : text) : 1;
    Optional<RateDeck.Rate> rate = deck().lookup(to, product);
    if (rate.isPresent() && rate.get().times(units).compareTo(balance.add(creditLimit)) > 0) {
      throw new Halt(TelnyxWire.error(402, "20100", "Your account balance is insufficient for this request."));
    }
  }

  synchronized void charge(BigDecimal amount, String currency) {
    balance = balance.subtract(amount);
  }

  // ---- webhooks

  void afterSend(TelnyxMessages.Stored message, String webhookUrl) {
    webhooks.afterSend(message, webhookUrl != null ? webhookUrl : profileWebhookUrl);
  }

  void messageMoved(TelnyxMessages.Stored message, String status, java.util.List<Map<String, Object>> errors) {
    messages.moved(message, status, errors);
  }

  Map<String, Object> payload(TelnyxMessages.Stored m, String status, java.util.List<Map<String, Object>> errors,
      boolean finalized) {
    return messages.payload(m, status, errors, finalized);
  }

  /**
   * The public key that verifies this emulator's webhooks: the raw 32-byte Ed25519 key in Base64, the form Telnyx's
   * portal shows (also served at {@code GET /__sandbox/webhook-public-key}). A new key pair per emulator.
   */
  public String webhookPublicKey() {
    return webhooks.publicKey();
  }

  /**
   * The messaging profile's webhook URL: where message events go when a send names no {@code webhook_url}, and
   * where inbound messages go when no URL is given. Null (the default): nowhere.
   */
  public void setMessagingProfileWebhookUrl(String url) {
    if (url != null && !TelnyxMessages.isHttpUrl(url)) {
      throw new IllegalArgumentException("'url' must be an http(s) URL, got '" + url + "'");
    }
    profileWebhookUrl = url;
  }

  /**
   * Sends {@code message.received} for an SMS from {@code from} to the owned number {@code to}, signed, to
   * {@code url} or, when null, the messaging profile's webhook URL; stores the message and returns its id.
   */
  @Override
  public String deliverInbound(String from, String to, String text, String url) {
    numbers().find(to).orElseThrow(() -> new IllegalArgumentException("'to' must be a number of this account, got '"
        + to + "'"));
    String target = url != null ? url : profileWebhookUrl;
    if (target == null || !TelnyxMessages.isHttpUrl(target)) {
      throw new IllegalArgumentException("no http(s) url given and no messaging profile webhook URL: " + target);
    }
    return webhooks.inbound(messages.receiveStored(from, to, text == null ? "" : text), target);
  }

  @Override
  protected void controlRoutes(Router router, String prefix) {
    router.get(prefix + "/webhook-public-key", request -> Response.json(200, Map.of("public_key",
        webhookPublicKey(), "algorithm", "Ed25519")));
  }

  // ---- for tests

  public String apiKey() {
    return apiKey;
  }

  /** {@code http://127.0.0.1:PORT/v2}: what a Telnyx client takes as its base URL. */
  public String apiBaseUrl() {
    return baseUrl() + V2;
  }

  public Seeded seeded() {
    return seeded;
  }

  /** The next send fails with {@code status} and Telnyx {@code code}; the message is not accepted. */
  public void failNextSend(int status, String code) {
    failNextSend(status, code, TelnyxWire.title(code), null);
  }

  /** As {@link #failNextSend(int, String)} with a detail and the body field at fault ({@code "to"}), if any. */
  public void failNextSend(int status, String code, String detail, String field) {
    Response error = TelnyxWire.error(status, code, detail, field == null ? null : Map.of("pointer", "/" + field));
    faults().next(1, Match.of("POST", SEND), Fault.respond(status == 429 ? error.withHeader("Retry-After", "1")
        : error));
  }

  /** The next send is refused for lack of funds (402), as if the balance were exhausted. */
  public void insufficientFundsOnNextSend() {
    failNextSend(402, "20100", "Your account balance is insufficient for this request.", null);
  }

  /** The next send is refused with 429, code 10011 and {@code Retry-After: retryAfterSeconds}. */
  public void rateLimitNextSend(int retryAfterSeconds) {
    Response error = TelnyxWire.error(429, "10011", "You have exceeded the maximum number of allowed requests.")
        .withHeader("Retry-After", Integer.toString(retryAfterSeconds))
        .withHeader("x-ratelimit-limit", "0").withHeader("x-ratelimit-remaining", "0")
        .withHeader("x-ratelimit-reset", Integer.toString(retryAfterSeconds));
    faults().next(1, Match.of("POST", SEND), Fault.respond(error));
  }

  /** The next send is refused with 403 / 10010: the destination is not enabled for the account. */
  public void destinationNotEnabledOnNextSend() {
    failNextSend(403, "10010", "Messaging to this destination is not enabled for this account.", "to");
  }

  /**
   * The next send is accepted (billed, in the ledger); its answer's headers go out at once and its body one byte per
   * {@code perByte}: a client's read timeout never fires, only a bound on the whole exchange.
   */
  public void dripNextSend(Duration perByte) {
    faults().next(1, Match.of("POST", SEND), Fault.drip(perByte));
  }

  /** The next send is accepted (billed, in the ledger) but its answer never comes: a read timeout. */
  public void hangNextSend() {
    faults().next(1, Match.of("POST", SEND), Fault.hang());
  }

  /** The next send fails with 503 before acceptance. */
  public void unavailableOnNextSend() {
    failNext(1, Match.of("POST", SEND), 503);
  }

  /** Replaces the API budget reported in {@code x-ratelimit-*} headers (2000 a minute by default). */
  public void apiRateLimit(int permits, Duration window) {
    budget = RateLimiter.fixedWindow(permits, window, clock());
  }

  /** Refuses messages to these ISO countries with 403 / 10010, as a messaging profile's whitelist does. */
  public void blockCountries(Set<String> countries) {
    blockedCountries = Set.copyOf(countries);
  }

  public synchronized BigDecimal balance() {
    return balance;
  }

  public synchronized void setBalance(BigDecimal amount, BigDecimal credit) {
    balance = Objects.requireNonNull(amount, "amount");
    creditLimit = Objects.requireNonNull(credit, "credit");
  }

  /** Moves a message's recipient status on ({@code sent}, {@code delivered}, {@code delivery_failed} ...). */
  public void setMessageStatus(String id, String status) {
    messages.setStatus(id, status);
  }

  /** A message arriving at one of the account's numbers; returns its id. */
  public String receiveMessage(String from, String to, String text) {
    return messages.receive(from, to, text);
  }

  public int messageCount() {
    return messages.size();
  }

  /** Ends a live call as {@code status} ({@code completed}, {@code busy} ...) after {@code seconds}. */
  public void endCall(String callControlId, String status, long seconds) {
    calls.end(callControlId, status, seconds);
  }

  /** The session of a call, as Telnyx reports it. */
  public String callSessionOf(String callControlId) {
    return calls.find(callControlId).callSessionId;
  }

  public long liveCalls() {
    return calls.live();
  }

  /** Records a call leg; returns the recording id. */
  public String addRecording(String callControlId, long durationMillis) {
    TelnyxCalls.Stored call = calls.find(callControlId);
    return resources.addRecording(call.callControlId, call.callLegId, call.callSessionId, null, call.from, call.to,
        durationMillis, clock().instant()).id();
  }

  public int recordingCount() {
    return resources.recordingCount();
  }

  /** The Telnyx id of an owned number. */
  public String phoneNumberId(String e164) {
    return resources.numberOf(e164).id;
  }

  public void setNumberStatus(String e164, String status) {
    if (!TelnyxResources.NUMBER_STATUSES.contains(status)) {
      throw new IllegalArgumentException("not a Telnyx number status: " + status);
    }
    resources.numberOf(e164).status = status;
  }
}
