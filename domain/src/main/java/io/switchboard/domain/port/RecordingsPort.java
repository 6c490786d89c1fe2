package io.switchboard.domain.port;

import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.recording.Recording;
import io.switchboard.domain.recording.RecordingQuery;

/** Call recordings held by the vendor. */
public interface RecordingsPort {

    Page<Recording> list(RecordingQuery query, PageRequest page);

    Recording get(String id);

    void delete(String id);
}
