package io.switchboard.sandbox.twilio;

import io.switchboard.sandbox.callbacks.Callbacks;
import io.switchboard.sandbox.callbacks.Forms;
import io.switchboard.sandbox.callbacks.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Twilio's message webhooks. Status callbacks: a form POST to the send's {@code StatusCallback} for each change after
 * {@code queued} (Twilio sends none for the initial status): {@code sent} then {@code delivered} or {@code undelivered},
 * or {@code failed} alone; parameters {@code MessageSid}, {@code SmsSid}, {@code AccountSid}, {@code From},
 * {@code To}, {@code MessageStatus}, {@code SmsStatus}, {@code ApiVersion}, {@code ErrorCode} on undelivered and
 * failed, {@code RawDlrDoneDate} (YYMMDDhhmm) with a carrier's receipt, {@code MessagingServiceSid} when one sent it.
 * Inbound messages: {@code MessageSid}, {@code SmsSid}, {@code SmsMessageSid}, {@code AccountSid}, {@code From},
 * {@code To}, {@code Body}, {@code NumMedia}, {@code NumSegments}, {@code SmsStatus=received}, {@code ApiVersion},
 * {@code FromCountry} / {@code ToCountry}. Every request carries {@code X-Twilio-Signature} (Base64 HMAC-SHA1 with the
 * auth token over the URL and the sorted parameters as name then value) and {@code I-Twilio-Idempotency-Token}, the
 * same on a retry. From Twilio's docs ("Outbound Message Status in Status Callbacks", "Webhooks security",
 * "Connection overrides") and WIRE.md.
 */
final class TwilioCallbacks {
  static final String DEFAULT_UNDELIVERED = "30003"; // Unreachable destination handset
  static final String DEFAULT_FAILED = "30008"; // Unknown error
  private static final DateTimeFormatter DLR_DONE = DateTimeFormatter.ofPattern("yyMMddHHmm")
      .withZone(ZoneOffset.UTC);

  private final TwilioEmulator emulator;

  TwilioCallbacks(TwilioEmulator emulator) {
    this.emulator = emulator;
  }

  /** Starts the message's life after the send, if it has one (a StatusCallback, or an outcome scripted for it). */
  void afterSend(StoredMessage m, String url) {
    Optional<Outcome> outcome = emulator.callbacks().lifecycle(m.to, url);
    if (outcome.isEmpty()) {
      return;
    }
    m.status("queued", null, m.created);
    Outcome o = outcome.get();
    List<Callbacks.Step> steps = new ArrayList<>();
    switch (o.result()) {
      case DELIVERED -> {
        steps.add(step(m, url, "sent", null));
        steps.add(step(m, url, "delivered", null));
      }
      case UNDELIVERED -> {
        steps.add(step(m, url, "sent", null));
        steps.add(step(m, url, "undelivered", o.errorCodeOr(DEFAULT_UNDELIVERED)));
      }
      case FAILED -> steps.add(step(m, url, "failed", o.errorCodeOr(DEFAULT_FAILED)));
    }
    emulator.callbacks().start(m.sid, url, o, steps);
  }

  private Callbacks.Step step(StoredMessage m, String url, String status, String errorCode) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("MessageSid", m.sid);
    p.put("SmsSid", m.sid);
    p.put("AccountSid", m.accountSid);
    if (m.messagingServiceSid != null) {
      p.put("MessagingServiceSid", m.messagingServiceSid);
    }
    p.put("From", m.from);
    p.put("To", m.to);
    p.put("MessageStatus", status);
    p.put("SmsStatus", status);
    if (errorCode != null) {
      p.put("ErrorCode", errorCode);
    }
    if (status.equals("delivered") || status.equals("undelivered")) {
      p.put("RawDlrDoneDate", DLR_DONE.format(emulator.now()));
    }
    p.put("ApiVersion", TwilioFormat.API_VERSION);
    String token = token();
    Integer code = errorCode == null || !errorCode.matches("[0-9]{1,9}") ? null : Integer.valueOf(errorCode);
    return new Callbacks.Step(() -> m.status(status, code, emulator.now()),
        new Callbacks.Callback("message.status", status, token, attempt -> post(url, p, token)));
  }

  String inbound(String from, String to, String text, String url) {
    String sid = emulator.sid("SM");
    Map<String, String> p = new LinkedHashMap<>();
    p.put("MessageSid", sid);
    p.put("SmsSid", sid);
    p.put("SmsMessageSid", sid);
    p.put("AccountSid", TwilioEmulator.ACCOUNT_SID);
    p.put("From", from);
    p.put("To", to);
    p.put("Body", text);
    p.put("NumMedia", "0");
    p.put("NumSegments", Integer.toString(io.switchboard.sandbox.SmsSegments.segments(text)));
    p.put("SmsStatus", "received");
    p.put("ApiVersion", TwilioFormat.API_VERSION);
    Countries.of(from.replace("+", "")).ifPresent(c -> p.put("FromCountry", c.iso()));
    Countries.of(to.replace("+", "")).ifPresent(c -> p.put("ToCountry", c.iso()));
    String token = token();
    emulator.callbacks().send(sid, url, new Callbacks.Callback("message.inbound", "received", token,
        attempt -> post(url, p, token)));
    return sid;
  }

  private String token() {
    return emulator.sid("").replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5");
  }

  private static Callbacks.Post post(String url, Map<String, String> params, String token) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Twilio-Signature", signature(TwilioEmulator.AUTH_TOKEN, url, params));
    headers.put("I-Twilio-Idempotency-Token", token);
    headers.put("User-Agent", "TwilioProxy/1.1");
    return new Callbacks.Post(url, "POST", "application/x-www-form-urlencoded; charset=UTF-8",
        Forms.encode(params).getBytes(StandardCharsets.UTF_8), headers);
  }

  /** Base64(HMAC-SHA1(token, url + each parameter sorted by name, as name then value)). */
  static String signature(String authToken, String url, Map<String, String> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
    return Forms.hmacBase64("HmacSHA1", authToken, data.toString());
  }
}
