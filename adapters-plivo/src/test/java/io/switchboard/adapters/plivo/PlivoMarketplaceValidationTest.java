package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.account.PlivoAccountChanges;
import io.switchboard.adapters.plivo.application.PlivoApplicationRequest;
import io.switchboard.adapters.plivo.call.PlivoCallRequest;
import io.switchboard.adapters.plivo.call.PlivoDigits;
import io.switchboard.adapters.plivo.call.PlivoLegs;
import io.switchboard.adapters.plivo.call.PlivoPlayRequest;
import io.switchboard.adapters.plivo.call.PlivoSpeech;
import io.switchboard.adapters.plivo.call.PlivoTransfer;
import io.switchboard.adapters.plivo.carrier.PlivoCarrierRequest;
import io.switchboard.adapters.plivo.endpoint.PlivoEndpointChanges;
import io.switchboard.adapters.plivo.endpoint.PlivoEndpointRequest;
import io.switchboard.adapters.plivo.number.PlivoCarrierNumbers;
import io.switchboard.adapters.plivo.number.PlivoNumberChanges;
import io.switchboard.adapters.plivo.number.PlivoNumberFilter;
import io.switchboard.adapters.plivo.number.PlivoNumberSearch;
import io.switchboard.adapters.plivo.recording.PlivoRecordingOptions;
import io.switchboard.adapters.plivo.subaccount.PlivoSubaccountSettings;
import io.switchboard.domain.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static io.switchboard.adapters.plivo.EmulatedPlivo.invalid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The marketplace seed's constraints, checked before any request: each breach is an INVALID_REQUEST naming the
 * parameter as Plivo spells it, and the emulator never hears of it.
 */
class PlivoMarketplaceValidationTest {

    private static final PhoneNumber FROM = PhoneNumber.parse("+12025550111");
    private static final PhoneNumber TO = PhoneNumber.parse("+14155550142");
    private static final URI URL = URI.create("https://voice.example/answer");

    private final EmulatedPlivo plivo = new EmulatedPlivo();
    private final PlivoApi api = plivo.api();

    @AfterEach
    void nothingReachedPlivo() {
        assertThat(plivo.emulator.stats().total()).as("requests that reached the emulator").isZero();
        plivo.close();
    }

    private static PlivoCallRequest.Builder call() {
        return PlivoCallRequest.builder().from(FROM).to(TO).answerUrl(URL);
    }

    @Test
    void makeCallRequiresFromToAndAnAnswerUrl() {
        invalid("from", () -> PlivoCallRequest.builder().to(TO).answerUrl(URL).build());
        invalid("to", () -> PlivoCallRequest.builder().from(FROM).answerUrl(URL).build());
        invalid("to", () -> PlivoCallRequest.builder().from(FROM).to("15677654321<not-a-number"));
        invalid("to", () -> PlivoCallRequest.builder().from(FROM).toSip("sip:no-host"));
        invalid("answer_url", () -> PlivoCallRequest.builder().from(FROM).to(TO).build());
        invalid("answer_url", () -> call().answerUrl(URI.create("ftp://voice.example/x")).build());
        invalid("answer_method", () -> call().answerUrl(URL, "PUT").build());
        invalid("ring_url", () -> call().ringUrl(URI.create("/relative"), "GET").build());
        invalid("hangup_method", () -> call().hangupUrl(URL, "DELETE").build());
        invalid("fallback_url", () -> call().fallbackUrl(URI.create("mailto:x@example.com"), null).build());
        invalid("caller_name", () -> call().callerName("x".repeat(51)).build());
        assertThat(call().callerName("x".repeat(50)).build().callerName()).isPresent();
    }

    @Test
    void sendDigitsFollowsTheWaitSyntax() {
        for (String ok : List.of("2410", "ww2410", "1w2w3@1000", "W*#9", "123@50")) {
            assertThat(call().sendDigits(ok).build().sendDigits()).contains(ok);
        }
        for (String bad : List.of("12x3", "wwW", "1@0", "1@", "@100", "1 2", "1@123456")) {
            invalid("send_digits", () -> call().sendDigits(bad).build());
        }
        invalid("send_on_preanswer", () -> call().sendOnPreanswer(true).build());
    }

