package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.PlivoDtos.MakeCallResponse;
import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.Ack;
import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.RecordingStarted;
import io.switchboard.adapters.plivo.call.PlivoCallFired;
import io.switchboard.adapters.plivo.call.PlivoCallRecord;
import io.switchboard.adapters.plivo.call.PlivoCallRecordFilter;
import io.switchboard.adapters.plivo.call.PlivoCallRequest;
import io.switchboard.adapters.plivo.call.PlivoDigits;
import io.switchboard.adapters.plivo.call.PlivoLiveCall;
import io.switchboard.adapters.plivo.call.PlivoPlayRequest;
import io.switchboard.adapters.plivo.call.PlivoSpeakRequest;
import io.switchboard.adapters.plivo.call.PlivoTransfer;
import io.switchboard.adapters.plivo.recording.PlivoRecordingOptions;
import io.switchboard.adapters.plivo.recording.PlivoRecordingStarted;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;
import okhttp3.RequestBody;

import java.util.List;
import java.util.Map;

/**
 * Calls, as Plivo's API reference lists them (https://www.plivo.com/docs/voice/api/call): make a call with every
 * parameter; completed calls' records (list, get); live calls (list, get, hang up one or all, transfer, record, play,
 * speak, send digits); and cancelling a call request still queued. Live-call operations take the call uuid of a live
 * call; Plivo answers NOT_FOUND for any other.
 */
public final class PlivoCallsApi {

    private final PlivoContext ctx;
    private final PlivoVoice voice;

    PlivoCallsApi(PlivoContext ctx, PlivoVoice voice) {
        this.ctx = ctx;
        this.voice = voice;
    }

    /** Places one call per destination of {@code request}; the answer holds a request uuid for each. */
    public PlivoCallFired make(PlivoCallRequest request) {
        Checks.required(request, "request");
        var body = PlivoHttp.json(PlivoRequestMapper.parameters(request));
        MakeCallResponse fired = ctx.write(ctx.service().placeCall(ctx.authId(), body));
        List<String> uuids = fired.requestUuid() instanceof List<?> list
                ? list.stream().map(String::valueOf).filter(PlivoPager::present).toList()
                : PlivoMapper.text(fired.requestUuid()).map(List::of).orElse(List.of());
        if (uuids.isEmpty()) {
            throw ctx.http().errors().incomplete(true, "'request_uuid' for a placed call");
        }
        return new PlivoCallFired(fired.message(), uuids);
    }

    /** One page of completed calls' records matching {@code filter}. */
    public Page<PlivoCallRecord> list(PlivoCallRecordFilter filter, PlivoPaging paging) {
        return voice.records(filter, paging);
    }

    /** A completed call's record; {@code connector.voice().get(uuid)} also finds live and queued calls. */
    public PlivoCallRecord get(String callUuid) {
        return voice.record(callUuid);
    }

    /** The uuids of the account's live calls, as Plivo lists them (no paging). */
    public List<String> listLive() {
        return voice.liveUuids();
    }

    /** A live call, as Plivo describes it while it lasts. */
    public PlivoLiveCall live(String callUuid) {
        return voice.live(callUuid);
    }

    /** Hangs up a live call (incoming or outgoing). */
    public void hangup(String callUuid) {
        ctx.delete(ctx.service().hangupCall(ctx.authId(), ctx.id(callUuid, "call_uuid")));
    }

    /** Hangs up every live call of the account. */
    public void hangupAll() {
        ctx.delete(ctx.service().hangupAllCalls(ctx.authId()));
    }

    /** Sends a live call's A leg, B leg or both to new URLs, whose XML they execute next. */
    public void transfer(String callUuid, PlivoTransfer transfer) {
        Checks.required(transfer, "transfer");
        post(callUuid, (id, body) -> ctx.service().transferCall(ctx.authId(), id, body), PlivoRequestMapper.parameters(transfer));
    }

    /** Starts recording a live call. */
    public PlivoRecordingStarted startRecording(String callUuid, PlivoRecordingOptions options) {
        Checks.required(options, "options");
        String id = ctx.id(callUuid, "call_uuid");
        var body = PlivoHttp.json(PlivoRequestMapper.parameters(options));
        RecordingStarted started = ctx.write(ctx.service().recordCall(ctx.authId(), id, body));
        return new PlivoRecordingStarted(PlivoMapper.text(started.recordingId()), PlivoMapper.text(started.url()),
                started.message());
    }

    public void stopRecording(String callUuid) {
        stop(callUuid, "Record");
    }

    /** Plays audio files into a live call. */
    public void play(String callUuid, PlivoPlayRequest request) {
        Checks.required(request, "request");
        action(callUuid, "Play", PlivoRequestMapper.parameters(request));
    }

    public void stopPlaying(String callUuid) {
        stop(callUuid, "Play");
    }

    /** Speaks text into a live call, asynchronously. */
    public void speak(String callUuid, PlivoSpeakRequest request) {
        Checks.required(request, "request");
        action(callUuid, "Speak", PlivoRequestMapper.parameters(request));
    }

    public void stopSpeaking(String callUuid) {
        stop(callUuid, "Speak");
    }

    /** Sends DTMF digits on a live call. */
    public void sendDigits(String callUuid, PlivoDigits digits) {
        Checks.required(digits, "digits");
        action(callUuid, "DTMF", PlivoRequestMapper.parameters(digits));
    }

    /** Cancels a call request still queued (by the request uuid {@link #make} answered): it never becomes a call. */
    public void cancelRequest(String requestUuid) {
        ctx.delete(ctx.service().cancelRequest(ctx.authId(), ctx.id(requestUuid, "request_uuid")));
    }

    private void action(String callUuid, String action, Map<String, Object> parameters) {
        post(callUuid, (id, body) -> ctx.service().callAction(ctx.authId(), id, action, body), parameters);
    }

    private void stop(String callUuid, String action) {
        ctx.delete(ctx.service().stopCallAction(ctx.authId(), ctx.id(callUuid, "call_uuid"), action));
    }

    private void post(String callUuid, Post post, Map<String, Object> parameters) {
        String id = ctx.id(callUuid, "call_uuid");
        var body = PlivoHttp.json(parameters);
        ctx.act(post.call(id, body));
    }

    @FunctionalInterface
    private interface Post {
        retrofit2.Call<Ack> call(String id, RequestBody body);
    }
}
