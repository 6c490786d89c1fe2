package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.recording.PlivoRecordingFilter;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;
import io.switchboard.domain.recording.Recording;

/** Recordings of calls and conferences: list (by add time, subaccount, call), get, delete. */
public final class PlivoRecordingsApi {

    private final PlivoRecordings recordings;

    PlivoRecordingsApi(PlivoRecordings recordings) {
        this.recordings = recordings;
    }

    public Page<Recording> list(PlivoRecordingFilter filter, PlivoPaging paging) {
        Checks.required(filter, "filter");
        Checks.required(paging, "paging");
        return recordings.list(PlivoRequestMapper.parameters(filter), paging.toPageRequest());
    }

    public Recording get(String recordingId) {
        return recordings.get(recordingId, "recording_id");
    }

    public void delete(String recordingId) {
        recordings.delete(recordingId, "recording_id");
    }
}
