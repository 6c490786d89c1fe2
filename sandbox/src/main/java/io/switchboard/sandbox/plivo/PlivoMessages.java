package io.switchboard.sandbox.plivo;

import io.switchboard.sandbox.LedgerEntry;
import io.switchboard.sandbox.Product;
import io.switchboard.sandbox.RateDeck;
import io.switchboard.sandbox.SmsSegments;
import io.switchboard.sandbox.http.Params;
import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.Response;
import io.switchboard.sandbox.http.Router;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code Message/}: send (one message per destination of {@code dst}, a {@code <}-separated string or a JSON array),
 * fetch and list. A message carries Plivo's {@code message_sent_time} once it has left for the carrier (empty while
 * queued) and {@code message_updated_time}, its last change.
 */
final class PlivoMessages {
  static final int MAX_TEXT = 1600;
  /** Plivo's limit for a text that needs UCS-2, with the error text its API answers. */
  static final int MAX_UNICODE_TEXT = 737;
  private static final Set<String> TYPES = Set.of("sms", "mms", "whatsapp");

  private final PlivoEmulator emulator;

  PlivoMessages(PlivoEmulator emulator) {
    this.emulator = emulator;
  }

  void register(Router router, String base) {
    router.post(base + "Message/", this::send)
        .get(base + "Message/", this::list)
        .get(base + "Message/{uuid}/", this::get);
  }

  Response send(Request request) {
    PlivoState.Account account = emulator.account(request);
    PlivoParams p = PlivoParams.of(emulator, request);
    String src = p.required("src");
    List<String> dst = p.destinations("dst");
    if (dst.isEmpty()) {
      throw emulator.halt(400, "dst is a mandatory parameter");
    }
    String type = p.oneOf("type", TYPES, "sms");
    List<String> media = mediaUrls(p.raw("media_urls"));
    String text = PlivoWire.text(p.raw("text"));
    if ((text == null || text.isEmpty()) && !(type.equals("mms") && !media.isEmpty())) {
      throw emulator.halt(400, "text is a mandatory parameter");
    }
    text = text == null ? "" : text;
    if (text.length() > MAX_TEXT) {
      throw emulator.halt(400, "text must be at most " + MAX_TEXT + " characters, got " + text.length());
    }
    if (type.equals("sms") && SmsSegments.count(text).encoding() == SmsSegments.Encoding.UCS2
        && text.length() > MAX_UNICODE_TEXT) {
      throw emulator.halt(400, "text parameter length exceeds " + MAX_UNICODE_TEXT + " unicode characters");
    }
    String callbackUrl = p.url("url");
    String callbackMethod = p.method("method", "POST");
    p.bool("log");

    Set<String> valid = new LinkedHashSet<>();
    List<String> invalid = new ArrayList<>();
    for (String d : dst) {
      if (PlivoWire.isNumber(d)) {
        valid.add(PlivoWire.digits(d));
      } else {
        invalid.add(d);
      }
    }
    if (valid.isEmpty()) {
      throw emulator.halt(400, "dst has no valid destination number");
    }
    checkSource(account, src, valid);

    Product product = type.equals("mms") ? Product.MMS : Product.SMS;
    int units = product == Product.MMS ? 1 : SmsSegments.segments(text);
    BigDecimal total = BigDecimal.ZERO;
    for (String d : valid) {
      RateDeck.Rate rate = emulator.rate(d, product).orElseThrow(() -> emulator.unpriced("+" + d, product));
      total = total.add(rate.times(units));
    }
    List<String> uuids = new ArrayList<>();
    List<PlivoState.StoredMessage> created = new ArrayList<>();
    synchronized (account.lock) {
      if (account.root().cashCredits.compareTo(total) < 0) {
        throw emulator.halt(400, "Insufficient Credit");
      }
      for (String d : valid) {
        LedgerEntry entry = emulator.record(LedgerEntry.message(account.authId, emulator.newUuid())
            .from(src).to("+" + d).text(text).channel(type));
        BigDecimal amount = new BigDecimal(entry.price());
        BigDecimal rate = emulator.rate(d, product).orElseThrow().rate();
        account.root().cashCredits = account.root().cashCredits.subtract(amount);
        PlivoState.StoredMessage stored = new PlivoState.StoredMessage(entry.id(), PlivoWire.digits(src), d,
            "outbound", type, entry.acceptedAt(), entry.units(), rate, amount, "queued");
        account.messages.add(0, stored);
        created.add(stored);
        uuids.add(entry.id());
      }
    }
    created.forEach(m -> emulator.afterSend(account, m, callbackUrl, callbackMethod));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("api_id", emulator.newUuid());
    if (!invalid.isEmpty()) {
      answer.put("invalid_number", invalid);
    }
    answer.put("message", "message(s) queued");
    answer.put("message_uuid", uuids);
    return Response.json(202, answer);
  }

