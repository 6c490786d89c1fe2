package io.switchboard.sandbox.twilio;

import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.LedgerEntry;
import io.switchboard.sandbox.Product;
import io.switchboard.sandbox.RateLimiter;
import io.switchboard.sandbox.VendorEmulator;
import io.switchboard.sandbox.http.Credentials;
import io.switchboard.sandbox.http.Fault;
import io.switchboard.sandbox.http.Match;
import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.Response;
import io.switchboard.sandbox.http.Router;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Twilio-compatible server on loopback: the REST API (2010-04-01), Lookup v2 and Pricing (v1 messaging, v2 voice)
 * on one port under Twilio's own paths, so one base URL serves the three Twilio hosts. Stateful: messages and calls
 * sent can be fetched and listed with Twilio's paging; numbers, recordings, usage and the account (with one
 * subaccount) are seeded. HTTP Basic with the account SID and auth token, or an API key and its secret; Twilio's
 * error JSON and codes; every accepted message billed by segments from the sandbox deck, shown as Twilio's negative
 * price strings, and recorded in the shared ledger.
 */
public final class TwilioEmulator extends VendorEmulator {

  /** The sandbox account. These are made-up test credentials, not secrets. */
  public static final String ACCOUNT_SID = "AC5b0a7f3c9d2e4f60718293a4b5c6d7e8";
  public static final String AUTH_TOKEN = "sandbox-twilio-auth-token-0001";
  public static final String SUBACCOUNT_SID = "AC0f1e2d3c4b5a69788796a5b4c3d2e1f0";
  public static final String API_KEY_SID = "SK9a8b7c6d5e4f30211203f4e5d6c7b8a9";
  public static final String API_KEY_SECRET = "sandbox-twilio-api-key-secret-0001";

  static final String REST = "/2010-04-01/Accounts/{AccountSid}";
  static final String MESSAGES = "Messages.json";

  private final Store store;
  private final MessagesApi messages;
  private final CallsApi calls;
  private final AccountApi account;
  private final ProductsApi products;
  private final TwilioCallbacks webhooks;
  private final Map<String, String> smsUrls = new ConcurrentHashMap<>();

  public TwilioEmulator() {
    this(EmulatorConfig.ofDefaults());
  }

  public TwilioEmulator(EmulatorConfig config) {
    super("twilio", config);
    this.store = new Store(this);
    this.messages = new MessagesApi(this, store);
    this.calls = new CallsApi(this, store);
    this.account = new AccountApi(this, store);
    this.products = new ProductsApi(this);
    this.webhooks = new TwilioCallbacks(this);
  }

  @Override
  protected void routes(Router router) {
    router.post(REST + "/Messages.json", messages::create)
        .get(REST + "/Messages.json", messages::list)
        .get(REST + "/Messages/{Sid}.json", messages::fetch)
        .post(REST + "/Calls.json", calls::create)
        .get(REST + "/Calls.json", calls::list)
        .get(REST + "/Calls/{Sid}.json", calls::fetch)
        .get("/2010-04-01/Accounts/{AccountSid}.json", account::fetchAccount)
        .get(REST + "/IncomingPhoneNumbers.json", account::listNumbers)
        .get(REST + "/IncomingPhoneNumbers/{Sid}.json", account::fetchNumber)
        .post(REST + "/Usage/Triggers.json", account::createTrigger)
        .get(REST + "/Usage/Triggers.json", account::listTriggers)
        .get(REST + "/Usage/Triggers/{Sid}.json", account::fetchTrigger)
        .get(REST + "/Usage/Records.json", account::listUsage)
        .get(REST + "/Recordings.json", account::listRecordings)
        .get(REST + "/Recordings/{Sid}.json", account::fetchRecording)
        .delete(REST + "/Recordings/{Sid}.json", account::deleteRecording)
        .get("/v2/PhoneNumbers/{PhoneNumber}", products::lookup)
        .get("/v1/Messaging/Countries", products::messagingCountries)
        .get("/v1/Messaging/Countries/{IsoCountry}", products::messagingCountry)
        .get("/v2/Voice/Countries", products::voiceCountries)
        .get("/v2/Voice/Countries/{IsoCountry}", products::voiceCountry)
        .get("/v2/Voice/Numbers/{Number}", products::voiceNumber);
  }

