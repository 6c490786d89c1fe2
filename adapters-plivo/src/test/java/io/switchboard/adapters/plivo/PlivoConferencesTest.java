package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.call.PlivoCallRecord;
import io.switchboard.adapters.plivo.call.PlivoCallRequest;
import io.switchboard.adapters.plivo.call.PlivoSpeech;
import io.switchboard.adapters.plivo.conference.PlivoConference;
import io.switchboard.adapters.plivo.conference.PlivoConferenceMember;
import io.switchboard.adapters.plivo.recording.PlivoRecordingOptions;
import io.switchboard.adapters.plivo.recording.PlivoRecordingStarted;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.recording.Recording;
import io.switchboard.sandbox.plivo.PlivoSnapshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static io.switchboard.adapters.plivo.EmulatedPlivo.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live conferences through {@code api().conferences()}: three answered calls join conference "standup" (as a
 * Conference XML element would put them), then the seed's conference and member operations change it.
 */
class PlivoConferencesTest {

    private static final String ROOM = "standup";
    private static final PhoneNumber OWNED = PhoneNumber.parse("+12025550111");

    private final EmulatedPlivo plivo = new EmulatedPlivo();
    private final PlivoConferencesApi conferences = plivo.api().conferences();
    private String alice;
    private String bob;
    private String carol;
    private String aliceMember;
    private String bobMember;
    private String carolMember;

    @BeforeEach
    void threeMembers() {
        plivo.emulator.holdNewCalls("in-progress");
        alice = dial("+447700900123");
        bob = dial("+14155550142");
        carol = dial("+14155550143");
        aliceMember = plivo.emulator.joinConference(alice, ROOM);
        bobMember = plivo.emulator.joinConference(bob, ROOM);
        carolMember = plivo.emulator.joinConference(carol, ROOM);
    }

    @AfterEach
    void stop() {
        plivo.close();
    }

    private String dial(String to) {
        return plivo.api().calls().make(PlivoCallRequest.builder().from(OWNED).to(PhoneNumber.parse(to))
                .answerUrl(URI.create("https://voice.example/conference")).build()).requestUuids().get(0);
    }

    private PlivoSnapshots.Member member(String memberId) {
        return plivo.emulator.conferenceSnapshot(ROOM).orElseThrow().members().stream()
                .filter(m -> m.memberId().equals(memberId)).findFirst().orElseThrow();
    }

    @Test
    void listAnswersTheLiveConferencesNames() {
        plivo.emulator.joinConference(dial("+14155550144"), "retro");
        assertThat(conferences.list()).containsExactly(ROOM, "retro");
    }

    @Test
    void getAnswersTheMembers() {
        plivo.clock.advance(Duration.ofSeconds(75));

        PlivoConference conference = conferences.get(ROOM);

        assertThat(conference.name()).isEqualTo(ROOM);
        assertThat(conference.memberCount()).isEqualTo(3);
        assertThat(conference.runTime()).contains(Duration.ofSeconds(75));
        assertThat(conference.members()).extracting(PlivoConferenceMember::callUuid).containsExactly(alice, bob, carol);
        assertThat(conference.members().get(0)).satisfies(m -> {
            assertThat(m.memberId()).isEqualTo(aliceMember);
            assertThat(m.from()).isEqualTo(OWNED.e164());
            assertThat(m.to()).isEqualTo("+447700900123");
            assertThat(m.direction()).isEqualTo("outbound");
            assertThat(m.muted()).isFalse();
            assertThat(m.deaf()).isFalse();
            assertThat(m.joinedAgo()).contains(Duration.ofSeconds(75));
        });
        failure(FailureKind.NOT_FOUND, () -> conferences.get("no such room"));
    }

    @Test
    void muteAndUnmuteAMember() {
        conferences.muteMember(ROOM, aliceMember);
        assertThat(conferences.get(ROOM).members()).filteredOn(PlivoConferenceMember::muted)
                .extracting(PlivoConferenceMember::memberId).containsExactly(aliceMember);

        conferences.unmuteMember(ROOM, aliceMember);
        assertThat(conferences.get(ROOM).members()).noneMatch(PlivoConferenceMember::muted);
    }

