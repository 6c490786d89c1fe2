package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.RecordingStarted;
import io.switchboard.adapters.plivo.call.PlivoSpeech;
import io.switchboard.adapters.plivo.conference.PlivoConference;
import io.switchboard.adapters.plivo.internal.PlivoChecks;
import io.switchboard.adapters.plivo.recording.PlivoRecordingOptions;
import io.switchboard.adapters.plivo.recording.PlivoRecordingStarted;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Failure;
import io.switchboard.domain.SwitchboardException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Live conferences, as Plivo's API reference lists them (https://www.plivo.com/docs/voice/api/conference): list, get,
 * hang up one or all, record; and their members: hang up, kick, mute and unmute, deaf and undeaf, play and speak to
 * them. {@code memberId} is one member id, several joined with commas ({@code 10,11}), or {@code all}.
 */
public final class PlivoConferencesApi {

    private static final int MAX_NAME = 128;

    private final PlivoContext ctx;

    PlivoConferencesApi(PlivoContext ctx) {
        this.ctx = ctx;
    }

    /** The names of the account's live conferences. */
    public List<String> list() {
        var list = ctx.read(ctx.service().listConferences(ctx.authId()));
        return list.conferences() == null ? List.of()
                : list.conferences().stream().filter(PlivoPager::present).toList();
    }

    /** A live conference with its members. */
    public PlivoConference get(String conferenceName) {
        String name = name(conferenceName);
        return ctx.read(ctx.service().getConference(ctx.authId(), name),
                dto -> PlivoMarketplaceMapper.conference(dto, name));
    }

    /** Hangs up every live conference (and its members' calls). */
    public void hangupAll() {
        ctx.delete(ctx.service().hangupAllConferences(ctx.authId()));
    }

    public void hangup(String conferenceName) {
        ctx.delete(ctx.service().hangupConference(ctx.authId(), name(conferenceName)));
    }

    /** Starts recording a live conference; a conference recording has no time limit. */
    public PlivoRecordingStarted startRecording(String conferenceName, PlivoRecordingOptions options) {
        Checks.required(options, "options");
        if (options.timeLimit().isPresent()) {
            throw new SwitchboardException(Failure.invalid("time_limit",
                    "applies to call recordings only, not conferences").withAccount(ctx.http().account()));
        }
        String name = name(conferenceName);
        var body = PlivoHttp.json(PlivoRequestMapper.parameters(options));
        RecordingStarted started = ctx.write(ctx.service().recordConference(ctx.authId(), name, body));
        return new PlivoRecordingStarted(PlivoMapper.text(started.recordingId()), PlivoMapper.text(started.url()),
                started.message());
    }

    public void stopRecording(String conferenceName) {
        ctx.delete(ctx.service().stopConferenceRecording(ctx.authId(), name(conferenceName)));
    }

    // ---- members

    /** Hangs up the members' calls. */
    public void hangupMember(String conferenceName, String memberId) {
        ctx.delete(ctx.service().hangupMember(ctx.authId(), name(conferenceName), ids(memberId)));
    }

    /** Takes members out of the conference; their calls go on to the next element of their XML. */
    public void kickMember(String conferenceName, String memberId) {
        member(conferenceName, memberId, "Kick", Map.of());
    }

    /** Others no longer hear the members. */
    public void muteMember(String conferenceName, String memberId) {
        member(conferenceName, memberId, "Mute", Map.of());
    }

    public void unmuteMember(String conferenceName, String memberId) {
        stop(conferenceName, memberId, "Mute");
    }

    /** Plays an mp3 or wav file to the members. */
    public void playToMember(String conferenceName, String memberId, URI url) {
        ctx.checked(() -> PlivoChecks.url(url, "url"));
        member(conferenceName, memberId, "Play", Map.of("url", url.toString()));
    }

    public void stopPlayingToMember(String conferenceName, String memberId) {
        stop(conferenceName, memberId, "Play");
    }

    /** Speaks text to the members. */
    public void speakToMember(String conferenceName, String memberId, PlivoSpeech speech) {
        Checks.required(speech, "text");
        member(conferenceName, memberId, "Speak", PlivoRequestMapper.parameters(speech));
    }

    public void stopSpeakingToMember(String conferenceName, String memberId) {
        stop(conferenceName, memberId, "Speak");
    }

    /** The members no longer hear the conference. */
    public void deafMember(String conferenceName, String memberId) {
        member(conferenceName, memberId, "Deaf", Map.of());
    }

    public void undeafMember(String conferenceName, String memberId) {
        stop(conferenceName, memberId, "Deaf");
    }

    private void member(String conferenceName, String memberId, String action, Map<String, Object> parameters) {
        String name = name(conferenceName);
        String ids = ids(memberId);
        var body = PlivoHttp.json(parameters);
        ctx.act(ctx.service().memberAction(ctx.authId(), name, ids, action, body));
    }

    private void stop(String conferenceName, String memberId, String action) {
        ctx.delete(ctx.service().stopMemberAction(ctx.authId(), name(conferenceName), ids(memberId),
                action));
    }

    private String ids(String memberId) {
        return ctx.checked(() -> PlivoChecks.memberIds(memberId));
    }

    /** A conference name: any text Plivo's XML allows, but not blank, not over 128 characters, no '/' or controls. */
    private String name(String conferenceName) {
        String v = ctx.checked(() -> PlivoChecks.text(conferenceName, "conference_name"));
        if (v.length() > MAX_NAME || v.chars().anyMatch(c -> c == '/' || Character.isISOControl(c))) {
            throw new SwitchboardException(Failure.invalid("conference_name",
                    "must be up to " + MAX_NAME + " characters without '/' or control characters, got '" + v + "'")
                    .withAccount(ctx.http().account()));
        }
        return v;
    }
}