  /** US and Canadian destinations need a number of this account (one it rents or brought) as {@code src}. */
  private void checkSource(PlivoState.Account account, String src, Set<String> destinations) {
    boolean northAmerica = destinations.stream().anyMatch(d -> d.startsWith("1"));
    if (!northAmerica) {
      return;
    }
    String digits = PlivoWire.digits(src);
    boolean owned;
    synchronized (account.lock) {
      owned = account.root().numbers.stream().anyMatch(n -> n.number.equals(digits) && account.sees(n.owner));
    }
    if (!PlivoWire.isNumber(src) || !owned) {
      throw emulator.halt(400, "src " + src + " is not a Plivo number of this account; messages to the US and "
          + "Canada need one");
    }
  }

  Response get(Request request) {
    PlivoState.Account account = emulator.account(request);
    String uuid = request.pathVar("uuid");
    synchronized (account.lock) {
      for (PlivoState.StoredMessage m : account.messages) {
        if (m.uuid.equals(uuid)) {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("api_id", emulator.newUuid());
          body.putAll(render(account, m));
          return Response.json(200, body);
        }
      }
    }
    throw emulator.halt(404, "not found");
  }

  Response list(Request request) {
    PlivoState.Account account = emulator.listed(request);
    Params q = request.query();
    String apiId = emulator.newUuid();
    Predicate<PlivoState.StoredMessage> keep = PlivoWire.<PlivoState.StoredMessage>textFilter(q,
            "message_direction", m -> m.direction)
        .and(PlivoWire.textFilter(q, "message_state", m -> m.state))
        .and(PlivoWire.textFilter(q, "message_type", m -> m.type))
        .and(PlivoWire.textFilter(q, "error_code", m -> m.errorCode))
        .and(PlivoWire.numberFilter(q, "from_number", m -> m.from))
        .and(PlivoWire.numberFilter(q, "to_number", m -> m.to));
    Predicate<java.time.Instant> time = PlivoWire.timeFilter(apiId, q, "message_time");
    List<PlivoState.StoredMessage> matching;
    synchronized (account.lock) {
      matching = account.messages.stream().filter(keep).filter(m -> time.test(m.time)).toList();
    }
    // Plivo's message list leaves total_count out.
    return PlivoWire.page(apiId, request, matching, m -> render(account, m), false);
  }

  void setState(String uuid, String state, String errorCode) {
    for (PlivoState.Account account : emulator.accounts()) {
      synchronized (account.lock) {
        account.messages.stream().filter(m -> m.uuid.equals(uuid)).forEach(m -> {
          m.moveTo(state, emulator.now());
          m.errorCode = errorCode;
        });
      }
    }
  }

  void deliverQueued() {
    PlivoState.Account account = emulator.account(PlivoEmulator.AUTH_ID);
    synchronized (account.lock) {
      account.messages.stream().filter(m -> m.state.equals("queued"))
          .forEach(m -> m.moveTo("delivered", emulator.now()));
    }
  }

  String receive(PlivoState.Account account, String from, String to, String text) {
    String uuid = emulator.newUuid();
    synchronized (account.lock) {
      account.messages.add(0, new PlivoState.StoredMessage(uuid, PlivoWire.digits(from), PlivoWire.digits(to),
          "inbound", "sms", emulator.now(), SmsSegments.segments(text == null ? "" : text), BigDecimal.ZERO,
          BigDecimal.ZERO, "received"));
    }
    return uuid;
  }

  static Map<String, Object> render(PlivoState.Account account, PlivoState.StoredMessage m) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("error_code", m.errorCode);
    o.put("from_number", m.from);
    o.put("message_direction", m.direction);
    o.put("message_state", m.state);
    o.put("message_time", PlivoWire.time(m.time));
    o.put("message_type", m.type);
    o.put("message_uuid", m.uuid);
    o.put("message_sent_time", PlivoWire.time(m.sentAt));
    o.put("message_updated_time", PlivoWire.time(m.updatedAt));
    o.put("resource_uri", "/v1/Account/" + account.authId + "/Message/" + m.uuid + "/");
    o.put("to_number", m.to);
    o.put("total_amount", PlivoWire.amount(m.amount));
    o.put("total_rate", PlivoWire.amount(m.rate));
    o.put("units", m.units);
    return o;
  }

  private List<String> mediaUrls(Object raw) {
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof List<?> list)) {
      throw emulator.halt(400, "media_urls must be a list of URLs");
    }
    return list.stream().map(PlivoWire::text).toList();
  }
}
