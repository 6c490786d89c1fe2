package io.switchboard.adapters.plivo;

import java.time.Instant;
import java.util.Optional;

/**
 * The filters of a call list, in Plivo's words. {@code state} picks which of Plivo's call lists is read:
 * {@code queued} the queued calls, {@code live}, {@code ringing} or {@code in-progress} the live ones, and
 * {@code ended} (or nothing) the call records of ended calls; any other word is matched against an ended call's
 * {@code call_state} ({@code ANSWER}, {@code BUSY} ...). The time window bounds when a call started.
 */
public record PlivoCallFilter(
        Optional<String> direction,
        Optional<String> state,
        Optional<String> fromNumber,
        Optional<String> toNumber,
        Optional<Instant> startTime,
        Optional<Instant> endTime) {

    public PlivoCallFilter {
        direction = direction == null ? Optional.empty() : direction;
        state = state == null ? Optional.empty() : state;
        fromNumber = fromNumber == null ? Optional.empty() : fromNumber;
        toNumber = toNumber == null ? Optional.empty() : toNumber;
        startTime = startTime == null ? Optional.empty() : startTime;
        endTime = endTime == null ? Optional.empty() : endTime;
    }

    public static PlivoCallFilter all() {
        return new PlivoCallFilter(null, null, null, null, null, null);
    }

    public PlivoCallFilter withDirection(String value) {
        return new PlivoCallFilter(Optional.ofNullable(value), state, fromNumber, toNumber, startTime, endTime);
    }

    public PlivoCallFilter withState(String value) {
        return new PlivoCallFilter(direction, Optional.ofNullable(value), fromNumber, toNumber, startTime, endTime);
    }

    public PlivoCallFilter withFromNumber(String value) {
        return new PlivoCallFilter(direction, state, Optional.ofNullable(value), toNumber, startTime, endTime);
    }

    public PlivoCallFilter withToNumber(String value) {
        return new PlivoCallFilter(direction, state, fromNumber, Optional.ofNullable(value), startTime, endTime);
    }

    public PlivoCallFilter withTimeBetween(Instant start, Instant end) {
        return new PlivoCallFilter(direction, state, fromNumber, toNumber, Optional.ofNullable(start),
                Optional.ofNullable(end));
    }
}
