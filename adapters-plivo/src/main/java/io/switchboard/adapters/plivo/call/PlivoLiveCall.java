package io.switchboard.adapters.plivo.call;

import io.switchboard.domain.Checks;

import java.time.Instant;
import java.util.Optional;

/**
 * A live call as Plivo describes it: its uuids, numbers (E.164; SIP URIs as they are), direction, live status
 * ({@code ringing}, {@code in-progress}), caller name and when its session started.
 */
public record PlivoLiveCall(
        String callUuid,
        Optional<String> requestUuid,
        String from,
        String to,
        String direction,
        String callStatus,
        Optional<String> callerName,
        Optional<Instant> sessionStart) {

    public PlivoLiveCall {
        Checks.notBlank(callUuid, "call_uuid");
        from = from == null ? "" : from;
        to = to == null ? "" : to;
        direction = direction == null ? "" : direction;
        callStatus = callStatus == null ? "" : callStatus;
    }
}
