package io.switchboard.adapters.plivo;

import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;
import io.switchboard.domain.recording.Recording;

/** Recordings of calls and conferences: list (by add time, subaccount, call), get, delete. */
public final class PlivoRecordings {

    private final PlivoApi api;

    PlivoRecordings(PlivoApi api) {
        this.api = api;
    }

    public Page<Recording> list(PlivoRecordingFilter filter, PlivoPaging paging) {
        Checks.required(filter, "filter");
        return api.page(q -> api.service().listRecordings(api.authId(), q), paging, filter.wire(),
                d -> PlivoPager.present(d.recordingId()), api.mapper()::recording);
    }

    public Recording get(String recordingId) {
        return api.read(api.service().getRecording(api.authId(),
                api.id(recordingId, "recording_id")), api.mapper()::recording);
    }

    public void delete(String recordingId) {
        api.delete(api.service().deleteRecording(api.authId(), api.id(recordingId, "recording_id")));
    }
}
