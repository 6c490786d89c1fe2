package io.switchboard.sandbox.plivo;

import io.switchboard.sandbox.LedgerEntry;
import io.switchboard.sandbox.Product;
import io.switchboard.sandbox.RateDeck;
import io.switchboard.sandbox.http.Params;
import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.Response;
import io.switchboard.sandbox.http.Router;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code Call/}: make a call (one per destination, a number or a {@code sip:} URI, given as one {@code <}-separated
 * string or a JSON array), and read
 * calls where Plivo keeps them: call detail records of ended calls ({@code Call/}, {@code Call/{uuid}/}), live calls
 * ({@code ?status=live}) and queued ones ({@code ?status=queued}). The sandbox answers every call; its call uuid is
 * the request uuid. A call that ends at once is billed when placed; a held one when it ends: for its configured
 * duration when {@link #endHeld()} ends it, for the time it was answered (by the emulator's clock, capped by its
 * {@code time_limit}) when it is hung up, nothing when it is hung up before being answered.
 */
final class PlivoCalls {
  /** What SIP calls cost per minute: the {@code ip} rate that pricing publishes. */
  static final BigDecimal SIP_RATE = new BigDecimal("0.00300");
  private static final Pattern SIP = Pattern.compile("sip:[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+");

  private final PlivoEmulator emulator;
  private volatile PlivoState.Phase hold;
  private volatile Duration duration = Duration.ofSeconds(30);

  PlivoCalls(PlivoEmulator emulator) {
    this.emulator = emulator;
  }

  void register(Router router, String base) {
    router.post(base + "Call/", this::make)
        .get(base + "Call/", this::list)
        .get(base + "Call/{uuid}/", this::get);
  }

  void holdIn(PlivoState.Phase phase) {
    this.hold = phase == PlivoState.Phase.ENDED ? null : phase;
  }

