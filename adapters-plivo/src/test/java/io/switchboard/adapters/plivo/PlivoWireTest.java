package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.message.PlivoSendResult;
import io.switchboard.adapters.plivo.message.PlivoSmsRequest;
import io.switchboard.adapters.plivo.number.PlivoNumberFilter;
import io.switchboard.domain.Direction;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.Pages;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderId;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.call.CallInstructions;
import io.switchboard.domain.call.CallQuery;
import io.switchboard.domain.call.CallRequest;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.message.MessageStatus;
import io.switchboard.domain.recording.RecordingQuery;
import okhttp3.Credentials;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What goes on the wire: paths with trailing slashes, Basic auth, snake_case JSON, {@code <} joining, offsets. */
class PlivoWireTest {

    private final MockPlivo plivo = new MockPlivo();

    @AfterEach
    void stop() {
        plivo.close();
    }

    @Test
    void sendSmsPostsSnakeCaseJsonWithBasicAuthToTheMessageFolder() throws Exception {
        plivo.enqueue(202, "{\"api_id\":\"a\",\"message\":\"message(s) queued\",\"message_uuid\":[\"u-1\"]}");

        Message sent = plivo.connector.messaging().orElseThrow().send(MessageRequest.builder().to("+447700900123")
                .from(PhoneNumber.parse("+14155552671")).text("héllo").statusCallback(URI.create("https://cb.example/s"))
                .build());

        RecordedRequest request = plivo.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/v1/Account/" + MockPlivo.AUTH_ID + "/Message/");
        assertThat(request.getHeader("Authorization")).isEqualTo(Credentials.basic(MockPlivo.AUTH_ID, MockPlivo.TOKEN));
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getBody().readUtf8()).isEqualTo("{\"src\":\"+14155552671\",\"dst\":\"+447700900123\","
                + "\"text\":\"héllo\",\"type\":\"sms\",\"url\":\"https://cb.example/s\"}");
        assertThat(sent.id()).isEqualTo("u-1");
        assertThat(sent.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(sent.account().toString()).isEqualTo("plivo:test");
    }

