package io.switchboard.adapters.twilio;

import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.port.RecordingsPort;
import io.switchboard.domain.recording.Recording;
import io.switchboard.domain.recording.RecordingQuery;

import java.util.LinkedHashMap;
import java.util.Map;

/** Call and conference recordings kept by Twilio. */
final class TwilioRecordings implements RecordingsPort {

    private final TwilioContext ctx;

    TwilioRecordings(TwilioContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Page<Recording> list(RecordingQuery query, PageRequest page) {
        return ctx.guard(() -> {
            Checks.required(query, "query");
            Checks.required(page, "page");
            Map<String, String> filters = new LinkedHashMap<>();
            query.callId().ifPresent(id -> filters.put("CallSid", TwilioContext.id(id, "callId")));
            query.conferenceId().ifPresent(id -> filters.put("ConferenceSid", TwilioContext.id(id, "conferenceId")));
            query.createdOn().ifPresent(day -> filters.put("DateCreated", day.toString()));
            return ctx.pager.page(ctx.config.apiBaseUrl(), page,
                    size -> ctx.http.rest.listRecordings(ctx.accountSid(), filters, size),
                    ctx.http.rest::recordingsPage, ctx.mapper::recording, "list recordings");
        });
    }

    @Override
    public Recording get(String id) {
        return ctx.guard(() -> {
            String sid = TwilioContext.id(id, "id");
            return ctx.exchange.read(ctx.http.rest.fetchRecording(ctx.accountSid(), sid), "get recording",
                    ctx.mapper::recording);
        });
    }

    /** Deletes the recording and its media at Twilio; this cannot be undone. */
    @Override
    public void delete(String id) {
        ctx.run(() -> {
            String sid = TwilioContext.id(id, "id");
            ctx.exchange.delete(ctx.http.rest.deleteRecording(ctx.accountSid(), sid), "delete recording");
        });
    }
}