  void setDuration(Duration value) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException("a call lasts zero or more seconds, got " + value);
    }
    this.duration = value;
  }

  /** Ends every held call as answered, lasting the configured duration (capped by its time limit), and bills it. */
  void endHeld() {
    for (PlivoState.Account account : emulator.accounts()) {
      synchronized (account.lock) {
        for (PlivoState.StoredCall call : List.copyOf(account.calls)) {
          if (call.phase != PlivoState.Phase.ENDED) {
            finishAnswered(account, call, configuredSeconds(call.timeLimit));
          }
        }
      }
    }
  }

  /** Moves every ringing call to in-progress, answered now. */
  void answerRinging() {
    for (PlivoState.Account account : emulator.accounts()) {
      synchronized (account.lock) {
        for (PlivoState.StoredCall call : account.calls) {
          if (call.phase == PlivoState.Phase.RINGING) {
            call.phase = PlivoState.Phase.IN_PROGRESS;
            call.answered = emulator.now();
          }
        }
      }
    }
  }

  Response make(Request request) {
    PlivoState.Account account = emulator.account(request);
    PlivoParams p = PlivoParams.of(emulator, request);
    String from = p.required("from");
    List<String> to = p.destinations("to");
    if (to.isEmpty()) {
      throw emulator.halt(400, "to is a mandatory parameter");
    }
    p.required("answer_url");
    for (String name : List.of("answer_url", "ring_url", "hangup_url", "fallback_url", "machine_detection_url")) {
      p.url(name);
    }
    for (String name : List.of("answer_method", "ring_method", "hangup_method", "fallback_method",
        "machine_detection_method")) {
      p.method(name, "POST");
    }
    String callerName = p.text("caller_name");
    if (callerName != null && callerName.length() > 50) {
      throw emulator.halt(400, "caller_name must be at most 50 characters");
    }
    checkOptions(p);
    if (!PlivoWire.isNumber(from)) {
      throw emulator.halt(400, "from must be a phone number, got '" + from + "'");
    }
    Set<String> destinations = new LinkedHashSet<>();
    for (String d : to) {
      if (SIP.matcher(d).matches()) {
        destinations.add(d);
      } else if (PlivoWire.isNumber(d)) {
        destinations.add(PlivoWire.digits(d));
      } else {
        throw emulator.halt(400, "to holds an invalid destination '" + d + "'");
      }
    }
    Integer timeLimit = p.integer("time_limit", 1, 86_400);
    int seconds = configuredSeconds(timeLimit == null ? 0 : timeLimit);
    int minutes = (seconds + 59) / 60;
    Map<String, BigDecimal> rates = new LinkedHashMap<>();
    BigDecimal total = BigDecimal.ZERO;
    for (String d : destinations) {
      BigDecimal rate = d.startsWith("sip:") ? SIP_RATE : emulator.rate(d, Product.VOICE).map(RateDeck.Rate::rate)
          .orElseThrow(() -> emulator.unpriced("+" + d, Product.VOICE));
      rates.put(d, rate);
      total = total.add(rate.multiply(BigDecimal.valueOf(minutes)));
    }
    List<String> uuids = new ArrayList<>();
    synchronized (account.lock) {
      String parent = p.text("parent_call_uuid");
      if (parent != null && Boolean.TRUE.equals(p.bool("error_if_parent_not_found"))
          && account.calls.stream().noneMatch(c -> c.uuid.equals(parent) && c.isLive())) {
        throw emulator.halt(400, "parent_call_uuid " + parent + " is not a live call of this account");
      }
      if (account.root().cashCredits.compareTo(total) < 0) {
        throw emulator.halt(400, "Insufficient Credit");
      }
      for (String d : destinations) {
        PlivoState.Phase phase = hold == null ? PlivoState.Phase.ENDED : hold;
        PlivoState.StoredCall call = new PlivoState.StoredCall(emulator.newUuid(), PlivoWire.digits(from), d,
            "outbound", emulator.now(), rates.get(d), p.asText(),
            phase == PlivoState.Phase.ENDED ? PlivoState.Phase.RINGING : phase);
        account.calls.add(0, call);
        if (phase == PlivoState.Phase.ENDED) {
          finishAnswered(account, call, seconds);
        }
        uuids.add(call.uuid);
      }
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("api_id", emulator.newUuid());
    answer.put("message", "call fired");
    answer.put("request_uuid", uuids.size() == 1 ? uuids.get(0) : uuids);
    return Response.json(201, answer);
  }

  /** Plivo's rules for the optional make-call parameters. */
  private void checkOptions(PlivoParams p) {
    String digits = p.text("send_digits");
    if (digits != null && !PlivoParams.DIGITS.matcher(digits).matches()) {
      throw emulator.halt(400, "send_digits must be digits, '*', '#', 'w' and 'W', with an optional @duration, got '"
          + digits + "'");
    }
    p.bool("send_on_preanswer");
    p.integer("hangup_on_ring", 0, 86_400);
    p.oneOf("machine_detection", Set.of("true", "hangup"), null);
    p.integer("machine_detection_time", 2000, 10_000);
    String headers = p.text("sip_headers");
    if (headers != null && !PlivoParams.SIP_HEADERS.matcher(headers).matches()) {
      throw emulator.halt(400, "sip_headers must be key=value pairs separated by commas, keys [A-Za-z0-9], values "
          + "[A-Za-z0-9%], got '" + headers + "'");
    }
    p.integer("ring_timeout", 1, 86_400);
    p.bool("error_if_parent_not_found");
  }

  private int configuredSeconds(int timeLimit) {
    int seconds = (int) duration.getSeconds();
    return timeLimit > 0 ? Math.min(seconds, timeLimit) : seconds;
  }

  Response get(Request request) {
    PlivoState.Account account = emulator.account(request);
    String uuid = request.pathVar("uuid");
    String status = request.query().first("status");
    synchronized (account.lock) {
      for (PlivoState.StoredCall call : account.calls) {
        if (call.uuid.equals(uuid) && in(call, status)) {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("api_id", emulator.newUuid());
          body.putAll(status == null ? record(account, call) : live(call));
          return Response.json(200, body);
        }
      }
    }
    throw emulator.halt(404, "not found");
  }

  Response list(Request request) {
    PlivoState.Account account = emulator.listed(request);
    Params q = request.query();
    String status = q.first("status");
    String apiId = emulator.newUuid();
    Predicate<PlivoState.StoredCall> keep = PlivoWire.<PlivoState.StoredCall>textFilter(q, "call_direction",
            c -> c.direction)
        .and(PlivoWire.numberFilter(q, "from_number", c -> c.from))
        .and(PlivoWire.numberFilter(q, "to_number", c -> c.to))
        .and(c -> in(c, status));
    if (status != null) {
      if (!status.equals("live") && !status.equals("queued")) {
        throw emulator.halt(400, "status must be live or queued, got '" + status + "'");
      }
      List<String> ids;
      synchronized (account.lock) {
        ids = account.calls.stream().filter(keep).map(c -> c.uuid).toList();
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("api_id", apiId);
      body.put("calls", ids);
      return Response.json(200, body);
    }
    Predicate<Instant> ended = PlivoWire.timeFilter(apiId, q, "end_time");
    Predicate<Long> billed = PlivoWire.rangeFilter(apiId, q, "bill_duration");
    List<PlivoState.StoredCall> matching;
    synchronized (account.lock) {
      matching = account.calls.stream().filter(keep).filter(c -> ended.test(c.ended))
          .filter(c -> billed.test((long) c.seconds)).toList();
    }
    return PlivoWire.page(apiId, request, matching, c -> record(account, c), true);
  }

  private static boolean in(PlivoState.StoredCall call, String status) {
    if (status == null) {
      return call.phase == PlivoState.Phase.ENDED;
    }
    return switch (status) {
      case "live" -> call.isLive();
      case "queued" -> call.phase == PlivoState.Phase.QUEUED;
      default -> false;
    };
  }

  // ---- ending and billing (callers hold the account's lock)

  /** Ends a call as answered and lasting {@code seconds} (ringing two seconds first if it was never answered). */
  void finishAnswered(PlivoState.Account account, PlivoState.StoredCall call, int seconds) {
    if (call.answered == null) {
      call.answered = call.initiated.plusSeconds(2);
    }
    end(account, call, seconds, call.answered.plusSeconds(seconds), "ANSWER", "Normal Hangup", "Callee");
  }

  /**
   * Hangs up a live call through the API: an answered call is billed for the time since it was answered (capped by
   * its time limit); a ringing one is cancelled and costs nothing.
   */
  void hangup(PlivoState.Account account, PlivoState.StoredCall call) {
    Instant now = emulator.now();
    if (call.phase == PlivoState.Phase.IN_PROGRESS) {
      long elapsed = Math.max(0, Duration.between(call.answered, now).getSeconds());
      int seconds = (int) (call.timeLimit > 0 ? Math.min(elapsed, call.timeLimit) : elapsed);
      end(account, call, seconds, now, "ANSWER", "Normal Hangup", "API Request");
    } else {
      end(account, call, 0, now, "CANCEL", "Canceled", "API Request");
    }
  }

  private void end(PlivoState.Account account, PlivoState.StoredCall call, int seconds, Instant at, String outcome,
      String cause, String source) {
    saveRecording(account, call);
    leaveConference(account, call);
    if (call.bridged != null) {
      account.calls.stream().filter(c -> c.uuid.equals(call.bridged)).forEach(c -> c.bridged = null);
      call.bridged = null;
    }
    call.playing = List.of();
    call.speaking = null;
    call.phase = PlivoState.Phase.ENDED;
    call.seconds = seconds;
    call.minutes = (seconds + 59) / 60;
    call.outcome = outcome;
    call.hangupCause = cause;
    call.hangupSource = source;
    call.ended = at;
    LedgerEntry entry;
    if (call.to.startsWith("sip:")) {
      // The deck prices numbers only; SIP minutes cost the IP rate, recorded in the ledger directly.
      entry = new LedgerEntry(LedgerEntry.Kind.CALL, "plivo", account.authId, call.uuid, "+" + call.from, call.to,
          null, null, "voice", call.minutes, call.rate.multiply(BigDecimal.valueOf(call.minutes)).toPlainString(),
          "USD", emulator.now());
      emulator.ledger().record(entry);
    } else {
      entry = emulator.record(LedgerEntry.call(account.authId, call.uuid).from("+" + call.from).to("+" + call.to)
          .minutes(call.minutes));
    }
    call.amount = new BigDecimal(entry.price());
    account.root().cashCredits = account.root().cashCredits.subtract(call.amount);
  }

  /** Stops a running call recording and files it under Recording/. */
  void saveRecording(PlivoState.Account account, PlivoState.StoredCall call) {
    if (call.recordingId == null) {
      return;
    }
    long ms = Math.max(0, Duration.between(call.recordingSince, emulator.now()).toMillis());
    if (call.recordingLimit > 0) {
      ms = Math.min(ms, call.recordingLimit * 1000L);
    }
    account.recordings.add(0, new PlivoState.StoredRecording(call.recordingId, call.uuid, "", emulator.now(), ms,
        call.from, call.to, call.recordingFormat));
    call.recordingId = null;
    call.recordingSince = null;
  }

  /** Takes a call out of its conference; a conference left without members ends. */
  void leaveConference(PlivoState.Account account, PlivoState.StoredCall call) {
    if (call.conference == null) {
      return;
    }
    PlivoState.Conference conference = account.conferences.get(call.conference);
    call.conference = null;
    if (conference != null) {
      conference.members.values().removeIf(m -> m.callUuid.equals(call.uuid));
      if (conference.members.isEmpty()) {
        endConference(account, conference);
      }
    }
  }

  /** Removes a conference, filing its running recording. */
  void endConference(PlivoState.Account account, PlivoState.Conference conference) {
    if (conference.recordingId != null) {
      long ms = Math.max(0, Duration.between(conference.recordingSince, emulator.now()).toMillis());
      account.recordings.add(0, new PlivoState.StoredRecording(conference.recordingId, "", conference.name,
          emulator.now(), ms, "", "", conference.recordingFormat));
      conference.recordingId = null;
    }
    account.conferences.remove(conference.name);
  }

  // ---- rendering

  private static Map<String, Object> record(PlivoState.Account account, PlivoState.StoredCall c) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("answer_time", "ANSWER".equals(c.outcome) ? PlivoWire.time(c.answered) : null);
    o.put("bill_duration", c.seconds);
    o.put("billed_duration", c.minutes * 60);
    o.put("call_direction", c.direction);
    o.put("call_duration", c.seconds);
    o.put("call_state", c.outcome);
    o.put("call_uuid", c.uuid);
    o.put("end_time", PlivoWire.time(c.ended));
    o.put("from_number", c.from);
    o.put("hangup_cause_code", "ANSWER".equals(c.outcome) ? 4000 : 1000);
    o.put("hangup_cause_name", c.hangupCause);
    o.put("hangup_source", c.hangupSource);
    o.put("initiation_time", PlivoWire.time(c.initiated));
    o.put("parent_call_uuid", c.parentCallUuid);
    o.put("resource_uri", "/v1/Account/" + account.authId + "/Call/" + c.uuid + "/");
    o.put("to_number", c.to);
    o.put("total_amount", PlivoWire.amount(c.amount));
    o.put("total_rate", PlivoWire.amount(c.rate));
    return o;
  }

  private static Map<String, Object> live(PlivoState.StoredCall c) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("direction", c.direction);
    o.put("from", c.from);
    o.put("call_status", c.liveStatus());
    o.put("to", c.to);
    o.put("caller_name", c.options.getOrDefault("caller_name", "+" + c.from));
    o.put("call_uuid", c.uuid);
    o.put("request_uuid", c.uuid);
    if (c.phase != PlivoState.Phase.QUEUED) {
      o.put("session_start", PlivoWire.time(c.initiated));
    }
    return o;
  }
}
