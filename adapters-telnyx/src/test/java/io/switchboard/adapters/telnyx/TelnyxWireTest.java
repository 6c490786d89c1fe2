package io.switchboard.adapters.telnyx;

import io.switchboard.domain.Direction;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderId;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.call.CallInstructions;
import io.switchboard.domain.call.CallQuery;
import io.switchboard.domain.call.CallRequest;
import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.number.LookupField;
import io.switchboard.domain.number.NumberQuery;
import io.switchboard.domain.recording.RecordingQuery;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What the adapter puts on the wire: paths, bracketed query names, JSON bodies, the Bearer key. */
class TelnyxWireTest {

    private static final PhoneNumber FROM = PhoneNumber.parse("+12025550121");
    private static final PhoneNumber TO = PhoneNumber.parse("+447700900123");
    private static final String EMPTY_PAGE = "{\"data\":[],\"meta\":{\"total_pages\":0,\"total_results\":0,"
            + "\"page_number\":1,\"page_size\":20}}";

    private final MockTelnyx telnyx = new MockTelnyx();

    @AfterEach
    void close() {
        telnyx.close();
    }

    @Test
    void sendsAnSmsAsJsonWithTheBearerKeyAndNoNullFields() {
        telnyx.answerFile(200, "message.json");
        TelnyxConnector connector = TelnyxConnector.create(telnyx.config().messagingProfileId("prof-1").build(),
                MockTelnyx.SHARED);
        connector.messaging().orElseThrow().send(MessageRequest.builder().to(TO).from(FROM).text("hi")
                .statusCallback(URI.create("https://example.com/status")).build());

        RecordedRequest request = telnyx.taken();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/v2/messages");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + MockTelnyx.API_KEY);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getBody().readUtf8()).isEqualTo("{\"from\":\"+12025550121\",\"to\":\"+447700900123\","
                + "\"text\":\"hi\",\"type\":\"SMS\",\"webhook_url\":\"https://example.com/status\","
                + "\"messaging_profile_id\":\"prof-1\"}");
    }

    @Test
    void sendsAnMmsWithMediaUrlsAndASubject() {
        telnyx.answerFile(200, "message.json").answerFile(200, "message.json");
        TelnyxConnector connector = telnyx.connector();
        connector.messaging().orElseThrow().send(MessageRequest.builder().to(TO).from(FROM).text("pic")
                .media(URI.create("https://example.com/a.png")).channel(Channel.MMS).build());
        assertThat(telnyx.taken().getBody().readUtf8()).contains("\"media_urls\":[\"https://example.com/a.png\"]")
                .contains("\"type\":\"MMS\"");

        connector.api().sendSms(TelnyxSendRequest.mms(FROM.e164(), TO, "pic", "Subject line",
                List.of(URI.create("https://example.com/b.png"))));
        assertThat(telnyx.taken().getBody().readUtf8()).contains("\"subject\":\"Subject line\"")
                .contains("\"type\":\"MMS\"").contains("https://example.com/b.png");
    }

