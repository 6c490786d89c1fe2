package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.call.PlivoCallFired;
import io.switchboard.adapters.plivo.call.PlivoCallRecord;
import io.switchboard.adapters.plivo.call.PlivoCallRecordFilter;
import io.switchboard.adapters.plivo.call.PlivoCallRequest;
import io.switchboard.adapters.plivo.call.PlivoLiveCall;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Page;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.sandbox.LedgerEntry;
import io.switchboard.sandbox.plivo.PlivoSnapshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.switchboard.adapters.plivo.EmulatedPlivo.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Calls through {@code api().calls()}: make with every parameter, completed calls' records, live calls, hanging up
 * one or all (a hung-up call is completed and billed), and cancelling a queued request.
 */
class PlivoCallsTest {

    private static final PhoneNumber OWNED = PhoneNumber.parse("+12025550111");
    private static final PhoneNumber US = PhoneNumber.parse("+14155550142");
    private static final PhoneNumber UK = PhoneNumber.parse("+447700900123");
    private static final URI ANSWER = URI.create("https://voice.example/answer");

    private final EmulatedPlivo plivo = new EmulatedPlivo();
    private final PlivoCallsApi calls = plivo.api().calls();

    @AfterEach
    void stop() {
        plivo.close();
    }

    private String dial(PhoneNumber to) {
        return calls.make(PlivoCallRequest.builder().from(OWNED).to(to).answerUrl(ANSWER).build())
                .requestUuids().get(0);
    }

    @Test
    void makeSendsEveryParameter() {
        plivo.emulator.holdNewCalls("in-progress");
        PlivoCallFired fired = calls.make(PlivoCallRequest.builder().from(OWNED).to(US)
                .answerUrl(ANSWER, "GET")
                .ringUrl(URI.create("https://voice.example/ring"), "POST")
                .hangupUrl(URI.create("https://voice.example/hangup"), "GET")
                .fallbackUrl(URI.create("https://voice.example/fallback"), "POST")
                .callerName("Front desk").sendDigits("ww2410@1000").sendOnPreanswer(true).timeLimit(300)
                .hangupOnRing(45).machineDetection("hangup").machineDetectionTime(2000)
                .machineDetectionUrl(URI.create("https://voice.example/machine"), "GET")
                .sipHeaders("head1=val1,head2=v%20al2").ringTimeout(30).build());

        assertThat(fired.message()).isEqualTo("call fired");
        String uuid = fired.requestUuids().get(0);
        Map<String, String> received = plivo.emulator.callSnapshot(uuid).orElseThrow().options();
        assertThat(received).contains(entry("from", "+12025550111"), entry("to", "+14155550142"),
                entry("answer_url", ANSWER.toString()), entry("answer_method", "GET"),
                entry("ring_url", "https://voice.example/ring"), entry("ring_method", "POST"),
                entry("hangup_url", "https://voice.example/hangup"), entry("hangup_method", "GET"),
                entry("fallback_url", "https://voice.example/fallback"), entry("fallback_method", "POST"),
                entry("caller_name", "Front desk"), entry("send_digits", "ww2410@1000"),
                entry("send_on_preanswer", "true"), entry("time_limit", "300"), entry("hangup_on_ring", "45"),
                entry("machine_detection", "hangup"), entry("machine_detection_time", "2000"),
                entry("machine_detection_url", "https://voice.example/machine"),
                entry("machine_detection_method", "GET"), entry("sip_headers", "head1=val1,head2=v%20al2"),
                entry("ring_timeout", "30"));
        assertThat(calls.live(uuid).callerName()).contains("Front desk");
    }

    @Test
    void makeToSeveralDestinationsAndASipEndpointFiresOneCallEach() {
        PlivoCallFired fired = calls.make(PlivoCallRequest.builder().from(OWNED)
                .to(UK.digits() + "<" + US.digits() + "<sip:desk123@phone.plivo.com").answerUrl(ANSWER).build());

        assertThat(fired.requestUuids()).hasSize(3).doesNotHaveDuplicates();
        assertThat(plivo.config.ledger().calls()).extracting(LedgerEntry::to)
                .containsExactly(UK.e164(), US.e164(), "sip:desk123@phone.plivo.com");
        assertThat(calls.get(fired.requestUuids().get(2)).to()).isEqualTo("sip:desk123@phone.plivo.com");
    }

