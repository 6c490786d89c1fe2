package io.switchboard.domain.call;

import io.switchboard.domain.Direction;

import java.time.Instant;
import java.util.Optional;

/** Filters for listing calls; every filter is optional and adapters send those their vendor supports. */
public record CallQuery(
        Optional<String> to,
        Optional<String> from,
        Optional<CallStatus> status,
        Optional<Direction> direction,
        Optional<Instant> startedAfter,
        Optional<Instant> startedBefore) {

    public CallQuery {
        to = to == null ? Optional.empty() : to;
        from = from == null ? Optional.empty() : from;
        status = status == null ? Optional.empty() : status;
        direction = direction == null ? Optional.empty() : direction;
        startedAfter = startedAfter == null ? Optional.empty() : startedAfter;
        startedBefore = startedBefore == null ? Optional.empty() : startedBefore;
    }

    public static CallQuery all() {
        return new CallQuery(null, null, null, null, null, null);
    }

    public CallQuery withTo(String value) {
        return new CallQuery(Optional.ofNullable(value), from, status, direction, startedAfter, startedBefore);
    }

    public CallQuery withFrom(String value) {
        return new CallQuery(to, Optional.ofNullable(value), status, direction, startedAfter, startedBefore);
    }

    public CallQuery withStatus(CallStatus value) {
        return new CallQuery(to, from, Optional.ofNullable(value), direction, startedAfter, startedBefore);
    }

    public CallQuery withDirection(Direction value) {
        return new CallQuery(to, from, status, Optional.ofNullable(value), startedAfter, startedBefore);
    }

    public CallQuery withStartedBetween(Instant after, Instant before) {
        return new CallQuery(to, from, status, direction, Optional.ofNullable(after), Optional.ofNullable(before));
    }
}
