package io.switchboard.sandbox.telnyx;

import io.switchboard.sandbox.callbacks.Callbacks;
import io.switchboard.sandbox.callbacks.Outcome;
import io.switchboard.sandbox.http.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Telnyx's messaging webhooks: JSON POSTs of {@code {"data": {"event_type", "id", "occurred_at", "payload",
 * "record_type": "event"}, "meta": {"attempt", "delivered_to"}}}. Outbound: {@code message.sent} then {@code
 * message.finalized} whose payload's {@code to[].status} is {@code delivered} or {@code delivery_failed}, or
 * {@code message.finalized} alone with {@code sending_failed}; failures carry {@code errors[{code, title, detail}]}.
 * Inbound: {@code message.received} with direction {@code inbound}. Sent to the send's {@code webhook_url}, else the
 * messaging profile's webhook URL, else nowhere (Telnyx's order). Signed as Telnyx signs: {@code
 * telnyx-signature-ed25519} = Base64(Ed25519 over {@code timestamp|body}) and {@code telnyx-timestamp} in Unix
 * seconds, both made afresh for each attempt, as is {@code meta.attempt}; the event id stays. From Telnyx's
 * "Receiving Webhooks for Messaging" guide and its message schema.
 */
final class TelnyxCallbacks {
  static final String DEFAULT_UNDELIVERED = "40008"; // Undeliverable
  static final String DEFAULT_FAILED = "40001"; // Not routable

  private final TelnyxEmulator emulator;
  private final KeyPair keys;

  TelnyxCallbacks(TelnyxEmulator emulator) {
    this.emulator = emulator;
    try {
      this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks Ed25519", e);
    }
  }

  /** The raw 32-byte Ed25519 public key in Base64, as Telnyx's portal shows it. */
  String publicKey() {
    byte[] x509 = keys.getPublic().getEncoded();
    // The X.509 SubjectPublicKeyInfo of an Ed25519 key is a fixed 12-byte header and then the raw 32-byte key.
    return Base64.getEncoder().encodeToString(Arrays.copyOfRange(x509, x509.length - 32, x509.length));
  }

  void afterSend(TelnyxMessages.Stored m, String url) {
    Optional<Outcome> outcome = emulator.callbacks().lifecycle(m.to, url);
    if (outcome.isEmpty()) {
      return;
    }
    Outcome o = outcome.get();
    List<Callbacks.Step> steps = new ArrayList<>();
    switch (o.result()) {
      case DELIVERED -> {
        steps.add(step(m, url, "message.sent", "sent", null));
        steps.add(step(m, url, "message.finalized", "delivered", null));
      }
      case UNDELIVERED -> {
        steps.add(step(m, url, "message.sent", "sent", null));
        steps.add(step(m, url, "message.finalized", "delivery_failed", o.errorCodeOr(DEFAULT_UNDELIVERED)));
      }
      case FAILED -> steps.add(step(m, url, "message.finalized", "sending_failed", o.errorCodeOr(DEFAULT_FAILED)));
    }
    emulator.callbacks().start(m.id, url, o, steps);
  }

  private Callbacks.Step step(TelnyxMessages.Stored m, String url, String eventType, String status, String code) {
    List<Map<String, Object>> errors = code == null ? List.of() : List.of(error(code));
    boolean finalized = eventType.equals("message.finalized");
    Runnable apply = () -> emulator.messageMoved(m, status, errors);
    String eventId = emulator.idGenerator().uuid();
    // The event is rendered once, when first sent: a retry or a duplicate repeats it, only meta.attempt changes.
    AtomicReference<Map<String, Object>> data = new AtomicReference<>();
    return new Callbacks.Step(apply, new Callbacks.Callback(eventType, status, eventId, attempt -> {
      data.compareAndSet(null, event(eventType, eventId, emulator.payload(m, status, errors, finalized)));
      return post(url, data.get(), attempt);
    }));
  }

  private static Map<String, Object> error(String code) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("code", code);
    e.put("title", TelnyxWire.title(code).equals("Error") ? "Delivery failed" : TelnyxWire.title(code));
    e.put("detail", "The sandbox's scripted outcome for this destination (Telnyx error " + code + ").");
    return e;
  }

  String inbound(TelnyxMessages.Stored m, String url) {
    String eventId = emulator.idGenerator().uuid();
    Map<String, Object> data = event("message.received", eventId, emulator.payload(m, "delivered", List.of(),
        false));
    emulator.callbacks().send(m.id, url, new Callbacks.Callback("message.received", "delivered", eventId,
        attempt -> post(url, data, attempt)));
    return m.id;
  }

  private Map<String, Object> event(String type, String id, Map<String, Object> payload) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("event_type", type);
    data.put("id", id);
    data.put("occurred_at", TelnyxWire.timestamp(emulator.clock().instant()));
    data.put("payload", payload);
    data.put("record_type", "event");
    return data;
  }

  private Callbacks.Post post(String url, Map<String, Object> data, int attempt) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("attempt", attempt);
    meta.put("delivered_to", url);
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("data", data);
    envelope.put("meta", meta);
    byte[] body = Response.json(200, envelope).body();
    String timestamp = Long.toString(emulator.clock().instant().getEpochSecond());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("telnyx-signature-ed25519", sign(timestamp, body));
    headers.put("telnyx-timestamp", timestamp);
    return new Callbacks.Post(url, "POST", "application/json", body, headers);
  }

  private String sign(String timestamp, byte[] body) {
    try {
      Signature ed = Signature.getInstance("Ed25519");
      ed.initSign(keys.getPrivate());
      ed.update((timestamp + "|").getBytes(StandardCharsets.UTF_8));
      ed.update(body);
      return Base64.getEncoder().encodeToString(ed.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with Ed25519", e);
    }
  }
}
