package io.switchboard.adapters.telnyx;

import com.squareup.moshi.Json;

import java.util.List;

/**
 * The Telnyx webhook envelope as Moshi reads it: {@code {"data": {"event_type", "id", "occurred_at", "payload"}}}.
 * One payload record serves message and call events; its {@code to} is a list of recipients on a message and a number
 * on a call, so it stays untyped. Amounts and codes are strings (Moshi reads a JSON number's literal text into one),
 * so no amount passes through a double. Public only because Moshi's record adapter needs public accessors.
 */
final class TelnyxWebhookDto {

    private TelnyxWebhookDto() {
    }

    public record Envelope(Data data) {
    }

    public record Data(
            @Json(name = "record_type") String recordType,
            @Json(name = "event_type") String eventType,
            String id,
            @Json(name = "occurred_at") String occurredAt,
            Payload payload) {
    }

    public record Payload(
            String id,
            String direction,
            String type,
            Object from,
            Object to,
            String text,
            Cost cost,
            List<Error> errors,
            @Json(name = "call_control_id") String callControlId,
            @Json(name = "hangup_cause") String hangupCause,
            @Json(name = "sip_hangup_cause") String sipHangupCause,
            String state) {
    }

    public record Cost(String amount, String currency) {
    }

    public record Error(String code, String title, String detail) {
    }
}
