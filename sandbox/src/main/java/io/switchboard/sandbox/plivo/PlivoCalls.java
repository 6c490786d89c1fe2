package io.switchboard.sandbox.plivo;

import io.switchboard.sandbox.LedgerEntry;
import io.switchboard.sandbox.Product;
import io.switchboard.sandbox.RateDeck;
import io.switchboard.sandbox.http.Params;
import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code Call/}: make a call (one per {@code <}-separated destination), and read calls where Plivo keeps them:
 * call detail records of ended calls ({@code Call/}, {@code Call/{uuid}/}), live calls ({@code ?status=live}) and
 * queued ones ({@code ?status=queued}). The sandbox answers every call; its call uuid is the request uuid.
 */
final class PlivoCalls {
  private final PlivoEmulator emulator;
  private volatile PlivoState.Phase hold;
  private volatile Duration duration = Duration.ofSeconds(30);

  PlivoCalls(PlivoEmulator emulator) {
    this.emulator = emulator;
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

  void endHeld() {
    for (PlivoState.Account account : emulator.accounts()) {
      synchronized (account) {
        account.calls.stream().filter(c -> c.phase != PlivoState.Phase.ENDED).forEach(PlivoState.StoredCall::end);
      }
    }
  }

  Response make(Request request) {
    PlivoState.Account account = emulator.account(request);
    Map<String, Object> body = request.jsonObject();
    String from = required(body, "from");
    String to = required(body, "to");
    required(body, "answer_url");
    for (String name : List.of("answer_url", "ring_url", "hangup_url", "fallback_url")) {
      checkUrl(body, name);
    }
    for (String name : List.of("answer_method", "ring_method", "hangup_method", "fallback_method")) {
      String method = PlivoWire.text(body.get(name));
      if (method != null && !method.equalsIgnoreCase("GET") && !method.equalsIgnoreCase("POST")) {
        throw emulator.halt(400, name + " must be GET or POST, got '" + method + "'");
      }
    }
    String callerName = PlivoWire.text(body.get("caller_name"));
    if (callerName != null && callerName.length() > 50) {
      throw emulator.halt(400, "caller_name must be at most 50 characters");
    }
    if (!PlivoWire.isNumber(from)) {
      throw emulator.halt(400, "from must be a phone number, got '" + from + "'");
    }
    Set<String> destinations = new LinkedHashSet<>();
    for (String part : to.split("<")) {
      if (!PlivoWire.isNumber(part.trim())) {
        throw emulator.halt(400, "to holds an invalid destination '" + part.trim() + "'");
      }
      destinations.add(PlivoWire.digits(part.trim()));
    }
    int seconds = (int) duration.getSeconds();
    int minutes = (seconds + 59) / 60;
    BigDecimal total = BigDecimal.ZERO;
    for (String d : destinations) {
      RateDeck.Rate rate = emulator.rate(d, Product.VOICE).orElseThrow(() -> emulator.unpriced("+" + d, Product.VOICE));
      total = total.add(rate.times(minutes));
    }
    List<String> uuids = new ArrayList<>();
    synchronized (account) {
      if (account.cashCredits.compareTo(total) < 0) {
        throw emulator.halt(400, "Insufficient Credit");
      }
      for (String d : destinations) {
        LedgerEntry entry = emulator.record(LedgerEntry.call(account.authId, emulator.newUuid())
            .from("+" + PlivoWire.digits(from)).to("+" + d).minutes(minutes));
        BigDecimal amount = new BigDecimal(entry.price());
        account.cashCredits = account.cashCredits.subtract(amount);
        PlivoState.Phase phase = hold == null ? PlivoState.Phase.ENDED : hold;
        PlivoState.StoredCall call = new PlivoState.StoredCall(entry.id(), PlivoWire.digits(from), d, "outbound",
            entry.acceptedAt(), seconds, minutes, emulator.rate(d, Product.VOICE).orElseThrow().rate(), amount, phase);
        if (phase == PlivoState.Phase.ENDED) {
          call.end();
        }
        account.calls.add(0, call);
        uuids.add(entry.id());
      }
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("api_id", emulator.newUuid());
    answer.put("message", "call fired");
    answer.put("request_uuid", uuids.size() == 1 ? uuids.get(0) : uuids);
    return Response.json(201, answer);
  }

  Response get(Request request) {
    PlivoState.Account account = emulator.account(request);
    String uuid = request.pathVar("uuid");
    String status = request.query().first("status");
    synchronized (account) {
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
    PlivoState.Account account = emulator.account(request);
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
      synchronized (account) {
        ids = account.calls.stream().filter(keep).map(c -> c.uuid).toList();
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("api_id", apiId);
      body.put("calls", ids);
      return Response.json(200, body);
    }
    Predicate<Instant> ended = PlivoWire.timeFilter(apiId, q, "end_time");
    Predicate<Long> billed = durationFilter(apiId, q);
    List<PlivoState.StoredCall> matching;
    synchronized (account) {
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
      case "live" -> call.phase == PlivoState.Phase.RINGING || call.phase == PlivoState.Phase.IN_PROGRESS;
      case "queued" -> call.phase == PlivoState.Phase.QUEUED;
      default -> false;
    };
  }

  private Predicate<Long> durationFilter(String apiId, Params q) {
    Predicate<Long> all = d -> true;
    for (String op : List.of("", "__gt", "__gte", "__lt", "__lte")) {
      String raw = q.first("bill_duration" + op);
      if (raw == null) {
        continue;
      }
      long bound = PlivoWire.integer(apiId, q, "bill_duration" + op, 0);
      all = all.and(switch (op) {
        case "__gt" -> d -> d > bound;
        case "__gte" -> d -> d >= bound;
        case "__lt" -> d -> d < bound;
        case "__lte" -> d -> d <= bound;
        default -> d -> d == bound;
      });
    }
    return all;
  }

  private static Map<String, Object> record(PlivoState.Account account, PlivoState.StoredCall c) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("answer_time", PlivoWire.time(c.answered));
    o.put("bill_duration", c.seconds);
    o.put("billed_duration", c.minutes * 60);
    o.put("call_direction", c.direction);
    o.put("call_duration", c.seconds);
    o.put("call_state", c.outcome);
    o.put("call_uuid", c.uuid);
    o.put("end_time", PlivoWire.time(c.ended));
    o.put("from_number", c.from);
    o.put("hangup_cause_code", 4000);
    o.put("hangup_cause_name", "Normal Hangup");
    o.put("hangup_source", "Callee");
    o.put("initiation_time", PlivoWire.time(c.initiated));
    o.put("parent_call_uuid", null);
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
    o.put("caller_name", "+" + c.from);
    o.put("call_uuid", c.uuid);
    o.put("request_uuid", c.uuid);
    if (c.phase != PlivoState.Phase.QUEUED) {
      o.put("session_start", PlivoWire.time(c.initiated));
    }
    return o;
  }

  private String required(Map<String, Object> body, String name) {
    String value = PlivoWire.text(body.get(name));
    if (value == null || value.isBlank()) {
      throw emulator.halt(400, name + " is a mandatory parameter");
    }
    return value.trim();
  }

  private void checkUrl(Map<String, Object> body, String name) {
    String value = PlivoWire.text(body.get(name));
    if (value == null) {
      return;
    }
    try {
      URI uri = URI.create(value);
      if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        return;
      }
    } catch (IllegalArgumentException ignored) {
      // reported below
    }
    throw emulator.halt(400, name + " must be a valid http(s) URL, got '" + value + "'");
  }
}
