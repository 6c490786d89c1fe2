package io.switchboard.sandbox.telnyx;

import io.switchboard.sandbox.LedgerEntry;
import io.switchboard.sandbox.NumberInventory;
import io.switchboard.sandbox.Product;
import io.switchboard.sandbox.SmsSegments;
import io.switchboard.sandbox.http.Params;
import io.switchboard.sandbox.http.Request;
import io.switchboard.sandbox.http.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Messages: POST /v2/messages, GET /v2/messages/{id}, and their message detail records (MDRs) under GET
 * /v2/detail_records?filter[record_type]=messaging. An accepted message starts {@code queued}; tests move it on with
 * {@link TelnyxEmulator#setMessageStatus(String, String)}.
 */
final class TelnyxMessages {
  static final List<String> MDR_FILTERS = List.of("record_type", "date_range", "uuid", "cli", "cld", "direction",
      "status", "message_type", "created_at");
  private static final int MAX_TEXT = 1600;
  /**
   * Telnyx refuses an SMS of more than 10 parts (error 40302, "Message too large") unless the messaging profile
   * chunks long messages, which the emulator's does not.
   */
  static final int MAX_SMS_PARTS = 10;

  private final TelnyxEmulator emulator;
  private final List<Stored> messages = new ArrayList<>();

  TelnyxMessages(TelnyxEmulator emulator) {
    this.emulator = emulator;
  }

  /** One message as the emulator keeps it; {@code status} is the recipient's status word. */
  static final class Stored {
    final String id;
    final String direction;
    final String type;
    final String from;
    final String to;
    final String text;
    final String subject;
    final List<String> media;
    final SmsSegments.Count count;
    final String cost;
    final String rate;
    final String currency;
    final String webhookUrl;
    final Instant createdAt;
    volatile String status;
    volatile Instant completedAt;
    /** Telnyx's {@code errors[]} of a failed message. */
    volatile List<Map<String, Object>> errors = List.of();

    Stored(String id, String direction, String type, String from, String to, String text, String subject,
        List<String> media, String cost, String rate, String currency, String webhookUrl, Instant createdAt,
        String status) {
      this.id = id;
      this.direction = direction;
      this.type = type;
      this.from = from;
      this.to = to;
      this.text = text;
      this.subject = subject;
      this.media = media;
      this.count = SmsSegments.count(text == null ? "" : text);
      this.cost = cost;
      this.rate = rate;
      this.currency = currency;
      this.webhookUrl = webhookUrl;
      this.createdAt = createdAt;
      this.status = status;
    }

    int parts() {
      return "MMS".equals(type) ? 1 : count.segments();
    }
  }

  Response send(Request request) {
    Map<String, Object> body = request.jsonObject();
    String to = string(body, "to");
    String from = string(body, "from");
    String text = string(body, "text");
    String profile = string(body, "messaging_profile_id");
    List<String> media = urls(body.get("media_urls"));
    if (to == null) {
      throw TelnyxWire.invalidField("to", "10004", "The 'to' parameter is required.");
    }
    if (!TelnyxWire.E164.matcher(to).matches()) {
      throw TelnyxWire.invalidField("to", "10016", "The 'to' parameter must be in +E.164 format, got '" + to + "'.");
    }
    if (from == null) {
      throw TelnyxWire.invalidField("from", "10004", "The 'from' parameter is required.");
    }
    if (from.startsWith("+")) {
      Optional<NumberInventory.OwnedNumber> owned = emulator.numbers().find(from);
      if (owned.isEmpty() || !owned.get().can(Product.SMS)) {
        throw TelnyxWire.invalidField("from", "40305", "'" + from + "' is not a messaging-enabled number of this"
            + " account.");
      }
    } else if (!from.matches("[A-Za-z0-9 ]{1,11}") || !from.matches(".*[A-Za-z].*")) {
      throw TelnyxWire.invalidField("from", "40305", "'" + from + "' is neither a +E.164 number nor an"
          + " alphanumeric sender ID.");
    } else if (profile == null) {
      throw TelnyxWire.invalidField("messaging_profile_id", "10004", "An alphanumeric sender ID needs a"
          + " messaging_profile_id.");
    }
    if (profile != null && !profile.equals(TelnyxEmulator.MESSAGING_PROFILE_ID)) {
      throw TelnyxWire.invalidField("messaging_profile_id", "10017", "No messaging profile '" + profile + "'.");
    }
    String type = type(string(body, "type"), media);
    if ((text == null || text.isEmpty()) && media.isEmpty()) {
      throw TelnyxWire.invalidField("text", "10004", "The 'text' parameter is required when no media is sent.");
    }
    if (text != null && type.equals("SMS")) {
      int parts = SmsSegments.segments(text);
      if (parts > MAX_SMS_PARTS) {
        throw TelnyxWire.invalidField("text", "40302", "The SMS message would be divided into " + parts
            + " parts. The maximum is " + MAX_SMS_PARTS + ".");
      }
    } else if (text != null && text.length() > MAX_TEXT) {
      throw TelnyxWire.invalidField("text", "10015", "The 'text' parameter is longer than " + MAX_TEXT
          + " characters.");
    }
    String webhook = string(body, "webhook_url");
    if (webhook != null && !isHttpUrl(webhook)) {
      throw TelnyxWire.invalidField("webhook_url", "10003", "The URL provided was invalid.");
    }
    emulator.checkDestination(to);
    emulator.requireFunds(to, type.equals("MMS") ? Product.MMS : Product.SMS, text);
    String id = emulator.idGenerator().uuid();
    LedgerEntry accepted = emulator.acceptDraft(LedgerEntry.message(TelnyxEmulator.USER_ID, id)
        .channel(type.toLowerCase(Locale.ROOT)).from(from).to(to).text(text));
    emulator.charge(new BigDecimal(accepted.price()), accepted.currency());
    BigDecimal unit = accepted.units() == 0 ? BigDecimal.ZERO
        : new BigDecimal(accepted.price()).divide(BigDecimal.valueOf(accepted.units()));
    Stored stored = new Stored(id, "outbound", type, from, to, text, string(body, "subject"), media,
        accepted.price(), unit.toPlainString(), accepted.currency(), webhook, accepted.acceptedAt(), "queued");
    synchronized (this) {
      messages.add(stored);
    }
    Response answer = TelnyxWire.data(view(stored));
    emulator.afterSend(stored, webhook);
    return answer;
  }

  Response get(Request request) {
    return TelnyxWire.data(view(find(request.pathVar("id"))));
  }

  /** MDRs, newest first, filtered on {@code cli}, {@code cld}, {@code direction}, {@code status}, dates. */
  Response records(Request request) {
    Params query = request.query();
    TelnyxWire.filters(query, MDR_FILTERS);
    TelnyxWire.PageParams page = TelnyxWire.PageParams.of(query);
    List<Stored> matching = new ArrayList<>();
    synchronized (this) {
      for (int i = messages.size() - 1; i >= 0; i--) {
        Stored m = messages.get(i);
        if (TelnyxWire.matches(query, "uuid", m.id) && TelnyxWire.matches(query, "cli", m.from)
            && TelnyxWire.matches(query, "cld", m.to) && TelnyxWire.matches(query, "direction", m.direction)
            && TelnyxWire.matches(query, "status", mdrStatus(m)) && TelnyxWire.matches(query, "message_type", m.type)
            && TelnyxWire.inRange(query, "created_at", m.createdAt)) {
          matching.add(m);
        }
      }
    }
    return page.render(matching, this::record);
  }

  /**
   * A message that arrived at one of the account's numbers. Its recipient's status is {@code delivered}, as in the
   * {@code message.received} example of Telnyx's API reference; its detail record says {@code received}.
   */
  synchronized String receive(String from, String to, String text) {
    return receiveStored(from, to, text).id;
  }

  synchronized Stored receiveStored(String from, String to, String text) {
    String id = emulator.idGenerator().uuid();
    Stored m = new Stored(id, "inbound", "SMS", from, to, text, null, List.of(), "0.00", "0.00", "USD", null,
        emulator.clock().instant(), "delivered");
    messages.add(m);
    return m;
  }

  /** A step of the message's life: its recipient's status and errors, and when it ended if it did. */
  void moved(Stored m, String status, List<Map<String, Object>> errors) {
    m.errors = errors;
    setStatus(m.id, status);
  }

  /** The message as a webhook's payload shows it at {@code status}, which may be behind the stored one. */
  Map<String, Object> payload(Stored m, String status, List<Map<String, Object>> errors, boolean finalized) {
    Map<String, Object> v = view(m);
    @SuppressWarnings("unchecked")
    Map<String, Object> to = new LinkedHashMap<>(((List<Map<String, Object>>) v.get("to")).get(0));
    to.put("status", status);
    v.put("to", List.of(to));
    v.put("errors", errors);
    if (m.direction.equals("outbound")) {
      v.put("sent_at", status.equals("sending_failed") ? null : TelnyxWire.timestamp(m.createdAt));
      v.put("completed_at", finalized ? TelnyxWire.timestamp(emulator.clock().instant()) : null);
    }
    return v;
  }

  void setStatus(String id, String status) {
    Stored m = find(id);
    m.status = status;
    if (List.of("delivered", "delivery_failed", "sending_failed", "expired", "delivery_unconfirmed")
        .contains(status)) {
      m.completedAt = emulator.clock().instant();
    }
  }

  synchronized Stored find(String id) {
    for (Stored m : messages) {
      if (m.id.equals(id)) {
        return m;
      }
    }
    throw TelnyxWire.notFound("message '" + id + "'");
  }

  synchronized int size() {
    return messages.size();
  }

  private Map<String, Object> view(Stored m) {
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("phone_number", m.from);
    from.put("carrier", "Telnyx");
    from.put("line_type", "Wireless");
    Map<String, Object> to = new LinkedHashMap<>();
    to.put("phone_number", m.to);
    to.put("status", m.status);
    to.put("carrier", "Sandbox Mobile");
    to.put("line_type", "Wireless");
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("record_type", "message");
    v.put("id", m.id);
    v.put("direction", m.direction);
    v.put("type", m.type);
    v.put("messaging_profile_id", TelnyxEmulator.MESSAGING_PROFILE_ID);
    v.put("from", from);
    v.put("to", List.of(to));
    v.put("text", m.text);
    v.put("subject", m.subject);
    v.put("media", m.media.stream().map(url -> Map.of("url", url)).toList());
    v.put("webhook_url", m.webhookUrl);
    v.put("encoding", m.count.encoding() == SmsSegments.Encoding.GSM7 ? "GSM-7" : "UCS-2");
    v.put("parts", m.parts());
    v.put("cost", Map.of("amount", m.cost, "currency", m.currency));
    v.put("errors", m.errors);
    v.put("received_at", TelnyxWire.timestamp(m.createdAt));
    v.put("sent_at", m.status.equals("queued") ? null : TelnyxWire.timestamp(m.createdAt));
    v.put("completed_at", TelnyxWire.timestamp(m.completedAt));
    v.put("valid_until", TelnyxWire.timestamp(m.createdAt.plusSeconds(3600)));
    return v;
  }

  private Map<String, Object> record(Stored m) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("record_type", "message_detail_record");
    r.put("uuid", m.id);
    r.put("user_id", TelnyxEmulator.USER_ID);
    r.put("cli", m.from);
    r.put("cld", m.to);
    r.put("direction", m.direction);
    r.put("status", mdrStatus(m));
    r.put("message_type", m.type);
    r.put("parts", m.parts());
    r.put("rate", m.rate);
    r.put("cost", m.cost);
    r.put("currency", m.currency);
    r.put("country_code", TelnyxCountries.of(m.to));
    r.put("source_country_code", TelnyxCountries.of(m.from));
    r.put("profile_id", TelnyxEmulator.MESSAGING_PROFILE_ID);
    r.put("errors", m.errors);
    r.put("created_at", TelnyxWire.timestamp(m.createdAt));
    r.put("sent_at", m.status.equals("queued") ? null : TelnyxWire.timestamp(m.createdAt));
    r.put("completed_at", TelnyxWire.timestamp(m.completedAt));
    return r;
  }

  /** An inbound message's record says {@code received}; an outbound one carries its recipient's status. */
  private static String mdrStatus(Stored m) {
    return m.direction.equals("inbound") ? "received" : m.status;
  }

  private static String type(String requested, List<String> media) {
    if (requested == null) {
      return media.isEmpty() ? "SMS" : "MMS";
    }
    String type = requested.toUpperCase(Locale.ROOT);
    if (!type.equals("SMS") && !type.equals("MMS")) {
      throw TelnyxWire.invalidField("type", "10015", "The 'type' parameter must be SMS or MMS, got '"
          + requested + "'.");
    }
    if (type.equals("SMS") && !media.isEmpty()) {
      throw TelnyxWire.invalidField("media_urls", "10015", "Media can only be sent as MMS.");
    }
    return type;
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

  private static List<String> urls(Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw TelnyxWire.invalidField("media_urls", "10015", "The 'media_urls' parameter must be an array.");
    }
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof String url) || !isHttpUrl(url)) {
        throw TelnyxWire.invalidField("media_urls/" + i, "10003", "The URL provided was invalid.");
      }
      urls.add(url);
    }
    return List.copyOf(urls);
  }

  static boolean isHttpUrl(String text) {
    try {
      URI uri = URI.create(text);
      return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
