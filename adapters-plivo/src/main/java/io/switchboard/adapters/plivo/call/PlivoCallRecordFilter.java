package io.switchboard.adapters.plivo.call;

import io.switchboard.adapters.plivo.internal.PlivoChecks;
import io.switchboard.domain.SwitchboardException;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The filters of Plivo's list of completed calls: direction ({@code inbound} or {@code outbound}),
 * from and to numbers, the billed duration (a range in seconds; equal bounds for an exact value) and the end time (a
 * window: from, inclusive, until, exclusive).
 */
public record PlivoCallRecordFilter(
        Optional<String> callDirection,
        Optional<String> fromNumber,
        Optional<String> toNumber,
        Optional<Integer> billDurationAtLeast,
        Optional<Integer> billDurationAtMost,
        Optional<Instant> endedFrom,
        Optional<Instant> endedUntil) {

    public PlivoCallRecordFilter {
        callDirection = PlivoChecks.oneOf(callDirection, Set.of("inbound", "outbound"), "call_direction");
        fromNumber = PlivoChecks.text(fromNumber, "from_number");
        toNumber = PlivoChecks.text(toNumber, "to_number");
        billDurationAtLeast = PlivoChecks.atLeast(billDurationAtLeast, 0, "bill_duration");
        billDurationAtMost = PlivoChecks.atLeast(billDurationAtMost, 0, "bill_duration");
        if (billDurationAtLeast.isPresent() && billDurationAtMost.isPresent()
                && billDurationAtLeast.get() > billDurationAtMost.get()) {
            throw SwitchboardException.invalid("bill_duration", "range is empty: at least " + billDurationAtLeast.get()
                    + " and at most " + billDurationAtMost.get());
        }
        endedFrom = PlivoChecks.orEmpty(endedFrom);
        endedUntil = PlivoChecks.orEmpty(endedUntil);
        if (endedFrom.isPresent() && endedUntil.isPresent() && !endedFrom.get().isBefore(endedUntil.get())) {
            throw SwitchboardException.invalid("end_time", "window is empty: from " + endedFrom.get() + " until "
                    + endedUntil.get());
        }
    }

    public static PlivoCallRecordFilter all() {
        return new PlivoCallRecordFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public PlivoCallRecordFilter withCallDirection(String value) {
        return new PlivoCallRecordFilter(Optional.ofNullable(value), fromNumber, toNumber, billDurationAtLeast,
                billDurationAtMost, endedFrom, endedUntil);
    }

    public PlivoCallRecordFilter withFromNumber(String value) {
        return new PlivoCallRecordFilter(callDirection, Optional.ofNullable(value), toNumber, billDurationAtLeast,
                billDurationAtMost, endedFrom, endedUntil);
    }

    public PlivoCallRecordFilter withToNumber(String value) {
        return new PlivoCallRecordFilter(callDirection, fromNumber, Optional.ofNullable(value), billDurationAtLeast,
                billDurationAtMost, endedFrom, endedUntil);
    }

    /** Billed seconds from {@code atLeast} to {@code atMost}, either null for no bound. */
    public PlivoCallRecordFilter withBillDuration(Integer atLeast, Integer atMost) {
        return new PlivoCallRecordFilter(callDirection, fromNumber, toNumber, Optional.ofNullable(atLeast),
                Optional.ofNullable(atMost), endedFrom, endedUntil);
    }

    /** Calls that ended from {@code from} (inclusive) until {@code until} (exclusive), either null for no bound. */
    public PlivoCallRecordFilter withEndTime(Instant from, Instant until) {
        return new PlivoCallRecordFilter(callDirection, fromNumber, toNumber, billDurationAtLeast, billDurationAtMost,
                Optional.ofNullable(from), Optional.ofNullable(until));
    }
}