    @Test
    void aParentCallThatIsNotLiveFailsWhenAskedTo() {
        PlivoCallRequest.Builder child = PlivoCallRequest.builder().from(OWNED).to(US).answerUrl(ANSWER)
                .parentCallUuid("00000000-0000-4000-8000-000000000000");
        assertThat(calls.make(child.build()).requestUuids()).hasSize(1);
        EmulatedPlivo.invalid("parent_call_uuid", () -> calls.make(child.errorIfParentNotFound(true).build()));

        plivo.emulator.holdNewCalls("in-progress");
        String parent = dial(UK);
        String joined = calls.make(PlivoCallRequest.builder().from(OWNED).to(US).answerUrl(ANSWER)
                .parentCallUuid(parent).errorIfParentNotFound(true).build()).requestUuids().get(0);
        plivo.emulator.endHeldCalls();
        assertThat(calls.get(joined).parentCallUuid()).contains(parent);
    }

    @Test
    void getAnswersACompletedCallsRecord() {
        String uuid = dial(UK);

        PlivoCallRecord record = calls.get(uuid);
        assertThat(record.callUuid()).isEqualTo(uuid);
        assertThat(record.from()).isEqualTo(OWNED.e164());
        assertThat(record.to()).isEqualTo(UK.e164());
        assertThat(record.callDirection()).isEqualTo("outbound");
        assertThat(record.callState()).contains("ANSWER");
        assertThat(record.billDuration()).contains(Duration.ofSeconds(30));
        assertThat(record.billedDuration()).contains(Duration.ofSeconds(60));
        assertThat(record.totalAmount().orElseThrow().amount()).isEqualByComparingTo("0.035");
        assertThat(record.endTime()).isPresent();
        failure(FailureKind.NOT_FOUND, () -> calls.get("00000000-0000-4000-8000-000000000000"));
    }

    @Test
    void listFiltersRecordsByDirectionNumbersBillDurationAndEndTime() {
        plivo.emulator.setCallDuration(Duration.ofSeconds(20));
        String shortOne = dial(UK);
        plivo.clock.advance(Duration.ofMinutes(10));
        plivo.emulator.setCallDuration(Duration.ofSeconds(90));
        String longOne = dial(UK);
        plivo.clock.advance(Duration.ofMinutes(10));
        String toUs = dial(US);

        PlivoCallRecordFilter toUk = PlivoCallRecordFilter.all().withCallDirection("outbound")
                .withFromNumber(OWNED.e164()).withToNumber(UK.e164());
        assertThat(calls.list(toUk, PlivoPaging.first()).items()).extracting(PlivoCallRecord::callUuid)
                .containsExactly(longOne, shortOne);
        assertThat(calls.list(toUk.withBillDuration(60, null), PlivoPaging.first()).items())
                .extracting(PlivoCallRecord::callUuid).containsExactly(longOne);
        assertThat(calls.list(PlivoCallRecordFilter.all().withBillDuration(20, 20), PlivoPaging.first()).items())
                .extracting(PlivoCallRecord::callUuid).containsExactly(shortOne);
        assertThat(calls.list(PlivoCallRecordFilter.all().withEndTime(Instant.parse("2026-03-02T09:15:00Z"), null),
                PlivoPaging.first()).items()).extracting(PlivoCallRecord::callUuid).containsExactly(toUs);
        assertThat(calls.list(PlivoCallRecordFilter.all().withCallDirection("inbound"), PlivoPaging.first()).items())
                .isEmpty();
        Page<PlivoCallRecord> first = calls.list(PlivoCallRecordFilter.all(), PlivoPaging.of(2, 0));
        assertThat(first.items()).hasSize(2);
        assertThat(calls.list(PlivoCallRecordFilter.all(), PlivoPaging.of(2, 0).next(first).orElseThrow()).items())
                .extracting(PlivoCallRecord::callUuid).containsExactly(shortOne);
    }

