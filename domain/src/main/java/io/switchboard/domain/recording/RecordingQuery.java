package io.switchboard.domain.recording;

import java.time.LocalDate;
import java.util.Optional;

/** Filters for listing recordings: the call or conference recorded, and the day it was created. */
public record RecordingQuery(Optional<String> callId, Optional<String> conferenceId, Optional<LocalDate> createdOn) {

    public RecordingQuery {
        callId = callId == null ? Optional.empty() : callId;
        conferenceId = conferenceId == null ? Optional.empty() : conferenceId;
        createdOn = createdOn == null ? Optional.empty() : createdOn;
    }

    public static RecordingQuery all() {
        return new RecordingQuery(null, null, null);
    }

    public static RecordingQuery forCall(String callId) {
        return new RecordingQuery(Optional.ofNullable(callId), null, null);
    }
}
