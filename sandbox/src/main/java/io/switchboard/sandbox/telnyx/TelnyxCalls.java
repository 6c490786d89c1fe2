package io.switchboard.sandbox.telnyx;

import io.switchboard.sandbox.LedgerEntry;
import io.switchboard.sandbox.NumberInventory;
import io.switchboard.sandbox.Product;
import io.switchboard.sandbox.http.Halt;
import io.switchboard.sandbox.http.Params;
import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Call Control calls: POST /v2/calls, GET /v2/calls/{call_control_id}, POST .../actions/hangup, the live calls of the
 * connection (GET /v2/connections/{id}/active_calls, cursor paging) and the call-control detail records written when
 * a call ends (GET /v2/detail_records?filter[record_type]=call-control). A dialled call is answered at once and lives
 * until hung up (the dial answer itself says {@code is_alive: false}, as Telnyx's always does); the ledger bills its
 * first minute when it is dialled.
 */
final class TelnyxCalls {
  static final List<String> CDR_FILTERS = List.of("record_type", "date_range", "cli", "cld", "direction", "status",
      "call_session_id", "call_leg_id", "call_control_id", "started_at");
  private static final String CURSOR_PREFIX = "offset:";

  private final TelnyxEmulator emulator;
  private final List<Stored> calls = new ArrayList<>();

  TelnyxCalls(TelnyxEmulator emulator) {
    this.emulator = emulator;
  }

  /** One call leg; {@code status} is {@code in-progress} while alive, then how it ended. */
  static final class Stored {
    final String callControlId;
    final String callLegId;
    final String callSessionId;
    final String direction;
    final String from;
    final String to;
    final String clientState;
    final BigDecimal rate;
    final String currency;
    final Instant startedAt;
    volatile Instant endedAt;
    volatile String status;
    volatile String recordId;

    Stored(String callControlId, String callLegId, String callSessionId, String direction, String from, String to,
        String clientState, BigDecimal rate, String currency, Instant startedAt) {
      this.callControlId = callControlId;
      this.callLegId = callLegId;
      this.callSessionId = callSessionId;
      this.direction = direction;
      this.from = from;
      this.to = to;
      this.clientState = clientState;
      this.rate = rate;
      this.currency = currency;
      this.startedAt = startedAt;
      this.status = "in-progress";
    }

    boolean alive() {
      return endedAt == null;
    }

    long seconds(Instant now) {
      return Duration.between(startedAt, endedAt == null ? now : endedAt).toSeconds();
    }
  }

  Response dial(Request request) {
    Map<String, Object> body = request.jsonObject();
    String connection = string(body, "connection_id");
    String to = string(body, "to");
    String from = string(body, "from");
    if (connection == null) {
      throw TelnyxWire.invalidField("connection_id", "10004", "The 'connection_id' parameter is required.");
    }
    if (!connection.equals(TelnyxEmulator.CONNECTION_ID)) {
      throw TelnyxWire.invalidField("connection_id", "10017", "No Call Control connection '" + connection + "'.");
    }
    if (to == null || from == null) {
      String field = to == null ? "to" : "from";
      throw TelnyxWire.invalidField(field, "10004", "The '" + field + "' parameter is required.");
    }
    if (!TelnyxWire.E164.matcher(to).matches()) {
      throw TelnyxWire.invalidField("to", "10016", "The 'to' parameter must be in +E.164 format, got '" + to + "'.");
    }
    Optional<NumberInventory.OwnedNumber> owned = emulator.numbers().find(from);
    if (owned.isEmpty() || !owned.get().can(Product.VOICE)) {
      throw TelnyxWire.invalidField("from", "10015", "'" + from + "' is not a voice-enabled number of this account.");
    }
    String webhook = string(body, "webhook_url");
    if (webhook != null && !TelnyxMessages.isHttpUrl(webhook)) {
      throw TelnyxWire.invalidField("webhook_url", "10003", "The URL provided was invalid.");
    }
    String clientState = string(body, "client_state");
    if (clientState != null) {
      try {
        Base64.getDecoder().decode(clientState);
      } catch (IllegalArgumentException e) {
        throw TelnyxWire.invalidField("client_state", "10015", "The 'client_state' parameter must be Base64.");
      }
    }
    seconds(body, "timeout_secs", 5, 600);
    seconds(body, "time_limit_secs", 30, 14_400);
    emulator.requireFunds(to, Product.VOICE, null);
    String id = "v3:" + emulator.idGenerator().hex(40);
    LedgerEntry accepted = emulator.acceptDraft(LedgerEntry.call(TelnyxEmulator.USER_ID, id).from(from).to(to)
        .clientReference(clientState == null ? null
            : new String(Base64.getDecoder().decode(clientState), StandardCharsets.UTF_8)));
    emulator.charge(new BigDecimal(accepted.price()), accepted.currency());
    Stored call = new Stored(id, emulator.idGenerator().uuid(), emulator.idGenerator().uuid(), "outgoing", from, to,
        clientState, new BigDecimal(accepted.price()), accepted.currency(), accepted.acceptedAt());
    synchronized (this) {
      calls.add(call);
    }
    // Telnyx's API reference: on the Dial command's answer is_alive is always false, dialling being asynchronous.
    // GET /v2/calls/{call_control_id} says whether the call is alive from then on.
    Map<String, Object> dialled = view(call);
    dialled.put("is_alive", false);
    return TelnyxWire.data(dialled);
  }

  Response get(Request request) {
    return TelnyxWire.data(view(find(request.pathVar("call_control_id"))));
  }

  Response hangup(Request request) {
    Stored call = find(request.pathVar("call_control_id"));
    if (!call.alive()) {
      throw new Halt(TelnyxWire.error(422, "90018",
          "Call has already ended", Map.of("pointer", "/call_control_id")));
    }
    end(call, "completed", call.seconds(emulator.clock().instant()));
    return TelnyxWire.data(Map.of("result", "ok"));
  }

  /** Live calls, oldest first, with Telnyx's cursor paging ({@code page[after]}, {@code page[limit]}). */
  Response active(Request request) {
    String connection = request.pathVar("connection_id");
    if (!connection.equals(TelnyxEmulator.CONNECTION_ID)) {
      throw TelnyxWire.notFound("connection '" + connection + "'");
    }
    Params query = request.query();
    int limit = limit(query);
    int offset = offset(query.first("page[after]"));
    List<Stored> live = new ArrayList<>();
    synchronized (this) {
      for (Stored call : calls) {
        if (call.alive()) {
          live.add(call);
        }
      }
    }
    int from = Math.min(offset, live.size());
    int to = Math.min(from + limit, live.size());
    Instant now = emulator.clock().instant();
    List<Object> data = new ArrayList<>();
    for (Stored call : live.subList(from, to)) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("record_type", "call");
      v.put("call_control_id", call.callControlId);
      v.put("call_leg_id", call.callLegId);
      v.put("call_session_id", call.callSessionId);
      v.put("client_state", call.clientState == null ? "" : call.clientState);
      v.put("call_duration", call.seconds(now));
      data.add(v);
    }
    Map<String, Object> cursors = new LinkedHashMap<>();
    cursors.put("after", cursor(to));
    cursors.put("before", cursor(from));
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("cursors", cursors);
    meta.put("total_items", live.size());
    String base = "/v2/connections/" + connection + "/active_calls?page[limit]=" + limit + "&page[after]=";
    meta.put("next", to < live.size() ? base + cursor(to) : null);
    meta.put("previous", from > 0 ? base + cursor(Math.max(0, from - limit)) : null);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("data", data);
    body.put("meta", meta);
    return Response.json(200, body);
  }

  /** Call-control detail records of ended calls, newest first. */
  Response records(Request request) {
    Params query = request.query();
    TelnyxWire.filters(query, CDR_FILTERS);
    TelnyxWire.PageParams page = TelnyxWire.PageParams.of(query);
    List<Stored> matching = new ArrayList<>();
    synchronized (this) {
      for (int i = calls.size() - 1; i >= 0; i--) {
        Stored c = calls.get(i);
        if (!c.alive() && TelnyxWire.matches(query, "cli", c.from) && TelnyxWire.matches(query, "cld", c.to)
            && TelnyxWire.matches(query, "direction", direction(c)) && TelnyxWire.matches(query, "status", c.status)
            && TelnyxWire.matches(query, "call_session_id", c.callSessionId)
            && TelnyxWire.matches(query, "call_leg_id", c.callLegId)
            && TelnyxWire.matches(query, "call_control_id", c.callControlId)
            && TelnyxWire.inRange(query, "started_at", c.startedAt)) {
          matching.add(c);
        }
      }
    }
    return page.render(matching, this::record);
  }

  /** Ends a live call with {@code status} after {@code seconds}; writes its detail record. */
  synchronized Stored end(String callControlId, String status, long seconds) {
    Stored call = find(callControlId);
    if (call.alive()) {
      end(call, status, seconds);
    }
    return call;
  }

  /** A finished call in the history, as if dialled {@code ago} before now. */
  synchronized Stored history(String from, String to, String status, long seconds, Duration ago) {
    Instant start = emulator.clock().instant().minus(ago);
    BigDecimal rate = emulator.deck().lookup(to, Product.VOICE).map(r -> r.rate()).orElse(BigDecimal.ZERO);
    Stored call = new Stored("v3:" + emulator.idGenerator().hex(40), emulator.idGenerator().uuid(),
        emulator.idGenerator().uuid(), "outgoing", from, to, null, rate, "USD", start);
    calls.add(call);
    end(call, status, seconds);
    return call;
  }

  private void end(Stored call, String status, long seconds) {
    call.status = status;
    call.endedAt = call.startedAt.plusSeconds(seconds);
    call.recordId = emulator.idGenerator().uuid();
  }

  synchronized Stored find(String callControlId) {
    for (Stored call : calls) {
      if (call.callControlId.equals(callControlId)) {
        return call;
      }
    }
    throw TelnyxWire.notFound("call '" + callControlId + "'");
  }

  synchronized long live() {
    return calls.stream().filter(Stored::alive).count();
  }

  private Map<String, Object> view(Stored call) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("record_type", "call");
    v.put("call_control_id", call.callControlId);
    v.put("call_leg_id", call.callLegId);
    v.put("call_session_id", call.callSessionId);
    v.put("client_state", call.clientState);
    v.put("is_alive", call.alive());
    v.put("call_duration", call.seconds(emulator.clock().instant()));
    v.put("start_time", TelnyxWire.timestamp(call.startedAt));
    v.put("end_time", TelnyxWire.timestamp(call.endedAt));
    return v;
  }

  private Map<String, Object> record(Stored c) {
    long seconds = c.seconds(c.endedAt);
    boolean answered = c.status.equals("completed") && seconds > 0;
    long minutes = answered ? (seconds + 59) / 60 : 0;
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("record_type", "call_control_detail_record");
    r.put("id", c.recordId);
    r.put("call_control_id", c.callControlId);
    r.put("call_leg_id", c.callLegId);
    r.put("call_session_id", c.callSessionId);
    r.put("connection_id", TelnyxEmulator.CONNECTION_ID);
    r.put("user_id", TelnyxEmulator.USER_ID);
    r.put("cli", c.from);
    r.put("cld", c.to);
    r.put("direction", direction(c));
    r.put("status", c.status);
    r.put("call_sec", seconds);
    r.put("billed_sec", minutes * 60);
    r.put("rate", c.rate.toPlainString());
    r.put("rate_measured_in", "minute");
    r.put("cost", c.rate.multiply(BigDecimal.valueOf(minutes)).toPlainString());
    r.put("currency", c.currency);
    r.put("started_at", TelnyxWire.timestamp(c.startedAt));
    r.put("ended_at", TelnyxWire.timestamp(c.endedAt));
    return r;
  }

  private static String direction(Stored c) {
    return c.direction.equals("incoming") ? "inbound" : "outbound";
  }

  private static int limit(Params query) {
    String value = query.first("page[limit]");
    if (value == null) {
      return TelnyxWire.DEFAULT_PAGE_SIZE;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 1 && n <= TelnyxWire.MAX_PAGE_SIZE) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw TelnyxWire.invalidParameter("page[limit]", "must be an integer from 1 to 250, got '" + value + "'");
  }

  private static String cursor(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + offset)
        .getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return 0;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith(CURSOR_PREFIX)) {
        return Math.max(0, Integer.parseInt(text.substring(CURSOR_PREFIX.length())));
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw TelnyxWire.invalidParameter("page[after]", "is not a cursor this list handed out");
  }

  private static void seconds(Map<String, Object> body, String name, int min, int max) {
    Object value = body.get(name);
    if (value == null) {
      return;
    }
    if (!(value instanceof Double d) || d != Math.rint(d) || d < min || d > max) {
      throw TelnyxWire.invalidField(name, "10015", "The '" + name + "' parameter must be an integer from " + min
          + " to " + max + ".");
    }
  }

  private static String string(Map<String, Object> body, String name) {
    Object value = body.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw TelnyxWire.invalidField(name, "10015", "The '" + name + "' parameter must be a string.");
    }
    return s.isBlank() ? null : s.trim();
  }
}
