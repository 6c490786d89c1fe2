package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.application.PlivoApplicationRequest;
import io.switchboard.adapters.plivo.call.PlivoCallFired;
import io.switchboard.adapters.plivo.call.PlivoCallRecordFilter;
import io.switchboard.adapters.plivo.call.PlivoCallRequest;
import io.switchboard.adapters.plivo.call.PlivoDigits;
import io.switchboard.adapters.plivo.call.PlivoLegs;
import io.switchboard.adapters.plivo.call.PlivoPlayRequest;
import io.switchboard.adapters.plivo.call.PlivoSpeech;
import io.switchboard.adapters.plivo.call.PlivoTransfer;
import io.switchboard.adapters.plivo.carrier.PlivoCarrierRequest;
import io.switchboard.adapters.plivo.message.PlivoMessageFilter;
import io.switchboard.adapters.plivo.number.PlivoNumberChanges;
import io.switchboard.adapters.plivo.number.PlivoNumberFilter;
import io.switchboard.adapters.plivo.number.PlivoNumberSearch;
import io.switchboard.adapters.plivo.number.PlivoPurchase;
import io.switchboard.adapters.plivo.subaccount.PlivoSubaccount;
import io.switchboard.adapters.plivo.subaccount.PlivoSubaccountSettings;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What the marketplace operations put on the wire (MockWebServer): methods, paths, JSON names, query parameters. */
class PlivoMarketplaceWireTest {

    private static final String BASE = "/v1/Account/" + MockPlivo.AUTH_ID + "/";

    private final MockPlivo plivo = new MockPlivo();
    private final PlivoApi api = plivo.api();

    @AfterEach
    void stop() {
        plivo.close();
    }

    private RecordedRequest taken(String method, String path) {
        RecordedRequest request = plivo.take();
        assertThat(request.getMethod()).isEqualTo(method);
        assertThat(request.getRequestUrl().encodedPath()).isEqualTo(path);
        return request;
    }

    @Test
    void makeCallPostsEveryParameterInSnakeCase() {
        plivo.enqueue(201, "{\"api_id\":\"a\",\"message\":\"call fired\",\"request_uuid\":[\"r-1\",\"r-2\"]}");

        PlivoCallFired fired = api.calls().make(PlivoCallRequest.builder().from(PhoneNumber.parse("+14155552671"))
                .to("15677654321<sip:desk@phone.plivo.com").answerUrl(URI.create("https://a.example/ans"), "GET")
                .ringUrl(URI.create("https://a.example/ring"), "POST")
                .hangupUrl(URI.create("https://a.example/h"), "GET")
                .fallbackUrl(URI.create("https://a.example/f"), "POST").callerName("Desk").sendDigits("1w2W3@500")
                .sendOnPreanswer(true).timeLimit(600).hangupOnRing(30).machineDetection("true")
                .machineDetectionTime(3000).machineDetectionUrl(URI.create("https://a.example/m"), "POST")
                .sipHeader("team", "blue").sipHeader("ref", "a%2Fb").ringTimeout(45).parentCallUuid("p-1")
                .errorIfParentNotFound(false).build());

        assertThat(taken("POST", BASE + "Call/").getBody().readUtf8()).isEqualTo("{\"from\":\"+14155552671\","
                + "\"to\":\"+15677654321<sip:desk@phone.plivo.com\",\"answer_url\":\"https://a.example/ans\","
                + "\"answer_method\":\"GET\",\"ring_url\":\"https://a.example/ring\",\"ring_method\":\"POST\","
                + "\"hangup_url\":\"https://a.example/h\",\"hangup_method\":\"GET\","
                + "\"fallback_url\":\"https://a.example/f\","
                + "\"fallback_method\":\"POST\",\"caller_name\":\"Desk\",\"send_digits\":\"1w2W3@500\","
                + "\"send_on_preanswer\":true,\"time_limit\":600,\"hangup_on_ring\":30,\"machine_detection\":\"true\","
                + "\"machine_detection_time\":3000,\"machine_detection_url\":\"https://a.example/m\","
                + "\"machine_detection_method\":\"POST\",\"sip_headers\":\"team=blue,ref=a%2Fb\",\"ring_timeout\":45,"
                + "\"parent_call_uuid\":\"p-1\",\"error_if_parent_not_found\":false}");
        assertThat(fired.requestUuids()).containsExactly("r-1", "r-2");
    }

