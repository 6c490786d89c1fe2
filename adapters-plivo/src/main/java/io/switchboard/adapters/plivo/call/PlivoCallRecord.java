package io.switchboard.adapters.plivo.call;

import io.switchboard.domain.Checks;
import io.switchboard.domain.Money;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A completed call's detail record, with Plivo's fields: numbers in E.164 (SIP URIs as they are), durations, when it
 * was initiated, answered and ended, what it cost, how it ended ({@code callState} such as {@code ANSWER} or
 * {@code CANCEL}, the hangup cause and who hung up) and, for a conference leg, its parent call.
 *
 * @param billDuration the seconds Plivo bills, before rounding to its billing increment
 * @param billedDuration the seconds charged, after rounding
 */
public record PlivoCallRecord(
        String callUuid,
        String from,
        String to,
        String callDirection,
        Optional<Duration> callDuration,
        Optional<Duration> billDuration,
        Optional<Duration> billedDuration,
        Optional<Instant> initiationTime,
        Optional<Instant> answerTime,
        Optional<Instant> endTime,
        Optional<Money> totalAmount,
        Optional<Money> totalRate,
        Optional<String> callState,
        Optional<String> hangupCause,
        Optional<String> hangupSource,
        Optional<String> parentCallUuid) {

    public PlivoCallRecord {
        Checks.notBlank(callUuid, "call_uuid");
        from = from == null ? "" : from;
        to = to == null ? "" : to;
        callDirection = callDirection == null ? "" : callDirection;
    }
}
