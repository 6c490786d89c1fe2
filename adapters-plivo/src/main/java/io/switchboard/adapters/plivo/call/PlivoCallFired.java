package io.switchboard.adapters.plivo.call;

import io.switchboard.domain.Checks;

import java.util.List;

/**
 * Plivo's answer to make call: its message ({@code call fired}) and one request uuid per destination, in order. A
 * request uuid names the call while it is queued (cancel it with {@link io.switchboard.adapters.plivo.PlivoCallsApi#cancelRequest}); Plivo uses it as
 * the call uuid once the call is live.
 */
public record PlivoCallFired(String message, List<String> requestUuids) {

    public PlivoCallFired {
        message = message == null ? "" : message;
        requestUuids = Checks.listOf(requestUuids, "request_uuid");
    }
}
