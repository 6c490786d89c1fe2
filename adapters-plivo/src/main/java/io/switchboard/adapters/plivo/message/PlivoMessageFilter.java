package io.switchboard.adapters.plivo.message;

import io.switchboard.adapters.plivo.internal.PlivoChecks;

import java.time.Instant;
import java.util.Optional;

/**
 * The filters of Plivo's message list: direction and state as Plivo words ({@code outbound},
 * {@code delivered}), sender ({@code src}) and recipient ({@code dst}), a time window on {@code message_time}
 * (inclusive start, exclusive end), the subaccount whose messages to list, and the carrier's error code, each
 * optional.
 */
public record PlivoMessageFilter(
        Optional<String> direction,
        Optional<String> state,
        Optional<String> src,
        Optional<String> dst,
        Optional<Instant> startTime,
        Optional<Instant> endTime,
        Optional<String> subaccount,
        Optional<String> errorCode) {

    public PlivoMessageFilter {
        direction = direction == null ? Optional.empty() : direction;
        state = state == null ? Optional.empty() : state;
        src = src == null ? Optional.empty() : src;
        dst = dst == null ? Optional.empty() : dst;
        startTime = startTime == null ? Optional.empty() : startTime;
        endTime = endTime == null ? Optional.empty() : endTime;
        subaccount = PlivoChecks.text(subaccount, "subaccount");
        errorCode = PlivoChecks.text(errorCode, "error_code");
    }

    public static PlivoMessageFilter all() {
        return new PlivoMessageFilter(null, null, null, null, null, null, null, null);
    }

    public PlivoMessageFilter withDirection(String value) {
        return new PlivoMessageFilter(Optional.ofNullable(value), state, src, dst, startTime, endTime, subaccount,
                errorCode);
    }

    public PlivoMessageFilter withState(String value) {
        return new PlivoMessageFilter(direction, Optional.ofNullable(value), src, dst, startTime, endTime, subaccount,
                errorCode);
    }

    public PlivoMessageFilter withSrc(String value) {
        return new PlivoMessageFilter(direction, state, Optional.ofNullable(value), dst, startTime, endTime, subaccount,
                errorCode);
    }

    public PlivoMessageFilter withDst(String value) {
        return new PlivoMessageFilter(direction, state, src, Optional.ofNullable(value), startTime, endTime, subaccount,
                errorCode);
    }

    public PlivoMessageFilter withTimeBetween(Instant start, Instant end) {
        return new PlivoMessageFilter(direction, state, src, dst, Optional.ofNullable(start), Optional.ofNullable(end),
                subaccount, errorCode);
    }

    public PlivoMessageFilter withSubaccount(String subauthId) {
        return new PlivoMessageFilter(direction, state, src, dst, startTime, endTime, Optional.ofNullable(subauthId),
                errorCode);
    }

    public PlivoMessageFilter withErrorCode(String code) {
        return new PlivoMessageFilter(direction, state, src, dst, startTime, endTime, subaccount,
                Optional.ofNullable(code));
    }
}