    @Test
    void timesAndMachineDetectionStayWithinTheirBounds() {
        invalid("time_limit", () -> call().timeLimit(0).build());
        invalid("hangup_on_ring", () -> call().hangupOnRing(-1).build());
        assertThat(call().hangupOnRing(0).build().hangupOnRing()).contains(0);
        invalid("ring_timeout", () -> call().ringTimeout(0).build());
        invalid("machine_detection", () -> call().machineDetection("maybe").build());
        invalid("machine_detection_time", () -> call().machineDetection("true").machineDetectionTime(1999).build());
        invalid("machine_detection_time", () -> call().machineDetection("true").machineDetectionTime(10_001).build());
        assertThat(call().machineDetection("true").machineDetectionTime(2000).build().machineDetectionTime())
                .contains(2000);
        assertThat(call().machineDetection("hangup").machineDetectionTime(10_000).build().machineDetectionTime())
                .contains(10_000);
        invalid("machine_detection_time", () -> call().machineDetectionTime(5000).build());
        invalid("machine_detection_url", () -> call().machineDetectionUrl(URL, "GET").build());
        invalid("machine_detection_method", () -> call().machineDetection("true").machineDetectionUrl(URL, "HEAD")
                .build());
    }

    @Test
    void sipHeadersAreKeyValuePairsOfPlainCharacters() {
        assertThat(call().sipHeaders("head1=val1,head2=val%202").build().sipHeaders())
                .containsEntry("head2", "val%202");
        invalid("sip_headers", () -> call().sipHeaders("X-PH-head=v").build());
        invalid("sip_headers", () -> call().sipHeaders("head=two words").build());
        invalid("sip_headers", () -> call().sipHeaders("head1=val1,,head2=val2"));
        invalid("sip_headers", () -> call().sipHeaders("novalue"));
        invalid("sip_headers", () -> call().sipHeader("ok", "a=b").build());
    }

    @Test
    void aParentIsNeededToFailWhenItIsNotFound() {
        invalid("error_if_parent_not_found", () -> call().errorIfParentNotFound(true).build());
        invalid("call_uuid", () -> api.calls().live("../../Message"));
    }

    @Test
    void transferNeedsTheUrlOfEveryLegItMoves() {
        invalid("aleg_url", () -> PlivoTransfer.aleg(null, "GET"));
        invalid("bleg_url", () -> PlivoTransfer.bleg(null, "GET"));
        invalid("bleg_url", () -> PlivoTransfer.both(URL, "GET", null, null));
        invalid("aleg_url", () -> new PlivoTransfer(PlivoLegs.BLEG, Optional.of(URL), Optional.empty(),
                Optional.of(URL), Optional.empty()));
        invalid("bleg_method", () -> PlivoTransfer.bleg(URL, "PATCH"));
        invalid("legs", () -> PlivoLegs.parse("cleg", "legs"));
    }