    @Test
    void liveCallActionsUseTheCallsSubResources() {
        plivo.enqueue(202, "{\"api_id\":\"a\",\"message\":\"call transferred\"}");
        plivo.enqueue(202, "{\"api_id\":\"a\",\"message\":\"play started\"}");
        plivo.enqueue(204, "");
        plivo.enqueue(204, "");
        plivo.enqueue(204, "");

        api.calls().transfer("c-1", PlivoTransfer.both(URI.create("https://a.example/a"), null,
                URI.create("https://a.example/b"), "GET"));
        api.calls().play("c-1", PlivoPlayRequest.of(URI.create("https://a.example/1.mp3"),
                URI.create("https://a.example/2.wav")).withLegs(PlivoLegs.BLEG).withLoop(true));
        api.calls().sendDigits("c-1", PlivoDigits.of("12#").onLeg(PlivoLegs.ALEG));
        api.calls().stopSpeaking("c-1");
        api.calls().cancelRequest("r-9");

        assertThat(taken("POST", BASE + "Call/c-1/").getBody().readUtf8()).isEqualTo("{\"legs\":\"both\","
                + "\"aleg_url\":\"https://a.example/a\",\"bleg_url\":\"https://a.example/b\",\"bleg_method\":\"GET\"}");
        assertThat(taken("POST", BASE + "Call/c-1/Play/").getBody().readUtf8()).isEqualTo(
                "{\"urls\":\"https://a.example/1.mp3,https://a.example/2.wav\",\"legs\":\"bleg\",\"loop\":true}");
        assertThat(taken("POST", BASE + "Call/c-1/DTMF/").getBody().readUtf8())
                .isEqualTo("{\"digits\":\"12#\",\"leg\":\"aleg\"}");
        taken("DELETE", BASE + "Call/c-1/Speak/");
        taken("DELETE", BASE + "Request/r-9/");
    }

    @Test
    void conferenceMemberActionsAddressTheMemberPath() {
        plivo.enqueue(202, "{\"api_id\":\"a\",\"message\":\"muted\",\"member_id\":[\"1\",\"2\"]}");
        plivo.enqueue(202, "{\"api_id\":\"a\",\"message\":\"speak queued into conference\"}");
        plivo.enqueue(204, "");

        api.conferences().muteMember("Room A", "1,2");
        api.conferences().speakToMember("Room A", "all", PlivoSpeech.of("Hello").withVoice("man"));
        api.conferences().hangupMember("Room A", "3");

        RecordedRequest mute = plivo.take();
        assertThat(mute.getMethod()).isEqualTo("POST");
        assertThat(mute.getRequestUrl().pathSegments()).containsExactly("v1", "Account", MockPlivo.AUTH_ID,
                "Conference", "Room A", "Member", "1,2", "Mute", "");
        RecordedRequest speak = plivo.take();
        assertThat(speak.getRequestUrl().pathSegments()).containsSubsequence("Member", "all", "Speak");
        assertThat(speak.getBody().readUtf8()).isEqualTo("{\"text\":\"Hello\",\"voice\":\"MAN\"}");
        RecordedRequest hangup = plivo.take();
        assertThat(hangup.getMethod()).isEqualTo("DELETE");
        assertThat(hangup.getRequestUrl().pathSegments()).endsWith("Member", "3", "");
    }

    @Test
    void unlinkingANumbersApplicationSendsAJsonNull() {
        plivo.enqueue(202, "{\"api_id\":\"a\",\"message\":\"changed\"}");

        api.numbers().modify("+14155552671", PlivoNumberChanges.none().withoutApp().withAlias("Support"));

        assertThat(taken("POST", BASE + "Number/14155552671/").getBody().readUtf8())
                .isEqualTo("{\"app_id\":null,\"alias\":\"Support\"}");
    }

    @Test
    void searchSendsItsFiltersAndBuyPostsToThePhoneNumber() {
        plivo.enqueue(200, "{\"api_id\":\"a\",\"meta\":{\"limit\":5,\"offset\":0,\"next\":null},\"objects\":["
                + "{\"number\":\"14155550100\",\"type\":\"fixed\",\"lata\":722,\"rate_center\":\"SNFC CNTRL\","
                + "\"voice_enabled\":true,\"sms_enabled\":true,\"monthly_rental_rate\":\"0.80000\"}]}");
        plivo.enqueue(201, "{\"api_id\":\"a\",\"message\":\"created\",\"numbers\":[{\"number\":\"14155550100\","
                + "\"status\":\"Success\"}],\"status\":\"fulfilled\"}");

        var found = api.numbers().search(PlivoNumberSearch.in("us").withType("fixed").withPattern("415")
                .withRegion("California").withServices("voice,sms").withLata("722").withRateCenter("SNFC CNTRL"),
                PlivoPaging.of(5, 0));
        PlivoPurchase purchase = api.numbers().buy(found.items().get(0).id(), "app-1");

        RecordedRequest search = taken("GET", BASE + "PhoneNumber/");
        assertThat(search.getRequestUrl().queryParameter("country_iso")).isEqualTo("US");
        assertThat(search.getRequestUrl().queryParameter("type")).isEqualTo("fixed");
        assertThat(search.getRequestUrl().queryParameter("pattern")).isEqualTo("415");
        assertThat(search.getRequestUrl().queryParameter("region")).isEqualTo("California");
        assertThat(search.getRequestUrl().queryParameter("services")).isEqualTo("voice,sms");
        assertThat(search.getRequestUrl().queryParameter("lata")).isEqualTo("722");
        assertThat(search.getRequestUrl().queryParameter("rate_center")).isEqualTo("SNFC CNTRL");
        assertThat(search.getRequestUrl().queryParameter("limit")).isEqualTo("5");
        assertThat(found.items().get(0).lata()).contains("722");
        assertThat(taken("POST", BASE + "PhoneNumber/14155550100/").getBody().readUtf8())
                .isEqualTo("{\"app_id\":\"app-1\"}");
        assertThat(purchase.numbers()).containsExactly(new PlivoPurchase.Item("+14155550100", "Success"));
    }

