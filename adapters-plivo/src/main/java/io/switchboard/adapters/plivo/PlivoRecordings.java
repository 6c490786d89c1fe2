package io.switchboard.adapters.plivo;

import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.port.RecordingsPort;
import io.switchboard.domain.recording.Recording;
import io.switchboard.domain.recording.RecordingQuery;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plivo's Recording API as the recordings port; {@link PlivoRecordingsApi} lists them with Plivo's filters. */
final class PlivoRecordings implements RecordingsPort {

    private final PlivoContext ctx;

    PlivoRecordings(PlivoContext ctx) {
        this.ctx = ctx;
    }

    /** By call and day at Plivo; by conference here (Plivo has no such filter), so a page may be short. */
    @Override
    public Page<Recording> list(RecordingQuery query, PageRequest page) {
        Checks.required(query, "query");
        Checks.required(page, "page");
        Map<String, String> q = new LinkedHashMap<>();
        query.callId().ifPresent(v -> q.put("call_uuid", v));
        query.createdOn().ifPresent(day -> {
            q.put("add_time__gte", PlivoMapper.filterTime(day.atStartOfDay().toInstant(ZoneOffset.UTC)));
            q.put("add_time__lt", PlivoMapper.filterTime(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        });
        Page<Recording> recordings = list(q, page);
        return query.conferenceId().isEmpty() ? recordings : new Page<>(recordings.items().stream()
                .filter(r -> r.conferenceId().equals(query.conferenceId())).toList(), recordings.nextCursor());
    }

    @Override
    public Recording get(String id) {
        return get(id, "id");
    }

    @Override
    public void delete(String id) {
        delete(id, "id");
    }

    /** One page of recordings with Plivo's query parameters {@code filters}. */
    Page<Recording> list(Map<String, String> filters, PageRequest page) {
        return ctx.page(q -> ctx.service().listRecordings(ctx.authId(), q), page, filters,
                d -> PlivoPager.present(d.recordingId()), ctx.mapper()::recording);
    }

    /** A recording, with {@code field} named in the failure of an id that is not one. */
    Recording get(String id, String field) {
        return ctx.read(ctx.service().getRecording(ctx.authId(), ctx.id(id, field)), ctx.mapper()::recording);
    }

    void delete(String id, String field) {
        ctx.delete(ctx.service().deleteRecording(ctx.authId(), ctx.id(id, field)));
    }
}
