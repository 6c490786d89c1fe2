package io.switchboard.sandbox.twilio;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A call placed through the emulator (or seeded): queued until a test completes it. */
final class StoredCall {
  final String sid;
  final String accountSid;
  final String from;
  final String to;
  final String url;
  final String statusCallback;
  final Instant created;
  private String status = "queued";
  private Instant started;
  private Instant ended;
  private Duration duration;
  private BigDecimal price;
  private String priceUnit = "USD";

  StoredCall(String sid, String accountSid, String from, String to, String url, String statusCallback,
      Instant created) {
    this.sid = sid;
    this.accountSid = accountSid;
    this.from = from;
    this.to = to;
    this.url = url;
    this.statusCallback = statusCallback;
    this.created = created;
  }

  synchronized void complete(Instant answeredAt, Duration lasted, BigDecimal charge, String currency) {
    status = "completed";
    started = answeredAt;
    duration = lasted;
    ended = answeredAt.plus(lasted);
    price = charge;
    priceUnit = currency;
  }

  synchronized String status() {
    return status;
  }

  synchronized Instant started() {
    return started;
  }

  /** The charge once completed (positive), else null. */
  synchronized BigDecimal price() {
    return price;
  }

  synchronized Duration duration() {
    return duration;
  }

  synchronized Map<String, Object> json() {
    String uri = "/2010-04-01/Accounts/" + accountSid + "/Calls/" + sid;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account_sid", accountSid);
    m.put("answered_by", null);
    m.put("api_version", TwilioFormat.API_VERSION);
    m.put("caller_name", null);
    m.put("date_created", TwilioFormat.rfc2822(created));
    m.put("date_updated", TwilioFormat.rfc2822(ended == null ? created : ended));
    m.put("direction", "outbound-api");
    m.put("duration", duration == null ? null : Long.toString(duration.toSeconds()));
    m.put("end_time", TwilioFormat.rfc2822(ended));
    m.put("forwarded_from", null);
    m.put("from", from);
    m.put("from_formatted", from);
    m.put("group_sid", null);
    m.put("parent_call_sid", null);
    m.put("phone_number_sid", null);
    m.put("price", TwilioFormat.charge(price));
    m.put("price_unit", priceUnit);
    m.put("queue_time", "0");
    m.put("sid", sid);
    m.put("start_time", TwilioFormat.rfc2822(started));
    m.put("status", status);
    m.put("subresource_uris", Map.of("recordings", uri + "/Recordings.json", "notifications",
        uri + "/Notifications.json"));
    m.put("to", to);
    m.put("to_formatted", to);
    m.put("trunk_sid", null);
    m.put("uri", uri + ".json");
    return m;
  }
}