    @Test
    void listsSendPlivosFilterNames() {
        String empty = "{\"api_id\":\"a\",\"meta\":{\"limit\":20,\"offset\":0,\"next\":null},\"objects\":[]}";
        for (int i = 0; i < 4; i++) {
            plivo.enqueue(200, empty);
        }
        api.calls().list(PlivoCallRecordFilter.all().withCallDirection("outbound").withBillDuration(10, 60)
                .withFromNumber("+14155552671"), PlivoPaging.of(10, 20));
        api.numbers().list(PlivoNumberFilter.all().withNumberType("tollfree").withStartsWith("1800")
                .withSubaccount("SA123").withAlias("Help").withService("voice"), PlivoPaging.first());
        api.messages().list(PlivoMessageFilter.all().withSubaccount("SA123").withErrorCode("30")
                .withDirection("inbound"), PlivoPaging.first());
        api.carriers().listNamed("Acme", PlivoPaging.first());

        var calls = plivo.take().getRequestUrl();
        assertThat(calls.queryParameter("call_direction")).isEqualTo("outbound");
        assertThat(calls.queryParameter("bill_duration__gte")).isEqualTo("10");
        assertThat(calls.queryParameter("bill_duration__lte")).isEqualTo("60");
        assertThat(calls.queryParameter("from_number")).isEqualTo("14155552671");
        assertThat(calls.queryParameter("offset")).isEqualTo("20");
        var numbers = plivo.take().getRequestUrl();
        assertThat(numbers.queryParameterNames()).contains("number_type", "number_startswith", "subaccount", "alias",
                "services");
        var messages = plivo.take().getRequestUrl();
        assertThat(messages.queryParameter("subaccount")).isEqualTo("SA123");
        assertThat(messages.queryParameter("error_code")).isEqualTo("30");
        assertThat(plivo.take().getRequestUrl().queryParameter("name")).isEqualTo("Acme");
    }

    @Test
    void createsReadTheNewIdsAndAnAnswerWithoutOneIsAnUnknownOutcome() {
        plivo.enqueue(201, "{\"api_id\":\"a\",\"app_id\":20372631212782780,\"message\":\"created\"}");
        plivo.enqueue(201, "{\"api_id\":\"a\",\"carrier_id\":\"2345\",\"message\":\"created\"}");
        plivo.enqueue(201, "{\"api_id\":\"a\",\"message\":\"created\"}");

        assertThat(api.applications().create(PlivoApplicationRequest.builder().appName("x")
                .answerUrl(URI.create("https://a.example/x")).build())).isEqualTo("20372631212782780");
        assertThat(api.carriers().add(PlivoCarrierRequest.of("c", List.of("203.0.113.1")))).isEqualTo("2345");
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                () -> api.subaccounts().create(PlivoSubaccountSettings.named("s")));
        assertThat(e.kind()).isEqualTo(FailureKind.OUTCOME_UNKNOWN);
        assertThat(taken("POST", BASE + "Application/").getBody().readUtf8()).isEqualTo("{\"app_name\":\"x\","
                + "\"answer_url\":\"https://a.example/x\"}");
        assertThat(taken("POST", BASE + "IncomingCarrier/").getBody().readUtf8())
                .isEqualTo("{\"name\":\"c\",\"ip_set\":\"203.0.113.1\"}");
        assertThat(taken("POST", BASE + "Subaccount/").getBody().readUtf8()).isEqualTo("{\"name\":\"s\"}");
    }

    @Test
    void aSubaccountsTokenStaysOutOfEveryString() {
        plivo.enqueue(200, "{\"api_id\":\"a\",\"auth_id\":\"SAXXXXXXXXXXXXXXXXXX\",\"auth_token\":\"t0p-s3cret\","
                + "\"name\":\"n\",\"enabled\":true,\"created\":\"2026-01-02\"}");

        PlivoSubaccount sub = api.subaccounts().get("SAXXXXXXXXXXXXXXXXXX");

        assertThat(sub.authToken()).isEqualTo("t0p-s3cret");
        assertThat(sub.toString()).doesNotContain("t0p-s3cret");
        taken("GET", BASE + "Subaccount/SAXXXXXXXXXXXXXXXXXX/");
    }
}