    @Test
    void refusesWhatTelnyxCannotSendBeforeAnyRequest() {
        TelnyxConnector connector = telnyx.connector();
        var messaging = connector.messaging().orElseThrow();

        SwitchboardException alpha = catchThrowableOfType(SwitchboardException.class,
                () -> messaging.send(MessageRequest.sms(TO, SenderId.of("Acme"), "hi")));
        assertThat(alpha.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(alpha.failure().field()).contains("from");
        assertThat(alpha.failure().account()).contains(connector.account());

        SwitchboardException whatsapp = catchThrowableOfType(SwitchboardException.class, () -> messaging.send(
                MessageRequest.builder().to(TO).from(FROM).text("hi").channel(Channel.WHATSAPP).build()));
        assertThat(whatsapp.kind()).isEqualTo(FailureKind.UNSUPPORTED);
        assertThat(telnyx.server.getRequestCount()).isZero();
    }

    @Test
    void listsMessagesFromDetailRecordsWithDeepObjectFiltersAndAClampedPageSize() {
        telnyx.answer(200, EMPTY_PAGE);
        telnyx.connector().messaging().orElseThrow().list(MessageQuery.all().withTo(TO.e164()).withFrom(FROM.e164())
                .withDirection(Direction.OUTBOUND)
                .withSentBetween(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-02T00:00:00Z")),
                new PageRequest(500, Optional.of("3")));

        RecordedRequest request = telnyx.taken();
        HttpUrl url = request.getRequestUrl();
        assertThat(url.encodedPath()).isEqualTo("/v2/detail_records");
        assertThat(request.getPath()).contains("filter%5Brecord_type%5D=messaging");
        assertThat(url.queryParameter("filter[record_type]")).isEqualTo("messaging");
        assertThat(url.queryParameter("page[number]")).isEqualTo("3");
        assertThat(url.queryParameter("page[size]")).isEqualTo("250");
        assertThat(url.queryParameter("filter[cld]")).isEqualTo("+447700900123");
        assertThat(url.queryParameter("filter[cli]")).isEqualTo("+12025550121");
        assertThat(url.queryParameter("filter[direction]")).isEqualTo("outbound");
        assertThat(url.queryParameter("filter[created_at][gte]")).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(url.queryParameter("filter[created_at][lt]")).isEqualTo("2026-03-02T00:00:00Z");
    }

    @Test
    void aCursorThatIsNotAPageNumberIsAnInvalidRequest() {
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class, () -> telnyx.connector().messaging()
                .orElseThrow().list(MessageQuery.all(), new PageRequest(10, Optional.of("next-please"))));
        assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(e.failure().field()).contains("cursor");
    }

    @Test
    void listsAndFetchesNumbersWithTelnyxFilters() {
        telnyx.answer(200, EMPTY_PAGE).answer(200, EMPTY_PAGE).answer(200, "{\"data\":{\"id\":\"1293384261075731499\","
                + "\"record_type\":\"phone_number\",\"phone_number\":\"+12025550121\",\"status\":\"active\"}}");
        TelnyxConnector connector = telnyx.connector();
        connector.numbers().orElseThrow().list(new NumberQuery(Optional.of("202555"), Optional.empty()),
                PageRequest.first(10));
        HttpUrl url = telnyx.taken().getRequestUrl();
        assertThat(url.encodedPath()).isEqualTo("/v2/phone_numbers");
        assertThat(url.queryParameter("filter[phone_number]")).isEqualTo("202555");
        assertThat(url.queryParameter("page[size]")).isEqualTo("10");

        connector.api().listPhoneNumbers(TelnyxFilters.Numbers.all().withStatus("active").withPhoneNumber("+1202"),
                TelnyxApi.page(2, 5));
        url = telnyx.taken().getRequestUrl();
        assertThat(url.queryParameter("filter[status]")).isEqualTo("active");
        assertThat(url.queryParameter("filter[phone_number]")).isEqualTo("+1202");
        assertThat(url.queryParameter("page[number]")).isEqualTo("2");

        assertThat(connector.numbers().orElseThrow().get("1293384261075731499").number()).isEqualTo("+12025550121");
        assertThat(telnyx.taken().getPath()).isEqualTo("/v2/phone_numbers/1293384261075731499");
    }

    @Test
    void listsFetchesAndDeletesRecordingsByTheirPaths() {
        telnyx.answer(200, EMPTY_PAGE).answer(200, EMPTY_PAGE);
        telnyx.server.enqueue(new MockResponse().setResponseCode(204));
        TelnyxConnector connector = telnyx.connector();
        connector.recordings().orElseThrow().list(new RecordingQuery(Optional.of("v3:abc"), Optional.of("conf-1"),
                Optional.of(LocalDate.parse("2026-03-01"))), PageRequest.first());
        HttpUrl url = telnyx.taken().getRequestUrl();
        assertThat(url.encodedPath()).isEqualTo("/v2/recordings");
        assertThat(url.queryParameter("filter[call_control_id]")).isEqualTo("v3:abc");
        assertThat(url.queryParameter("filter[conference_id]")).isEqualTo("conf-1");
        assertThat(url.queryParameter("filter[created_at][gte]")).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(url.queryParameter("filter[created_at][lte]")).isEqualTo("2026-03-01T23:59:59.999999999Z");

        connector.api().listCallRecordings(TelnyxFilters.Recordings.all().withCallSessionId("session-9"),
                PageRequest.first());
        assertThat(telnyx.taken().getRequestUrl().queryParameter("filter[call_session_id]")).isEqualTo("session-9");

        connector.recordings().orElseThrow().delete("rec-1");
        RecordedRequest delete = telnyx.taken();
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getPath()).isEqualTo("/v2/recordings/rec-1");
    }