  @Override
  protected Response error(int status, String message) {
    return TwilioFormat.error(status, TwilioFormat.defaultCode(status), message);
  }

  /**
   * Basic auth as the account (SID and auth token) or an API key of it; the account in a REST path must be the
   * account or its subaccount. Twilio answers both with 401 and code 20003.
   */
  @Override
  protected Optional<Response> authenticate(Request request) {
    Optional<Credentials> given = Credentials.basic(request);
    boolean ok = given.isPresent() && (given.get().matches(ACCOUNT_SID, AUTH_TOKEN)
        || given.get().matches(API_KEY_SID, API_KEY_SECRET));
    String pathAccount = request.pathVars().get("AccountSid");
    if (ok && (pathAccount == null || store.ownsAccount(pathAccount))) {
      return Optional.empty();
    }
    return Optional.of(TwilioFormat.error(401, 20003, "Authenticate")
        .withHeader("WWW-Authenticate", "Basic realm=\"Twilio API\""));
  }

  @Override
  protected Response rateLimited(Request request, RateLimiter.Decision decision) {
    return TwilioFormat.error(429, 20429, "Too Many Requests")
        .withHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
  }

  @Override
  protected Response notFound(Request request) {
    return TwilioFormat.error(404, 20404, "The requested resource " + request.path() + " was not found");
  }

  @Override
  protected Response methodNotAllowed(Request request, Set<String> allowed) {
    return TwilioFormat.error(405, 20004, "Method not allowed").withHeader("Allow", String.join(", ", allowed));
  }

  @Override
  protected Response destinationNotSupported(String to, Product product) {
    return product == Product.VOICE
        ? TwilioFormat.error(400, 21215, "Account not authorized to call " + to + ". Perhaps you need to enable "
            + "some international permissions.")
        : TwilioFormat.error(400, 21408, "Permission to send an SMS has not been enabled for the region indicated "
            + "by the 'To' number: " + to);
  }

  // ---- faults in Twilio's words

  /** The next send (POST Messages.json) fails with {@code status} and Twilio {@code code}; nothing is sent. */
  public void failNextSend(int status, int code) {
    faults().next(1, sends(), Fault.respond(TwilioFormat.error(status, code, describe(code))));
  }

  /** The next {@code n} requests under {@code pathPrefix} fail with {@code status} and Twilio {@code code}. */
  public void failNext(int n, String pathPrefix, int status, int code, String message) {
    faults().next(n, Match.path(pathPrefix), Fault.respond(TwilioFormat.error(status, code, message)));
  }

  /** The next send meets an account without funds: Twilio's 20005, "account not active". */
  public void failNextSendForFunds() {
    failNextSend(401, 20005);
  }

