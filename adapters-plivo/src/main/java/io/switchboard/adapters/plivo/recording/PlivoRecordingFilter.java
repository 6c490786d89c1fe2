package io.switchboard.adapters.plivo.recording;

import io.switchboard.adapters.plivo.internal.PlivoChecks;
import io.switchboard.domain.SwitchboardException;

import java.time.Instant;
import java.util.Optional;

/**
 * The filters of Plivo's recording list: when recordings were added (a window: from, inclusive,
 * until, exclusive), the subaccount whose recordings to list, and the call recorded.
 */
public record PlivoRecordingFilter(Optional<Instant> addedFrom, Optional<Instant> addedUntil,
        Optional<String> subaccount, Optional<String> callUuid) {

    public PlivoRecordingFilter {
        addedFrom = PlivoChecks.orEmpty(addedFrom);
        addedUntil = PlivoChecks.orEmpty(addedUntil);
        if (addedFrom.isPresent() && addedUntil.isPresent() && !addedFrom.get().isBefore(addedUntil.get())) {
            throw SwitchboardException.invalid("add_time", "window is empty: from " + addedFrom.get() + " until "
                    + addedUntil.get());
        }
        subaccount = PlivoChecks.text(subaccount, "subaccount");
        callUuid = PlivoChecks.text(callUuid, "call_uuid");
    }

    public static PlivoRecordingFilter all() {
        return new PlivoRecordingFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Recordings added from {@code from} (inclusive) until {@code until} (exclusive), either null for no bound. */
    public PlivoRecordingFilter withAddTime(Instant from, Instant until) {
        return new PlivoRecordingFilter(Optional.ofNullable(from), Optional.ofNullable(until), subaccount, callUuid);
    }

    public PlivoRecordingFilter withSubaccount(String subauthId) {
        return new PlivoRecordingFilter(addedFrom, addedUntil, Optional.ofNullable(subauthId), callUuid);
    }

    public PlivoRecordingFilter withCallUuid(String value) {
        return new PlivoRecordingFilter(addedFrom, addedUntil, subaccount, Optional.ofNullable(value));
    }
}
