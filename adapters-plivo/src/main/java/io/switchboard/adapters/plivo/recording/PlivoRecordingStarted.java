package io.switchboard.adapters.plivo.recording;

import io.switchboard.adapters.plivo.internal.PlivoChecks;

import java.util.Optional;

/** What starting a recording answers: the recording's id and the URL its file will have, when Plivo sends them. */
public record PlivoRecordingStarted(Optional<String> recordingId, Optional<String> url, String message) {

    public PlivoRecordingStarted {
        recordingId = PlivoChecks.orEmpty(recordingId);
        url = PlivoChecks.orEmpty(url);
        message = message == null ? "" : message;
    }
}