  /** The next send is refused with 429, code 20429 and Retry-After. */
  public void rateLimitNextSend(Duration retryAfter) {
    faults().next(1, sends(), Fault.respond(TwilioFormat.error(429, 20429, "Too Many Requests")
        .withHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())))));
  }

  /** Limits sends as Twilio does when too many arrive: 429 with code 20429 beyond {@code n} per {@code window}. */
  public void rateLimitSends(int n, Duration window) {
    rateLimit(Match.of("POST", "/2010-04-01/Accounts/"), RateLimiter.slidingWindow(n, window, clock()));
  }

  /**
   * The next send is accepted (billed, in the ledger); its answer's headers go out at once and its body one byte per
   * {@code perByte}: a client's read timeout never fires, only a bound on the whole exchange.
   */
  public void dripNextSend(Duration perByte) {
    faults().next(1, sends(), Fault.drip(perByte));
  }

  /** The next send is accepted and stored, but its answer never comes: the unknown-outcome case. */
  public void hangNextSend() {
    faults().next(1, sends(), Fault.hang());
  }

  /** The connection of the next send is closed before any answer; nothing is stored. */
  public void resetNextSend() {
    faults().next(1, sends(), Fault.resetBeforeResponse());
  }

  /** The next send is accepted and stored, and answered with truncated JSON. */
  public void malformedNextSend() {
    faults().next(1, sends(), Fault.malformedJson(201));
  }

  /** Every request waits {@code perRequest} longer (Twilio over the internet). */
  public void latency(Duration perRequest) {
    faults().latency(perRequest);
  }

  // ---- state scripting

  /** Moves a stored message to {@code status} (delivered, undelivered, failed, ...) with an optional error code. */
  public void setMessageStatus(String sid, String status, Integer errorCode) {
    store.message(sid).orElseThrow(() -> new IllegalArgumentException("no message " + sid)).status(status, errorCode,
        Instant.now(clock()));
  }

  /** Ends a call as completed after {@code duration}, billed per started minute from the deck. */
  public void completeCall(String sid, Duration duration) {
    calls.complete(sid, duration);
  }

  /** How many messages the emulator holds (sent through it, any account). */
  public int messageCount() {
    return store.messages().size();
  }

  // ---- webhooks

  /**
   * Sets the {@code sms_url} of an owned number (as IncomingPhoneNumbers shows it): where {@link
   * #deliverInbound(String, String, String, String)} posts when given no URL.
   */
  public void setSmsUrl(String number, String url) {
    numbers().find(number).orElseThrow(() -> new IllegalArgumentException("not a number of this account: " + number));
    smsUrls.put(number, url);
  }

  /**
   * Posts an inbound SMS from {@code from} to the owned number {@code to} as Twilio does (form parameters,
   * {@code X-Twilio-Signature}) to {@code url}, or to the number's {@code sms_url} when null; returns its SID.
   */
  @Override
  public String deliverInbound(String from, String to, String text, String url) {
    numbers().find(to).orElseThrow(() -> new IllegalArgumentException("'to' must be a number of this account, got '"
        + to + "'"));
    String target = url != null ? url : smsUrls.get(to);
    if (target == null || !TwilioFormat.isHttpUrl(target)) {
      throw new IllegalArgumentException("no http(s) url given and no sms_url set for " + to + ": " + target);
    }
    return webhooks.inbound(from, to, text == null ? "" : text, target);
  }

  // ---- for the package's handlers

  String smsUrl(String number) {
    return smsUrls.getOrDefault(number, "");
  }

  void afterSend(StoredMessage message, String statusCallback) {
    webhooks.afterSend(message, statusCallback);
  }

  LedgerEntry record(LedgerEntry.Draft draft) {
    return accept(draft);
  }

  String sid(String prefix) {
    return ids().prefixedHex(prefix);
  }

  Instant now() {
    return Instant.now(clock());
  }

  private static Match sends() {
    return Match.of("POST", "/2010-04-01/Accounts/" + ACCOUNT_SID + "/" + MESSAGES);
  }

  private static String describe(int code) {
    return switch (code) {
      case 20003 -> "Authenticate";
      case 20005 -> "Account not active";
      case 20429 -> "Too Many Requests";
      case 21211 -> "The 'To' number is not a valid phone number.";
      case 21408 -> "Permission to send an SMS has not been enabled for the region indicated by the 'To' number";
      case 21606 -> "The 'From' phone number provided is not a valid message-capable Twilio phone number for this "
          + "destination.";
      case 21610 -> "Attempt to send to unsubscribed recipient";
      case 21614 -> "'To' number is not a valid mobile number";
      case 21617 -> "The concatenated message body exceeds the 1600 character limit.";
      default -> "Error " + code;
    };
  }
}