    @Test
    void looksUpWithOneTypePerRequestAsTelnyxTakesOne() {
        var lookup = telnyx.connector().lookup().orElseThrow();
        telnyx.answerFile(200, "lookup.json").answerFile(200, "lookup.json");
        lookup.lookup(TO, Set.of(LookupField.LINE_TYPE, LookupField.CALLER_NAME));
        RecordedRequest carrier = telnyx.taken();
        RecordedRequest callerName = telnyx.taken();
        assertThat(carrier.getRequestUrl().encodedPath()).isEqualTo("/v2/number_lookup/+447700900123");
        assertThat(carrier.getRequestUrl().queryParameterValues("type")).containsExactly("carrier");
        assertThat(callerName.getRequestUrl().encodedPath()).isEqualTo("/v2/number_lookup/+447700900123");
        assertThat(callerName.getRequestUrl().queryParameterValues("type")).containsExactly("caller-name");

        telnyx.answerFile(200, "lookup.json");
        lookup.lookup(TO, Set.of(LookupField.CALLER_NAME));
        assertThat(telnyx.taken().getRequestUrl().queryParameterValues("type")).containsExactly("caller-name");

        telnyx.answerFile(200, "lookup.json");
        lookup.lookup(TO, Set.of());
        assertThat(telnyx.taken().getRequestUrl().queryParameterNames()).doesNotContain("type");
        assertThat(telnyx.server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void dialsThroughTheConfiguredConnectionWithTheReferenceAsClientState() {
        telnyx.answerFile(200, "call.json");
        Call call = telnyx.connector().voice().orElseThrow().place(CallRequest.of(TO, FROM,
                CallInstructions.url("https://example.com/call")).withClientReference("ref-1"));

        RecordedRequest request = telnyx.taken();
        assertThat(request.getPath()).isEqualTo("/v2/calls");
        assertThat(request.getBody().readUtf8()).isEqualTo("{\"connection_id\":\"" + MockTelnyx.CONNECTION_ID
                + "\",\"to\":\"+447700900123\",\"from\":\"+12025550121\",\"webhook_url\":\"https://example.com/call\","
                + "\"webhook_url_method\":\"POST\",\"client_state\":\"cmVmLTE=\"}");
        assertThat(call.from()).isEqualTo(FROM.e164());
        assertThat(call.to()).isEqualTo(TO.e164());
    }

    @Test
    void refusesMarkupAndASecondWebhookForCallControl() {
        var voice = telnyx.connector().voice().orElseThrow();
        SwitchboardException markup = catchThrowableOfType(SwitchboardException.class, () -> voice.place(
                CallRequest.of(TO, FROM, CallInstructions.markup("<Response/>"))));
        assertThat(markup.kind()).isEqualTo(FailureKind.UNSUPPORTED);

        SwitchboardException callback = catchThrowableOfType(SwitchboardException.class, () -> voice.place(
                CallRequest.of(TO, FROM, CallInstructions.url("https://example.com/a"))
                        .withStatusCallback(URI.create("https://example.com/b"))));
        assertThat(callback.failure().field()).contains("statusCallback");
        assertThat(telnyx.server.getRequestCount()).isZero();
    }

    @Test
    void withoutAConnectionThereIsNoVoicePort() {
        TelnyxConnector connector = TelnyxConnector.create(telnyx.config().connectionId(null).build(),
                MockTelnyx.SHARED);
        assertThat(connector.voice()).isEmpty();
        assertThat(catchThrowableOfType(SwitchboardException.class, () -> connector.api().callBySession("s")).kind())
                .isEqualTo(FailureKind.UNSUPPORTED);
    }

    @Test
    void listsLiveCallsByCursorThenTheHistoryByPageNumber() {
        telnyx.answerFile(200, "active-calls.json").answerFile(200, "active-calls-last.json")
                .answerFile(200, "call-records.json");
        var voice = telnyx.connector().voice().orElseThrow();

        Page<Call> first = voice.list(CallQuery.all(), PageRequest.first(2));
        HttpUrl url = telnyx.taken().getRequestUrl();
        assertThat(url.encodedPath()).isEqualTo("/v2/connections/" + MockTelnyx.CONNECTION_ID + "/active_calls");
        assertThat(url.queryParameter("page[limit]")).isEqualTo("2");
        assertThat(first.items()).extracting(Call::id).containsExactly("v3:live-1", "v3:live-2");

        Page<Call> second = voice.list(CallQuery.all(), PageRequest.first(2).next(first).orElseThrow());
        assertThat(telnyx.taken().getRequestUrl().queryParameter("page[after]")).isEqualTo("b2Zmc2V0OjI");
        assertThat(second.items()).extracting(Call::id).containsExactly("v3:live-3");

        Page<Call> third = voice.list(CallQuery.all(), PageRequest.first(2).next(second).orElseThrow());
        HttpUrl history = telnyx.taken().getRequestUrl();
        assertThat(history.encodedPath()).isEqualTo("/v2/detail_records");
        assertThat(history.queryParameter("filter[record_type]")).isEqualTo("call-control");
        assertThat(history.queryParameter("page[number]")).isEqualTo("1");
        assertThat(third.items()).extracting(Call::id).containsExactly("v3:ended-1", "leg-10");
        assertThat(third.hasNext()).isFalse();
    }

    @Test
    void findsACallBySessionInTheHistoryThenAmongLiveCalls() {
        TelnyxConnector connector = telnyx.connector();
        telnyx.answerFile(200, "call-records.json");
        assertThat(connector.api().callBySession("session-9").id()).isEqualTo("v3:ended-1");
        HttpUrl url = telnyx.taken().getRequestUrl();
        assertThat(url.queryParameter("filter[call_session_id]")).isEqualTo("session-9");
        assertThat(url.queryParameter("filter[record_type]")).isEqualTo("call-control");

        telnyx.answer(200, EMPTY_PAGE).answerFile(200, "active-calls.json").answerFile(200, "active-calls-last.json");
        Call live = connector.api().callBySession("session-3");
        assertThat(live.id()).isEqualTo("v3:live-3");

        telnyx.answer(200, EMPTY_PAGE).answerFile(200, "active-calls-last.json");
        SwitchboardException missing = catchThrowableOfType(SwitchboardException.class,
                () -> connector.api().callBySession("session-404"));
        assertThat(missing.kind()).isEqualTo(FailureKind.NOT_FOUND);
    }
}