    @Test
    void severalDestinationsAreJoinedWithLessThanAndGetOneResultEach() {
        plivo.enqueueResource(202, "send-two-of-three.json");

        List<PlivoSendResult> results = plivo.api().messages().send(PlivoSmsRequest.builder().src(SenderId.of("ACME"))
                .dst("+14155550100<+447700900999<+14155550101").dst(PhoneNumber.parse("+14155550100")).text("hi")
                .statusUrl(URI.create("https://cb.example/s")).statusMethod("get").log(false).build());

        String body = plivo.take().getBody().readUtf8();
        assertThat(body).contains("\"src\":\"ACME\"", "\"dst\":\"+14155550100<+447700900999<+14155550101\"",
                "\"method\":\"GET\"", "\"log\":false");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).messageUuid()).contains("6da4afba-2bcf-4a87-9eff-d2f88577b0f1");
        assertThat(results.get(1).isAccepted()).isFalse();
        assertThat(results.get(1).failure().orElseThrow().kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(results.get(1).failure().orElseThrow().field()).contains("dst");
        assertThat(results.get(2).messageUuid()).contains("0936ec98-7c4c-11e4-9bd8-22000afa12b9");
    }

    @Test
    void mmsCarriesItsTypeAndMediaUrls() {
        plivo.enqueue(202, "{\"api_id\":\"a\",\"message_uuid\":[\"u-2\"]}");
        plivo.connector.messaging().orElseThrow().send(MessageRequest.builder().to("+14155550100")
                .from(PhoneNumber.parse("+14155552671")).text("pic").media(URI.create("https://m.example/a.png")).build());
        assertThat(plivo.take().getBody().readUtf8()).contains("\"type\":\"mms\"",
                "\"media_urls\":[\"https://m.example/a.png\"]");
    }

    @Test
    void listsPageByOffsetClampLimitTo20AndSendTheFilters() {
        plivo.enqueueResource(200, "message-list-page1.json");
        plivo.enqueueResource(200, "message-list-last.json");

        var messaging = plivo.connector.messaging().orElseThrow();
        MessageQuery query = MessageQuery.all().withTo("+14155550142").withFrom("+14155552671")
                .withSentBetween(Instant.parse("2024-03-01T00:00:00Z"), Instant.parse("2024-03-02T00:00:00Z"))
                .withDirection(io.switchboard.domain.Direction.OUTBOUND).withStatus(MessageStatus.DELIVERED);
        Page<Message> first = messaging.list(query, PageRequest.first(50));
        Page<Message> second = messaging.list(query, PageRequest.first(50).next(first).orElseThrow());

        RecordedRequest one = plivo.take();
        assertThat(one.getRequestUrl().encodedPath()).isEqualTo("/v1/Account/" + MockPlivo.AUTH_ID + "/Message/");
        assertThat(one.getRequestUrl().queryParameter("limit")).isEqualTo("20");
        assertThat(one.getRequestUrl().queryParameter("offset")).isEqualTo("0");
        assertThat(one.getRequestUrl().queryParameter("to_number")).isEqualTo("14155550142");
        assertThat(one.getRequestUrl().queryParameter("from_number")).isEqualTo("14155552671");
        assertThat(one.getRequestUrl().queryParameter("message_time__gte")).isEqualTo("2024-03-01 00:00:00");
        assertThat(one.getRequestUrl().queryParameter("message_time__lt")).isEqualTo("2024-03-02 00:00:00");
        assertThat(one.getRequestUrl().queryParameter("message_direction")).isEqualTo("outbound");
        assertThat(one.getRequestUrl().queryParameter("message_state")).isEqualTo("delivered");
        assertThat(first.nextCursor()).contains("2");
        assertThat(plivo.take().getRequestUrl().queryParameter("offset")).isEqualTo("2");
        assertThat(second.hasNext()).isFalse();
        assertThat(second.items()).extracting(Message::id).containsExactly("b2f2f6be-7c4c-11e4-9bd8-22000afa12b9");
    }

    @Test
    void aLimitAbove20FollowsMetaNextUpToTheLimit() {
        plivo.enqueueResource(200, "message-list-page1.json");
        plivo.enqueueResource(200, "message-list-last.json");

        MessageQuery query = MessageQuery.all().withFrom("+14155552671").withTo("+14155550142")
                .withStatus(MessageStatus.QUEUED).withDirection(Direction.OUTBOUND);
        List<Message> messages = Pages.collect(p -> plivo.connector.messaging().orElseThrow().list(query, p), 3, 20);

        assertThat(messages).hasSize(3);
        assertThat(plivo.take().getRequestUrl().queryParameter("message_state")).isEqualTo("queued");
        assertThat(plivo.take().getRequestUrl().queryParameter("offset")).isEqualTo("2");
    }

    @Test
    void makeCallPostsFromToAndTheAnswerUrlWithItsMethod() {
        plivo.enqueue(201, "{\"api_id\":\"a\",\"message\":\"call fired\",\"request_uuid\":\"9834029e-58b6-11e1\"}");

        Call call = plivo.connector.voice().orElseThrow().place(CallRequest.of(PhoneNumber.parse("+447700900123"),
                PhoneNumber.parse("+14155552671"), new CallInstructions.Url(URI.create("https://a.example/x"), "GET"))
                .withStatusCallback(URI.create("https://a.example/hangup")));

        RecordedRequest request = plivo.take();
        assertThat(request.getPath()).isEqualTo("/v1/Account/" + MockPlivo.AUTH_ID + "/Call/");
        assertThat(request.getBody().readUtf8()).isEqualTo("{\"from\":\"+14155552671\",\"to\":\"+447700900123\","
                + "\"answer_url\":\"https://a.example/x\",\"answer_method\":\"GET\","
                + "\"hangup_url\":\"https://a.example/hangup\",\"hangup_method\":\"POST\"}");
        assertThat(call.id()).isEqualTo("9834029e-58b6-11e1");
        assertThat(call.rawStatus()).isEqualTo("call fired");
    }

    @Test
    void aCallMissingFromTheRecordsIsLookedUpLiveThenQueued() {
        plivo.enqueue(404, "{\"api_id\":\"a\",\"error\":\"not found\"}");
        plivo.enqueueResource(200, "live-call.json");

        Call call = plivo.connector.voice().orElseThrow().get("6653422-91b6-4716-9fad-9463daaeeec2");

        assertThat(plivo.take().getPath()).endsWith("/Call/6653422-91b6-4716-9fad-9463daaeeec2/");
        assertThat(plivo.take().getPath()).endsWith("/Call/6653422-91b6-4716-9fad-9463daaeeec2/?status=live");
        assertThat(call.status()).isEqualTo(io.switchboard.domain.call.CallStatus.IN_PROGRESS);
    }

    @Test
    void liveCallsAreListedByIdThenFetchedAndEndedCallsFilterByEndTime() {
        plivo.enqueue(200, "{\"api_id\":\"a\",\"calls\":[\"6653422-91b6-4716-9fad-9463daaeeec2\"]}");
        plivo.enqueueResource(200, "live-call.json");
        List<Call> live = plivo.connector.voice().orElseThrow().list(CallQuery.all()
                .withStatus(io.switchboard.domain.call.CallStatus.IN_PROGRESS).withDirection(Direction.OUTBOUND)
                .withFrom("+14155552671").withTo("+447700900123"), PageRequest.first(10)).items();
        RecordedRequest list = plivo.take();
        assertThat(list.getRequestUrl().queryParameter("status")).isEqualTo("live");
        assertThat(list.getRequestUrl().queryParameter("call_direction")).isEqualTo("outbound");
        assertThat(list.getRequestUrl().queryParameter("from_number")).isEqualTo("14155552671");
        assertThat(list.getRequestUrl().queryParameter("to_number")).isEqualTo("447700900123");
        assertThat(plivo.take().getRequestUrl().queryParameter("status")).isEqualTo("live");
        assertThat(live).hasSize(1);

        plivo.enqueue(200, "{\"api_id\":\"a\",\"meta\":{\"limit\":20,\"offset\":0,\"next\":null},\"objects\":["
                + MockPlivo.resource("call.json") + "]}");
        Page<Call> ended = plivo.connector.voice().orElseThrow().list(CallQuery.all()
                .withStartedBetween(Instant.parse("2020-12-05T12:00:00Z"), null), PageRequest.first());
        assertThat(plivo.take().getRequestUrl().queryParameter("end_time__gte")).isEqualTo("2020-12-05 12:00:00");
        assertThat(ended.items()).extracting(Call::id).containsExactly("34a17f97-b594-4018-9615-75b11f427b32");
    }

    @Test
    void numbersAreAddressedWithoutThePlusAndFilteredByTypeAndService() {
        plivo.enqueueResource(200, "number-list.json");
        plivo.api().numbers().list(PlivoNumberFilter.all().withNumberType("local").withService("voice,sms"),
                PlivoPaging.of(5, 0));
        RecordedRequest list = plivo.take();
        assertThat(list.getRequestUrl().queryParameter("number_type")).isEqualTo("local");
        assertThat(list.getRequestUrl().queryParameter("services")).isEqualTo("voice,sms");
        assertThat(list.getRequestUrl().queryParameter("limit")).isEqualTo("5");

        plivo.enqueue(200, "{\"api_id\":\"a\",\"number\":\"14155552671\"}");
        plivo.api().numbers().get("+14155552671");
        assertThat(plivo.take().getPath()).isEqualTo("/v1/Account/" + MockPlivo.AUTH_ID + "/Number/14155552671/");
    }

    @Test
    void recordingsFilterByCallAndDayAndDeleteAnswers204() {
        plivo.enqueueResource(200, "recording-list.json");
        plivo.connector.recordings().orElseThrow().list(new RecordingQuery(java.util.Optional.of("c-1"),
                java.util.Optional.empty(), java.util.Optional.of(java.time.LocalDate.parse("2024-03-01"))),
                PageRequest.first());
        RecordedRequest list = plivo.take();
        assertThat(list.getRequestUrl().queryParameter("call_uuid")).isEqualTo("c-1");
        assertThat(list.getRequestUrl().queryParameter("add_time__gte")).isEqualTo("2024-03-01 00:00:00");
        assertThat(list.getRequestUrl().queryParameter("add_time__lt")).isEqualTo("2024-03-02 00:00:00");

        plivo.server.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(204));
        plivo.connector.recordings().orElseThrow().delete("rec-1");
        RecordedRequest delete = plivo.take();
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getPath()).isEqualTo("/v1/Account/" + MockPlivo.AUTH_ID + "/Recording/rec-1/");
    }

    @Test
    void accountApplicationsAndPricingUseTheirFolders() {
        plivo.enqueueResource(200, "account.json");
        plivo.enqueueResource(200, "application-list.json");
        plivo.enqueueResource(200, "pricing-gb.json");
        plivo.connector.accountDetails().orElseThrow().info();
        plivo.api().applications().list(PlivoPaging.first());
        plivo.connector.pricing().orElseThrow().rates("gb", io.switchboard.domain.pricing.Product.SMS);
        assertThat(plivo.take().getPath()).isEqualTo("/v1/Account/" + MockPlivo.AUTH_ID + "/");
        assertThat(plivo.take().getPath()).isEqualTo("/v1/Account/" + MockPlivo.AUTH_ID + "/Application/?limit=20&offset=0");
        assertThat(plivo.take().getPath()).isEqualTo("/v1/Account/" + MockPlivo.AUTH_ID + "/Pricing/?country_iso=GB");
    }
}