    @Test
    void liveCallsAreListedAndReadWhileTheyLast() {
        plivo.emulator.holdNewCalls("ringing");
        String ringing = dial(US);
        plivo.emulator.holdNewCalls("in-progress");
        String talking = dial(UK);

        assertThat(calls.listLive()).containsExactlyInAnyOrder(ringing, talking);
        PlivoLiveCall live = calls.live(talking);
        assertThat(live.callStatus()).isEqualTo("in-progress");
        assertThat(live.from()).isEqualTo(OWNED.e164());
        assertThat(live.to()).isEqualTo(UK.e164());
        assertThat(live.direction()).isEqualTo("outbound");
        assertThat(live.sessionStart()).isPresent();
        assertThat(calls.live(ringing).callStatus()).isEqualTo("ringing");
        plivo.emulator.endHeldCalls();
        assertThat(calls.listLive()).isEmpty();
        failure(FailureKind.NOT_FOUND, () -> calls.live(talking));
    }

    @Test
    void hangupCompletesALiveCallAndBillsTheTimeItWasAnswered() {
        plivo.emulator.holdNewCalls("in-progress");
        String uuid = dial(UK);
        BigDecimal before = plivo.credit();
        assertThat(plivo.config.ledger().calls()).as("billed when it ends").isEmpty();
        plivo.clock.advance(Duration.ofSeconds(95));

        calls.hangup(uuid);

        PlivoCallRecord record = calls.get(uuid);
        assertThat(record.callState()).contains("ANSWER");
        assertThat(record.hangupSource()).contains("API Request");
        assertThat(record.billDuration()).contains(Duration.ofSeconds(95));
        assertThat(record.billedDuration()).contains(Duration.ofMinutes(2));
        assertThat(record.totalAmount().orElseThrow().amount()).isEqualByComparingTo("0.070");
        assertThat(plivo.credit()).isEqualByComparingTo(before.subtract(new BigDecimal("0.070")));
        assertThat(plivo.config.ledger().calls()).singleElement().satisfies(e -> assertThat(e.units()).isEqualTo(2));
        assertThat(calls.listLive()).isEmpty();
        failure(FailureKind.NOT_FOUND, () -> calls.hangup(uuid));
    }

    @Test
    void aCallHungUpWhileRingingIsCancelledAndCostsNothing() {
        plivo.emulator.holdNewCalls("ringing");
        String uuid = dial(US);

        calls.hangup(uuid);

        PlivoCallRecord record = calls.get(uuid);
        assertThat(record.callState()).contains("CANCEL");
        assertThat(record.totalAmount().orElseThrow().amount()).isZero();
    }

    @Test
    void aTimeLimitCapsWhatAHungUpCallIsBilled() {
        plivo.emulator.holdNewCalls("in-progress");
        String uuid = calls.make(PlivoCallRequest.builder().from(OWNED).to(US).answerUrl(ANSWER).timeLimit(60).build())
                .requestUuids().get(0);
        plivo.clock.advance(Duration.ofMinutes(5));

        calls.hangup(uuid);

        assertThat(calls.get(uuid).billDuration()).contains(Duration.ofSeconds(60));
    }

    @Test
    void hangupAllEndsEveryLiveCallAndLeavesQueuedRequests() {
        plivo.emulator.holdNewCalls("in-progress");
        List<String> live = List.of(dial(UK), dial(US));
        plivo.emulator.holdNewCalls("queued");
        String queued = dial(US);
        plivo.clock.advance(Duration.ofSeconds(10));

        calls.hangupAll();

        assertThat(calls.listLive()).isEmpty();
        live.forEach(uuid -> assertThat(calls.get(uuid).callState()).contains("ANSWER"));
        assertThat(plivo.connector.voice().orElseThrow().get(queued).rawStatus()).isEqualTo("queued");
    }

    @Test
    void cancelRequestRemovesAQueuedCallBeforeItIsPlaced() {
        plivo.emulator.holdNewCalls("queued");
        String requestUuid = dial(UK);

        calls.cancelRequest(requestUuid);

        failure(FailureKind.NOT_FOUND, () -> plivo.connector.voice().orElseThrow().get(requestUuid));
        failure(FailureKind.NOT_FOUND, () -> calls.cancelRequest(requestUuid));
        assertThat(plivo.config.ledger().calls()).isEmpty();
        assertThat(plivo.emulator.callSnapshot(requestUuid)).map(PlivoSnapshots.Call::phase).isEmpty();
    }
}
