package io.switchboard.sandbox.twilio;

import io.switchboard.sandbox.LedgerEntry;
import io.switchboard.sandbox.Product;
import io.switchboard.sandbox.RateDeck;
import io.switchboard.sandbox.http.Params;
import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** {@code Calls.json}: place, fetch and list calls, validated as Twilio validates. */
final class CallsApi {

  private static final Set<String> EVENTS = Set.of("initiated", "ringing", "answered", "completed");

  private final TwilioEmulator emulator;
  private final Store store;

  CallsApi(TwilioEmulator emulator, Store store) {
    this.emulator = emulator;
    this.store = store;
  }

  Response create(Request request) {
    String account = request.pathVar("AccountSid");
    Params form = request.form();
    String to = form.first("To", "").trim();
    if (to.isEmpty()) {
      throw TwilioFormat.halt(400, 21201, "No 'To' number is specified");
    }
    if (!TwilioFormat.isDialable(to)) {
      throw TwilioFormat.halt(400, 21211, "Invalid 'To' Phone Number: " + to);
    }
    String from = form.first("From", "").trim();
    if (from.isEmpty()) {
      throw TwilioFormat.halt(400, 21213, "No 'From' number is specified");
    }
    if (emulator.numbers().find(from).filter(n -> n.can(Product.VOICE)).isEmpty()) {
      throw TwilioFormat.halt(400, 21210, "The source phone number provided, " + from
          + ", is not yet verified for your account.");
    }
    String url = form.first("Url");
    long instructions = Stream.of(url, form.first("Twiml"), form.first("ApplicationSid"))
        .filter(v -> v != null && !v.isBlank()).count();
    if (instructions == 0) {
      throw TwilioFormat.halt(400, 21205, "Url parameter is required: give one of 'Url', 'Twiml' or "
          + "'ApplicationSid'.");
    }
    if (instructions > 1) {
      throw TwilioFormat.halt(400, 20001, "Only one of 'Url', 'Twiml' or 'ApplicationSid' may be given.");
    }
    if (url != null && !url.isBlank() && !TwilioFormat.isHttpUrl(url)) {
      throw TwilioFormat.halt(400, 21205, "Url is not a valid URL: " + url);
    }
    String method = form.first("Method", "POST");
    if (!method.equalsIgnoreCase("GET") && !method.equalsIgnoreCase("POST")) {
      throw TwilioFormat.halt(400, 20001, "Method must be GET or POST, got " + method);
    }
    String callback = form.first("StatusCallback");
    if (callback != null && !TwilioFormat.isHttpUrl(callback)) {
      throw TwilioFormat.halt(400, 21609, "Invalid StatusCallback url: " + callback);
    }
    for (String event : form.all("StatusCallbackEvent")) {
      if (!EVENTS.contains(event)) {
        throw TwilioFormat.halt(400, 20001, "StatusCallbackEvent must be one of " + EVENTS + ", got " + event);
      }
    }
    String timeout = form.first("Timeout");
    if (timeout != null && !timeout.matches("[0-9]{1,3}")) {
      throw TwilioFormat.halt(400, 20001, "Timeout must be a whole number of seconds, got " + timeout);
    }
    String sid = emulator.sid("CA");
    LedgerEntry entry = emulator.record(LedgerEntry.call(account, sid).from(from).to(to));
    StoredCall call = new StoredCall(sid, account, from, to, url, callback, entry.acceptedAt());
    store.add(call);
    return Response.json(201, call.json());
  }

  Response fetch(Request request) {
    String account = request.pathVar("AccountSid");
    StoredCall call = store.call(request.pathVar("Sid")).filter(c -> c.accountSid.equals(account))
        .orElseThrow(() -> TwilioFormat.halt(404, 20404, "The requested resource " + request.path()
            + " was not found"));
    return Response.json(200, call.json());
  }

  Response list(Request request) {
    String account = request.pathVar("AccountSid");
    Params q = request.query();
    Predicate<StoredCall> filter = c -> c.accountSid.equals(account);
    String to = q.first("To");
    if (to != null) {
      filter = filter.and(c -> c.to.equals(to));
    }
    String from = q.first("From");
    if (from != null) {
      filter = filter.and(c -> c.from.equals(from));
    }
    String status = q.first("Status");
    if (status != null) {
      filter = filter.and(c -> c.status().equals(status));
    }
    if (q.first("ParentCallSid") != null) {
      filter = filter.and(c -> false);
    }
    String on = q.first("StartTime");
    if (on != null) {
      LocalDate day = TwilioFormat.day(on, "StartTime");
      filter = filter.and(c -> c.started() != null && LocalDate.ofInstant(c.started(), ZoneOffset.UTC).equals(day));
    }
    String after = q.first("StartTime>");
    if (after != null) {
      Instant bound = TwilioFormat.bound(after, false, "StartTime>");
      filter = filter.and(c -> c.started() != null && !c.started().isBefore(bound));
    }
    String before = q.first("StartTime<");
    if (before != null) {
      Instant bound = TwilioFormat.bound(before, true, "StartTime<");
      filter = filter.and(c -> c.started() != null && !c.started().isAfter(bound));
    }
    return Response.json(200, TwilioPaging.rest(request, store.calls(filter), "calls", c -> c.sid, StoredCall::json));
  }

  /** Completes a call: billed per started minute at the deck's voice rate for its destination. */
  void complete(String sid, Duration duration) {
    StoredCall call = store.call(sid).orElseThrow(() -> new IllegalArgumentException("no call " + sid));
    RateDeck.Rate rate = emulator.deck().lookup(call.to, io.switchboard.sandbox.Product.VOICE)
        .orElseThrow(() -> new IllegalArgumentException("no voice rate for " + call.to));
    int minutes = (int) Math.max(1, (duration.toSeconds() + 59) / 60);
    call.complete(emulator.now(), duration, rate.times(minutes), rate.currency());
  }
}
