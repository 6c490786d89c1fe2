package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.call.PlivoCallRequest;
import io.switchboard.adapters.plivo.call.PlivoDigits;
import io.switchboard.adapters.plivo.call.PlivoLegs;
import io.switchboard.adapters.plivo.call.PlivoPlayRequest;
import io.switchboard.adapters.plivo.call.PlivoSpeakRequest;
import io.switchboard.adapters.plivo.call.PlivoSpeech;
import io.switchboard.adapters.plivo.call.PlivoTransfer;
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
import java.util.List;

import static io.switchboard.adapters.plivo.EmulatedPlivo.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code api().calls()} does to a live call held by the emulator: transfer (A leg, B leg, both), record,
 * play, speak and send digits, each visible in the call's state.
 */
class PlivoLiveCallsTest {

    private static final PhoneNumber OWNED = PhoneNumber.parse("+12025550111");
    private static final URI ANSWER = URI.create("https://voice.example/answer");

    private final EmulatedPlivo plivo = new EmulatedPlivo();
    private final PlivoCallsApi calls = plivo.api().calls();
    private String aLeg;
    private String bLeg;

    @BeforeEach
    void twoBridgedLiveCalls() {
        plivo.emulator.holdNewCalls("in-progress");
        aLeg = dial("+447700900123");
        bLeg = dial("+14155550142");
        plivo.emulator.bridgeCalls(aLeg, bLeg);
    }

    @AfterEach
    void stop() {
        plivo.close();
    }

    private String dial(String to) {
        return calls.make(PlivoCallRequest.builder().from(OWNED).to(PhoneNumber.parse(to)).answerUrl(ANSWER).build())
                .requestUuids().get(0);
    }

    private PlivoSnapshots.Call state(String uuid) {
        return plivo.emulator.callSnapshot(uuid).orElseThrow();
    }

    @Test
    void transferMovesTheALegToANewUrl() {
        calls.transfer(aLeg, PlivoTransfer.aleg(URI.create("https://voice.example/hold-music"), "GET"));

        assertThat(state(aLeg).url()).isEqualTo("https://voice.example/hold-music");
        assertThat(state(aLeg).urlMethod()).isEqualTo("GET");
        assertThat(state(bLeg).url()).isEqualTo(ANSWER.toString());
    }

    @Test
    void transferMovesOnlyTheBridgedLeg() {
        calls.transfer(aLeg, PlivoTransfer.bleg(URI.create("https://voice.example/queue"), null));

        assertThat(state(bLeg).url()).isEqualTo("https://voice.example/queue");
        assertThat(state(bLeg).urlMethod()).isEqualTo("POST");
        assertThat(state(aLeg).url()).isEqualTo(ANSWER.toString());
    }

    @Test
    void transferMovesBothLegs() {
        calls.transfer(aLeg, PlivoTransfer.both(URI.create("https://voice.example/a"), "POST",
                URI.create("https://voice.example/b"), "GET"));

        assertThat(state(aLeg).url()).isEqualTo("https://voice.example/a");
        assertThat(state(bLeg).url()).isEqualTo("https://voice.example/b");
        assertThat(state(bLeg).urlMethod()).isEqualTo("GET");
    }

    @Test
    void aBLegTransferOfACallWithoutBridgedLegIsRefusedByPlivo() {
        String alone = dial("+14155550143");
        EmulatedPlivo.invalid("legs", () -> calls.transfer(alone,
                PlivoTransfer.bleg(URI.create("https://voice.example/b"), "POST")));
    }

    @Test
    void recordStartAndStopFileARecordingOfTheCall() {
        PlivoRecordingStarted started = calls.startRecording(aLeg, PlivoRecordingOptions.defaults().withTimeLimit(120)
                .withFileFormat("wav")
                .withTranscription("hybrid", URI.create("https://voice.example/transcript"), "GET")
                .withCallback(URI.create("https://voice.example/recorded"), "POST"));
        String id = started.recordingId().orElseThrow();
        assertThat(started.url()).hasValueSatisfying(url -> assertThat(url).endsWith(id + ".wav"));
        assertThat(state(aLeg).recordingId()).isEqualTo(id);
        plivo.clock.advance(Duration.ofSeconds(42));

        calls.stopRecording(aLeg);

        assertThat(state(aLeg).recordingId()).isNull();
        Recording recording = plivo.api().recordings().get(id);
        assertThat(recording.callId()).contains(aLeg);
        assertThat(recording.duration()).isEqualTo(Duration.ofSeconds(42));
        assertThat(recording.mediaUrl()).hasValueSatisfying(url -> assertThat(url.toString()).endsWith(".wav"));
        failure(FailureKind.NOT_FOUND, () -> calls.stopRecording(aLeg));
    }

    @Test
    void aRecordingStopsAtItsTimeLimitAndWhenTheCallIsHungUp() {
        String id = calls.startRecording(aLeg, PlivoRecordingOptions.defaults().withTimeLimit(30)).recordingId()
                .orElseThrow();
        plivo.clock.advance(Duration.ofMinutes(2));

        calls.hangup(aLeg);

        assertThat(plivo.api().recordings().get(id).duration()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void playStartsAndStopsAudioOnTheLegsAsked() {
        calls.play(aLeg, PlivoPlayRequest.of(URI.create("https://audio.example/a.mp3"),
                URI.create("https://audio.example/b.wav")).withLength(20).withLegs(PlivoLegs.BOTH).withLoop(true)
                .withMix(false));

        List<String> urls = List.of("https://audio.example/a.mp3", "https://audio.example/b.wav");
        assertThat(state(aLeg).playing()).isEqualTo(urls);
        assertThat(state(bLeg).playing()).isEqualTo(urls);

        calls.stopPlaying(aLeg);
        assertThat(state(aLeg).playing()).isEmpty();
    }

    @Test
    void speakStartsAndStopsText() {
        calls.speak(aLeg, PlivoSpeakRequest.of(PlivoSpeech.of("Please hold while we transfer your call")
                .withVoice("MAN").withLanguage("en-GB")).withLegs(PlivoLegs.ALEG).withLoop(false).withMix(true));

        assertThat(state(aLeg).speaking()).isEqualTo("Please hold while we transfer your call");
        assertThat(state(bLeg).speaking()).isNull();

        calls.stopSpeaking(aLeg);
        assertThat(state(aLeg).speaking()).isNull();
    }

    @Test
    void sendDigitsReachesTheLegAsked() {
        calls.sendDigits(aLeg, PlivoDigits.of("1w2W3"));
        calls.sendDigits(aLeg, PlivoDigits.of("#99").onLeg(PlivoLegs.BLEG));

        assertThat(state(aLeg).digitsSent()).isEqualTo("1w2W3");
        assertThat(state(bLeg).digitsSent()).isEqualTo("#99");
    }

    @Test
    void mediaOnACallStillRingingIsRefusedAndOnAnEndedCallNotFound() {
        plivo.emulator.holdNewCalls("ringing");
        String ringing = dial("+14155550144");
        failure(FailureKind.INVALID_REQUEST, () -> calls.speak(ringing, PlivoSpeakRequest.of(PlivoSpeech.of("hi"))));

        calls.hangup(aLeg);
        failure(FailureKind.NOT_FOUND, () -> calls.play(aLeg, PlivoPlayRequest.of(URI.create("https://a.example/x"))));
        failure(FailureKind.NOT_FOUND, () -> calls.transfer(aLeg, PlivoTransfer.aleg(ANSWER, "GET")));
    }
}