    @Test
    void recordingPlayingSpeakingAndDigitsFollowPlivosRules() {
        invalid("file_format", () -> PlivoRecordingOptions.defaults().withFileFormat("ogg"));
        invalid("transcription_type", () -> PlivoRecordingOptions.defaults().withTranscription("manual", null, null));
        invalid("callback_url", () -> PlivoRecordingOptions.defaults().withCallback(URI.create("x"), null));
        invalid("time_limit", () -> PlivoRecordingOptions.defaults().withTimeLimit(0));
        invalid("time_limit", () -> api.conferences().startRecording("room",
                PlivoRecordingOptions.defaults().withTimeLimit(60)));
        invalid("urls", () -> new PlivoPlayRequest(List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
        invalid("urls", () -> PlivoPlayRequest.of(URI.create("file:///tmp/a.mp3")));
        invalid("length", () -> PlivoPlayRequest.of(URL).withLength(0));
        invalid("text", () -> PlivoSpeech.of(" "));
        invalid("voice", () -> PlivoSpeech.of("hi").withVoice("CHILD"));
        invalid("language", () -> PlivoSpeech.of("hi").withLanguage("english"));
        invalid("digits", () -> PlivoDigits.of("abc"));
        invalid("leg", () -> PlivoDigits.of("1").onLeg(PlivoLegs.BOTH));
    }

    @Test
    void conferenceNamesAndMemberIdsAreChecked() {
        invalid("conference_name", () -> api.conferences().get(" "));
        invalid("conference_name", () -> api.conferences().hangup("a/b"));
        invalid("member_id", () -> api.conferences().muteMember("room", "x"));
        invalid("member_id", () -> api.conferences().kickMember("room", "1,,2"));
        invalid("url", () -> api.conferences().playToMember("room", "1", URI.create("relative.mp3")));
    }

    @Test
    void accountsSubaccountsAndPagingFollowPlivosRules() {
        invalid("name", () -> api.accounts().modify(PlivoAccountChanges.none()));
        invalid("city", () -> PlivoAccountChanges.none().withCity(" "));
        invalid("name", () -> PlivoSubaccountSettings.named(""));
        invalid("limit", () -> PlivoPaging.of(21, 0));
        invalid("limit", () -> PlivoPaging.of(0, 0));
        invalid("offset", () -> PlivoPaging.of(20, -1));
        invalid("subauth_id", () -> api.subaccounts().get(""));
    }

    @Test
    void applicationsNeedANameAndAnAnswerUrlToBeCreated() {
        invalid("app_name", () -> api.applications().create(PlivoApplicationRequest.builder().answerUrl(URL).build()));
        invalid("answer_url", () -> api.applications().create(PlivoApplicationRequest.builder().appName("x").build()));
        invalid("app_name", () -> api.applications().modify("123", PlivoApplicationRequest.builder().appName("y")
                .build()));
        invalid("answer_url", () -> api.applications().modify("123", PlivoApplicationRequest.builder().build()));
        invalid("message_method", () -> PlivoApplicationRequest.builder().messageUrl(URL, "PUT").build());
    }

    @Test
    void endpointsNeedUsernamePasswordAndAlias() {
        invalid("username", () -> PlivoEndpointRequest.of(" ", "secret", "alias"));
        invalid("username", () -> PlivoEndpointRequest.of("two words", "secret", "alias"));
        invalid("password", () -> PlivoEndpointRequest.of("user", "", "alias"));
        invalid("alias", () -> PlivoEndpointRequest.of("user", "secret", null));
        invalid("password", () -> PlivoEndpointChanges.of(null, "alias"));
        invalid("alias", () -> PlivoEndpointChanges.of("secret", " "));
    }

    @Test
    void numbersSearchesAndCarriersFollowPlivosRules() {
        invalid("country_iso", () -> PlivoNumberSearch.in("USA"));
        invalid("type", () -> PlivoNumberSearch.in("US").withType("landline"));
        invalid("pattern", () -> PlivoNumberSearch.in("US").withPattern("41x"));
        invalid("region", () -> PlivoNumberSearch.in("DE").withRegion("FR"));
        invalid("region", () -> PlivoNumberSearch.in("DE").withType("mobile").withRegion("Berlin"));
        invalid("lata", () -> PlivoNumberSearch.in("GB").withLata("722"));
        invalid("rate_center", () -> PlivoNumberSearch.in("GB").withRateCenter("LONDON"));
        invalid("services", () -> PlivoNumberSearch.in("US").withServices("fax"));
        invalid("services", () -> PlivoNumberFilter.all().withService("voice,fax"));
        invalid("app_id", () -> api.numbers().modify("+12025550111", PlivoNumberChanges.none()));
        invalid("numbers", () -> PlivoCarrierNumbers.of(List.of(), "123", "region"));
        invalid("carrier", () -> PlivoCarrierNumbers.of(List.of(FROM), " ", "region"));
        invalid("region", () -> PlivoCarrierNumbers.of(List.of(FROM), "123", null));
        invalid("ip_set", () -> PlivoCarrierRequest.of("Acme", List.of("carrier.example.com")));
        invalid("ip_set", () -> api.carriers().add(PlivoCarrierRequest.renamed("Acme")));
        invalid("name", () -> api.carriers().add(PlivoCarrierRequest.withIps(List.of("203.0.113.1"))));
        invalid("name", () -> api.carriers().modify("123", PlivoCarrierRequest.withIps(List.of())));
        invalid("country_iso", () -> api.pricing().get("United Kingdom"));
        invalid("number", () -> api.numbers().unrent(""));
    }

    @Test
    void checksMadeWhenAnOperationIsCalledNameTheAccount() {
        for (var failure : List.of(
                invalid("member_id", () -> api.conferences().deafMember("room", "")),
                invalid("conference_name", () -> api.conferences().get("")),
                invalid("app_name", () -> api.applications().create(PlivoApplicationRequest.builder().build())),
                invalid("app_id", () -> api.numbers().modify("+12025550111", PlivoNumberChanges.none())),
                invalid("country_iso", () -> api.pricing().get("")),
                invalid("call_uuid", () -> api.calls().hangup(" ")))) {
            assertThat(failure.failure().account()).map(Object::toString).contains("plivo:default");
        }
    }
}
