package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.PlivoDtos.MakeCallResponse;
import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.Ack;
import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.RecordingStarted;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;
import okhttp3.RequestBody;

import java.util.List;
import java.util.Map;

/**
 * Calls, as the marketplace seed lists them: make a call with every parameter; completed calls' records (list, get);
 * live calls (list, get, hang up one or all, transfer, record, play, speak, send digits); and cancelling a call
 * request still queued. Live-call operations take the call uuid of a live call; Plivo answers NOT_FOUND for any other.
 */
public final class PlivoCalls {

    private final PlivoApi api;

    PlivoCalls(PlivoApi api) {
        this.api = api;
    }

    /** Places one call per destination of {@code request}; the answer holds a request uuid for each. */
    public PlivoCallFired make(PlivoCallRequest request) {
        Checks.required(request, "request");
        var body = PlivoHttp.json(request.wire());
        MakeCallResponse fired = api.write(api.service().placeCall(api.authId(), body));
        List<String> uuids = fired.requestUuid() instanceof List<?> list
                ? list.stream().map(String::valueOf).filter(PlivoPager::present).toList()
                : PlivoMapper.text(fired.requestUuid()).map(List::of).orElse(List.of());
        if (uuids.isEmpty()) {
            throw api.http().errors().incomplete(true, "'request_uuid' for a placed call");
        }
        return new PlivoCallFired(fired.message(), uuids);
    }

    /** One page of completed calls' records matching {@code filter}. */
    public Page<PlivoCallRecord> list(PlivoCallRecordFilter filter, PlivoPaging paging) {
        Checks.required(filter, "filter");
        return api.page(q -> api.service().listCalls(api.authId(), q), paging, filter.wire(),
                d -> PlivoPager.present(d.callUuid()), PlivoMarketplaceMapper::callRecord);
    }

    /** A completed call's record. */
    public PlivoCallRecord get(String callUuid) {
        return api.read(api.service().getCall(api.authId(),
                api.id(callUuid, "call_uuid")), PlivoMarketplaceMapper::callRecord);
    }

    /** The uuids of the account's live calls, as Plivo lists them (no paging). */
    public List<String> listLive() {
        var list = api.read(api.service().listCallsIn(api.authId(), Map.of("status", "live")));
        return list.calls() == null ? List.of() : list.calls().stream().filter(PlivoPager::present).toList();
    }

    public PlivoLiveCall getLive(String callUuid) {
        String id = api.id(callUuid, "call_uuid");
        return api.read(api.service().getCallIn(api.authId(), id, "live"),
                dto -> PlivoMarketplaceMapper.liveCall(dto, id));
    }

    /** Hangs up a live call (incoming or outgoing). */
    public void hangup(String callUuid) {
        api.delete(api.service().hangupCall(api.authId(), api.id(callUuid, "call_uuid")));
    }

    /** Hangs up every live call of the account. */
    public void hangupAll() {
        api.delete(api.service().hangupAllCalls(api.authId()));
    }

    /** Sends a live call's A leg, B leg or both to new URLs, whose XML they execute next. */
    public void transfer(String callUuid, PlivoTransfer transfer) {
        Checks.required(transfer, "transfer");
        post(callUuid, (id, body) -> api.service().transferCall(api.authId(), id, body), transfer.wire());
    }

    /** Starts recording a live call. */
    public PlivoRecordingStarted startRecording(String callUuid, PlivoRecordingOptions options) {
        Checks.required(options, "options");
        String id = api.id(callUuid, "call_uuid");
        var body = PlivoHttp.json(options.wire());
        RecordingStarted started = api.write(api.service().recordCall(api.authId(), id, body));
        return new PlivoRecordingStarted(PlivoMapper.text(started.recordingId()), PlivoMapper.text(started.url()),
                started.message());
    }

    public void stopRecording(String callUuid) {
        stop(callUuid, "Record");
    }

    /** Plays audio files into a live call. */
    public void play(String callUuid, PlivoPlayRequest request) {
        Checks.required(request, "request");
        action(callUuid, "Play", request.wire());
    }

    public void stopPlaying(String callUuid) {
        stop(callUuid, "Play");
    }

    /** Speaks text into a live call, asynchronously. */
    public void speak(String callUuid, PlivoSpeakRequest request) {
        Checks.required(request, "request");
        action(callUuid, "Speak", request.wire());
    }

    public void stopSpeaking(String callUuid) {
        stop(callUuid, "Speak");
    }

    /** Sends DTMF digits on a live call. */
    public void sendDigits(String callUuid, PlivoDigits digits) {
        Checks.required(digits, "digits");
        action(callUuid, "DTMF", digits.wire());
    }

    /** Cancels a call request still queued (by the request uuid {@link #make} answered): it never becomes a call. */
    public void cancelRequest(String requestUuid) {
        api.delete(api.service().cancelRequest(api.authId(), api.id(requestUuid, "request_uuid")));
    }

    private void action(String callUuid, String action, Map<String, Object> parameters) {
        post(callUuid, (id, body) -> api.service().callAction(api.authId(), id, action, body), parameters);
    }

    private void stop(String callUuid, String action) {
        api.delete(api.service().stopCallAction(api.authId(), api.id(callUuid, "call_uuid"), action));
    }

    private void post(String callUuid, Post post, Map<String, Object> parameters) {
        String id = api.id(callUuid, "call_uuid");
        var body = PlivoHttp.json(parameters);
        api.act(post.call(id, body));
    }

    @FunctionalInterface
    private interface Post {
        retrofit2.Call<Ack> call(String id, RequestBody body);
    }
}
