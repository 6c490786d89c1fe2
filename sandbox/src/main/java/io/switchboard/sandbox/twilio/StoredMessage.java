package io.switchboard.sandbox.twilio;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A message sent through the emulator; its status moves on (queued, then sent, then what a test scripts). */
final class StoredMessage {
  final String sid;
  final String accountSid;
  final String from;
  final String to;
  final String body;
  final List<String> media;
  final int segments;
  final BigDecimal price;
  final String priceUnit;
  final String messagingServiceSid;
  final Instant created;
  private String status = "sent";
  private Integer errorCode;
  private Instant updated;

  StoredMessage(String sid, String accountSid, String from, String to, String body, List<String> media, int segments,
      BigDecimal price, String priceUnit, String messagingServiceSid, Instant created) {
    this.sid = sid;
    this.accountSid = accountSid;
    this.from = from;
    this.to = to;
    this.body = body;
    this.media = List.copyOf(media);
    this.segments = segments;
    this.price = price;
    this.priceUnit = priceUnit;
    this.messagingServiceSid = messagingServiceSid;
    this.created = created;
    this.updated = created;
  }

  synchronized void status(String newStatus, Integer code, Instant at) {
    status = newStatus;
    errorCode = code;
    updated = at;
  }

  /** When it left Twilio: the sandbox sends at once. */
  Instant sent() {
    return created;
  }

  /** The resource as Twilio renders it once sent. */
  synchronized Map<String, Object> json() {
    return render(status, sent(), TwilioFormat.charge(price), updated);
  }

  /** The answer to the create request: still queued, not yet priced, as Twilio answers. */
  Map<String, Object> queuedJson() {
    return render("queued", null, null, created);
  }

  private Map<String, Object> render(String shownStatus, Instant sentAt, String shownPrice, Instant updatedAt) {
    String uri = "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account_sid", accountSid);
    m.put("api_version", TwilioFormat.API_VERSION);
    m.put("body", body);
    m.put("date_created", TwilioFormat.rfc2822(created));
    m.put("date_sent", TwilioFormat.rfc2822(sentAt));
    m.put("date_updated", TwilioFormat.rfc2822(updatedAt));
    m.put("direction", "outbound-api");
    m.put("error_code", errorCode);
    m.put("error_message", errorCode == null ? null : "Delivery failed (sandbox error " + errorCode + ")");
    m.put("from", from);
    m.put("messaging_service_sid", messagingServiceSid);
    m.put("num_media", Integer.toString(media.size()));
    m.put("num_segments", Integer.toString(segments));
    m.put("price", shownPrice);
    m.put("price_unit", priceUnit);
    m.put("sid", sid);
    m.put("status", shownStatus);
    m.put("subresource_uris", Map.of("media", uri + "/Media.json", "feedback", uri + "/Feedback.json"));
    m.put("to", to);
    m.put("uri", uri + ".json");
    return m;
  }
}