    @Test
    void deafAndUndeafSeveralMembersAtOnce() {
        conferences.deafMember(ROOM, bobMember + "," + carolMember);
        assertThat(conferences.get(ROOM).members()).filteredOn(PlivoConferenceMember::deaf)
                .extracting(PlivoConferenceMember::memberId).containsExactly(bobMember, carolMember);

        conferences.undeafMember(ROOM, "all");
        assertThat(conferences.get(ROOM).members()).noneMatch(PlivoConferenceMember::deaf);
    }

    @Test
    void playToAMemberAndStop() {
        conferences.playToMember(ROOM, bobMember, URI.create("https://audio.example/chime.mp3"));
        assertThat(member(bobMember).playing()).isEqualTo("https://audio.example/chime.mp3");
        assertThat(member(aliceMember).playing()).isNull();

        conferences.stopPlayingToMember(ROOM, bobMember);
        assertThat(member(bobMember).playing()).isNull();
    }

    @Test
    void speakToAMemberAndStop() {
        conferences.speakToMember(ROOM, carolMember, PlivoSpeech.of("You are next").withVoice("WOMAN")
                .withLanguage("en-US"));
        assertThat(member(carolMember).speaking()).isEqualTo("You are next");

        conferences.stopSpeakingToMember(ROOM, carolMember);
        assertThat(member(carolMember).speaking()).isNull();
    }

    @Test
    void kickTakesAMemberOutAndLeavesItsCallLive() {
        conferences.kickMember(ROOM, bobMember);

        assertThat(conferences.get(ROOM).members()).extracting(PlivoConferenceMember::callUuid)
                .containsExactly(alice, carol);
        assertThat(plivo.api().calls().live(bob).callStatus()).isEqualTo("in-progress");
    }

    @Test
    void hangupMemberEndsItsCallCompletedAndBilled() {
        plivo.clock.advance(Duration.ofSeconds(61));

        conferences.hangupMember(ROOM, aliceMember);

        assertThat(conferences.get(ROOM).memberCount()).isEqualTo(2);
        PlivoCallRecord record = plivo.api().calls().get(alice);
        assertThat(record.callState()).contains("ANSWER");
        assertThat(record.billedDuration()).contains(Duration.ofMinutes(2));
        assertThat(record.totalAmount().orElseThrow().amount()).isEqualByComparingTo("0.070");
        failure(FailureKind.NOT_FOUND, () -> conferences.muteMember(ROOM, aliceMember));
    }

    @Test
    void recordStartAndStopFileAConferenceRecording() {
        PlivoRecordingStarted started = conferences.startRecording(ROOM, PlivoRecordingOptions.defaults()
                .withFileFormat("mp3").withTranscription("auto", URI.create("https://voice.example/t"), "POST")
                .withCallback(URI.create("https://voice.example/done"), "GET"));
        String id = started.recordingId().orElseThrow();
        assertThat(plivo.emulator.conferenceSnapshot(ROOM).orElseThrow().recordingId()).isEqualTo(id);
        plivo.clock.advance(Duration.ofMinutes(3));

        conferences.stopRecording(ROOM);

        Recording recording = plivo.api().recordings().get(id);
        assertThat(recording.conferenceId()).contains(ROOM);
        assertThat(recording.duration()).isEqualTo(Duration.ofMinutes(3));
        failure(FailureKind.NOT_FOUND, () -> conferences.stopRecording(ROOM));
    }

    @Test
    void hangupEndsTheConferenceAndEveryMembersCall() {
        conferences.hangup(ROOM);

        assertThat(conferences.list()).isEmpty();
        assertThat(plivo.api().calls().listLive()).isEmpty();
        assertThat(plivo.api().calls().get(carol).callState()).contains("ANSWER");
        failure(FailureKind.NOT_FOUND, () -> conferences.hangup(ROOM));
    }

    @Test
    void hangupAllEndsEveryConference() {
        plivo.emulator.joinConference(dial("+14155550144"), "retro");

        conferences.hangupAll();

        assertThat(conferences.list()).isEmpty();
        assertThat(plivo.api().calls().listLive()).isEmpty();
    }
}
