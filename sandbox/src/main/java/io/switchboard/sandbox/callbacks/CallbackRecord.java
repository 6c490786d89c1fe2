package io.switchboard.sandbox.callbacks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One callback attempt as the emulator made it, for verification from outside.
 *
 * @param messageId the message the callback is about
 * @param kind {@code status} (a delivery status callback) or {@code inbound} (an inbound message)
 * @param event the vendor's event: Telnyx's {@code event_type}, else {@code message.status} / {@code message.inbound}
 * @param status the status word the callback carried, in the vendor's words
 * @param url where it went
 * @param method HTTP method
 * @param attempt 1 for the first try, 2 for the first retry ...
 * @param answer the receiver's HTTP status; 0 when there was none (connection failure, timeout, not sent)
 * @param failure why there was no answer, or null
 * @param token what stays the same across retries and duplicates: Twilio's idempotency token, Telnyx's event id, a
 *     digest of Plivo's body
 * @param at when the attempt was made, on the emulator's clock
 */
public record CallbackRecord(String messageId, String kind, String event, String status, String url, String method,
    int attempt, int answer, String failure, String token, Instant at) {

  public boolean succeeded() {
    return answer >= 200 && answer < 300;
  }

  /** As the control API renders it. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("message_id", messageId);
    m.put("kind", kind);
    m.put("event", event);
    m.put("status", status);
    m.put("url", url);
    m.put("method", method);
    m.put("attempt", attempt);
    m.put("answer", answer);
    m.put("failure", failure);
    m.put("token", token);
    m.put("at", at.toString());
    return m;
  }
}
