package io.switchboard.adapters.telnyx;

import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.port.RecordingsPort;
import io.switchboard.domain.recording.Recording;
import io.switchboard.domain.recording.RecordingQuery;

import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;

/** Call and conference recordings: GET /recordings, GET and DELETE /recordings/{id}. */
final class TelnyxRecordings implements RecordingsPort {

    private final TelnyxHttp http;
    private final TelnyxMapper mapper;
    private final TelnyxErrors errors;
    private final TelnyxPager pager;

    TelnyxRecordings(TelnyxHttp http, TelnyxMapper mapper, TelnyxErrors errors, TelnyxPager pager) {
        this.http = http;
        this.mapper = mapper;
        this.errors = errors;
        this.pager = pager;
    }

    /**
     * A recording's call id is its {@code call_control_id}, so {@code callId} travels as
     * {@code filter[call_control_id]}; a day becomes {@code filter[created_at][gte]} and {@code [lte]} in UTC.
     */
    @Override
    public Page<Recording> list(RecordingQuery query, PageRequest page) {
        errors.required(query, "query");
        errors.required(page, "page");
        Map<String, String> filters = pager.query(page);
        TelnyxPager.put(filters, "filter[call_control_id]", query.callId());
        TelnyxPager.put(filters, "filter[conference_id]", query.conferenceId());
        query.createdOn().ifPresent(day -> {
            filters.put("filter[created_at][gte]", day.atStartOfDay().toInstant(ZoneOffset.UTC).toString());
            filters.put("filter[created_at][lte]", day.atTime(LocalTime.MAX).toInstant(ZoneOffset.UTC).toString());
        });
        return list(filters, page);
    }

    /** One page of recordings; {@code query} already holds the page and any filters. */
    Page<Recording> list(Map<String, String> query, PageRequest page) {
        int number = pager.number(page);
        int size = TelnyxPager.size(page);
        return http.read(service -> service.recordings(query),
                many -> TelnyxPager.page(many, number, size, mapper::recording));
    }

    @Override
    public Recording get(String id) {
        String recordingId = errors.id(id, "id");
        return http.read(service -> service.recording(recordingId), one -> mapper.recording(one.data()));
    }

    @Override
    public void delete(String id) {
        String recordingId = errors.id(id, "id");
        http.readIgnoringBody(service -> service.deleteRecording(recordingId));
    }
}
