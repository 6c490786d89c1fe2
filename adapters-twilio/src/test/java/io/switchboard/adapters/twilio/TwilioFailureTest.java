package io.switchboard.adapters.twilio;

import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.port.MessagingPort;
import io.switchboard.domain.pricing.Product;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every way a Twilio exchange can fail, and the failure kind each one becomes. */
class TwilioFailureTest {

    private static final PhoneNumber TO = PhoneNumber.parse("+14155552346");
    private static final PhoneNumber FROM = PhoneNumber.parse("+14155552345");
    private static final String SID = "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    private final MockTwilio twilio = new MockTwilio(Duration.ofMillis(400));
    private final MessagingPort messaging = twilio.connector.messaging().orElseThrow();

    @AfterEach
    void close() {
        twilio.close();
    }

    private SwitchboardException failure(Executable action) {
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class, action::execute);
        assertThat(e).as("a SwitchboardException").isNotNull();
        assertThat(e.failure().account()).contains(MockTwilio.ACCOUNT);
        assertThat(e.getMessage()).doesNotContain(MockTwilio.AUTH_TOKEN);
        return e;
    }

    private SwitchboardException sendFailure() {
        return failure(() -> messaging.send(MessageRequest.sms(TO, FROM, "hello")));
    }

    @ParameterizedTest(name = "HTTP {0} code {1} -> {2} on {3}")
    @CsvSource(nullValues = "null", value = {
            "400, 21211, INVALID_REQUEST, to",
            "400, 21614, INVALID_REQUEST, to",
            "400, 21610, OPTED_OUT, to",
            "400, 21617, INVALID_REQUEST, text",
            "400, 21606, DESTINATION_NOT_SUPPORTED, from",
            "400, 21659, DESTINATION_NOT_SUPPORTED, from",
            "400, 21210, DESTINATION_NOT_SUPPORTED, from",
            "400, 21408, DESTINATION_NOT_SUPPORTED, to",
            "401, 20003, AUTHENTICATION, null",
            "401, 20005, INSUFFICIENT_FUNDS, null",
            "404, 20404, NOT_FOUND, null",
            "429, 20429, RATE_LIMITED, null",
            "500, null, UNAVAILABLE, null",
            "503, 20500, UNAVAILABLE, null",
            "402, null, INSUFFICIENT_FUNDS, null",
            "403, null, DESTINATION_NOT_SUPPORTED, null"})
    void mapsTwiliosStatusAndCodeToAKind(int status, Integer code, FailureKind kind, String field) {
        twilio.enqueue(status, "{\"code\": " + code + ", \"message\": \"Twilio says no\", \"more_info\": "
                + "\"https://www.twilio.com/docs/errors/" + code + "\", \"status\": " + status + "}");

        SwitchboardException e = sendFailure();

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.failure().httpStatus()).hasValue(status);
        assertThat(e.failure().vendorCode()).isEqualTo(java.util.Optional.ofNullable(code).map(String::valueOf));
        assertThat(e.failure().field()).isEqualTo(java.util.Optional.ofNullable(field));
        assertThat(e.getMessage()).contains("Twilio says no");
    }

    @Test
    void namesTheFieldAnUnlistedCodeQuotes() {
        twilio.enqueue(400, "{\"code\": 21999, \"message\": \"The 'StatusCallback' URL is odd\", \"status\": 400}");
        SwitchboardException e = sendFailure();
        assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(e.failure().field()).contains("statusCallback");
    }

    @Test
    void readsRetryAfterOnA429() {
        twilio.server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7")
                .setBody("{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}"));
        SwitchboardException e = sendFailure();
        assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(e.failure().retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void readsARetryAfterDateAgainstTheConnectorsClock() {
        Instant now = Instant.parse("2026-01-02T10:00:00Z");
        try (TwilioConnector clocked = TwilioConnector.create(twilio.config(Duration.ofSeconds(2)).build(),
                MockTwilio.SHARED, Clock.fixed(now, ZoneOffset.UTC))) {
            twilio.server.enqueue(new MockResponse().setResponseCode(429)
                    .setHeader("Retry-After", "Fri, 02 Jan 2026 10:00:30 GMT")
                    .setBody("{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}"));
            twilio.server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "soon")
                    .setBody("{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}"));
            MessagingPort port = clocked.messaging().orElseThrow();

            assertThat(failure(() -> port.send(MessageRequest.sms(TO, FROM, "hello"))).failure().retryAfter())
                    .contains(Duration.ofSeconds(30));
            assertThat(failure(() -> port.send(MessageRequest.sms(TO, FROM, "hello"))).failure().retryAfter())
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {302, 307})
    void aRedirectOnASendIsNotFollowed(int status) {
        twilio.server.enqueue(new MockResponse().setResponseCode(status).setHeader("Location", "/elsewhere"));
        twilio.enqueueResource(201, "message.json");

        SwitchboardException e = sendFailure();

        assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(e.failure().httpStatus()).hasValue(status);
        assertThat(twilio.server.getRequestCount()).as("the send went nowhere else").isEqualTo(1);
    }

    @Test
    void aReadTimeoutAfterASendWasWrittenIsOutcomeUnknown() {
        twilio.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        SwitchboardException e = sendFailure();
        assertThat(e.kind()).isEqualTo(FailureKind.OUTCOME_UNKNOWN);
        assertThat(e.failure().outcomeKnown()).isFalse();
    }

    @Test
    void aResetAfterASendWasWrittenIsOutcomeUnknownAndTheSendIsNotRetried() {
        // A first exchange leaves a pooled connection: OkHttp replays requests that fail on a reused connection.
        twilio.enqueueResource(200, "message.json");
        twilio.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        twilio.enqueueResource(201, "message.json");
        messaging.get(SID);

        assertThat(sendFailure().kind()).isEqualTo(FailureKind.OUTCOME_UNKNOWN);
        assertThat(twilio.server.getRequestCount()).as("OkHttp must not replay a send").isEqualTo(2);
    }

    @Test
    void aReadTimeoutOnAGetIsUnavailable() {
        twilio.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        SwitchboardException e = failure(() -> messaging.get(SID));
        assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
    }

    @Test
    void aRefusedConnectionIsUnavailableEvenForASend() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (TwilioConnector unreachable = TwilioConnector.create(twilio.config(Duration.ofSeconds(1))
                .allBaseUrls("http://127.0.0.1:" + closedPort + "/").build(), MockTwilio.SHARED)) {
            SwitchboardException e = failure(() -> unreachable.messaging().orElseThrow()
                    .send(MessageRequest.sms(TO, FROM, "hello")));
            assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        }
    }

    @Test
    void aRequestThatCannotBeBuiltIsAConfigurationFailureAndNothingIsSent() {
        OkHttpClient broken = MockTwilio.SHARED.newBuilder().addInterceptor(chain -> {
            throw new IllegalArgumentException("Unexpected char 0x0a in Authorization value");
        }).build();
        try (TwilioConnector connector = TwilioConnector.create(twilio.config(Duration.ofSeconds(1)).build(), broken)) {
            SwitchboardException e = failure(() -> connector.messaging().orElseThrow()
                    .send(MessageRequest.sms(TO, FROM, "hello")));
            assertThat(e.kind()).isEqualTo(FailureKind.CONFIGURATION);
            assertThat(e.failure().outcomeKnown()).isTrue();
            assertThat(e.getMessage()).contains("nothing was sent").doesNotContain("Authorization value");
        }
        assertThat(twilio.server.getRequestCount()).isZero();
    }

    @Test
    void malformedJsonOnASuccessfulSendIsOutcomeUnknownAndOnAReadUnavailable() {
        twilio.enqueue(201, "{\"sid\": \"SM1\", \"status\": ");
        twilio.enqueue(200, "{\"sid\": \"SM1\", \"status\": ");
        assertThat(sendFailure().kind()).isEqualTo(FailureKind.OUTCOME_UNKNOWN);
        assertThat(failure(() -> messaging.get(SID)).kind()).isEqualTo(FailureKind.UNAVAILABLE);
    }

    @Test
    void anHtmlPageFromAProxyIsUnavailableOnAnErrorAndUnknownOnASuccessfulSend() {
        twilio.server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                .setBody(MockTwilio.resource("proxy-502.html")));
        twilio.server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/html")
                .setBody(MockTwilio.resource("proxy-502.html")));

        SwitchboardException gateway = sendFailure();
        assertThat(gateway.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(gateway.failure().httpStatus()).hasValue(502);
        assertThat(gateway.failure().vendorCode()).isEmpty();
        assertThat(sendFailure().kind()).isEqualTo(FailureKind.OUTCOME_UNKNOWN);
    }

    @Test
    void anEmptyBodyIsUnreadable() {
        twilio.enqueue(201, "");
        twilio.enqueue(200, "");
        twilio.enqueue(400, "");
        assertThat(sendFailure().kind()).isEqualTo(FailureKind.OUTCOME_UNKNOWN);
        assertThat(failure(() -> messaging.get(SID)).kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(sendFailure().kind()).isEqualTo(FailureKind.INVALID_REQUEST);
    }

    @Test
    void aBodyThatParsesButIsNoMessageIsUnreadable() {
        twilio.enqueue(201, "{\"status\": \"queued\"}");
        twilio.enqueue(200, "[1, 2]");
        assertThat(sendFailure().kind()).isEqualTo(FailureKind.OUTCOME_UNKNOWN);
        assertThat(failure(() -> messaging.list(MessageQuery.all(), PageRequest.first())).kind())
                .isEqualTo(FailureKind.UNAVAILABLE);
    }

    @Test
    void unknownStatusValuesBecomeUnknownAndKeepTheRawWord() {
        twilio.enqueueResource(200, "messages-page.json");
        var page = messaging.list(MessageQuery.all(), PageRequest.first(2));
        assertThat(page.items().get(1).status()).isEqualTo(io.switchboard.domain.message.MessageStatus.UNKNOWN);
        assertThat(page.items().get(1).rawStatus()).isEqualTo("teleported");

        twilio.enqueue(200, MockTwilio.resource("call.json").replace("\"completed\"", "\"warping\""));
        var call = twilio.connector.voice().orElseThrow().get("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        assertThat(call.status()).isEqualTo(io.switchboard.domain.call.CallStatus.UNKNOWN);
        assertThat(call.rawStatus()).isEqualTo("warping");
    }

    @Test
    void rejectsBadInputBeforeAnythingIsSentNamingTheField() {
        String tooLong = "x".repeat(TwilioMessaging.MAX_BODY + 1);
        assertThat(invalidInput(() -> messaging.send(MessageRequest.sms(TO, FROM, tooLong))).field())
                .contains("text");
        assertThat(invalidInput(() -> messaging.send(MessageRequest.sms(TO, new SenderPool("alerts"), "hi")))
                .field()).contains("from");
        MessageRequest.Builder many = MessageRequest.builder().to(TO).from(FROM).text("pics");
        for (int i = 0; i <= TwilioMessaging.MAX_MEDIA; i++) {
            many.media(URI.create("https://example.com/" + i + ".png"));
        }
        assertThat(invalidInput(() -> messaging.send(many.build())).field()).contains("media");
        assertThat(invalidInput(() -> messaging.get("../../Calls/CA1")).field()).contains("id");
        assertThat(invalidInput(() -> messaging.get(" ")).field()).contains("id");
        assertThat(invalidInput(() -> twilio.connector.pricing().orElseThrow().rates("GBR", Product.SMS))
                .field()).contains("countryIso");
        assertThat(invalidInput(() -> messaging.send(null)).field()).contains("request");
        assertThat(twilio.server.getRequestCount()).isZero();
    }

    @Test
    void pricesTwilioDoesNotPublishAreUnsupported() {
        SwitchboardException e = failure(() -> twilio.connector.pricing().orElseThrow().rates("US", Product.MMS));
        assertThat(e.kind()).isEqualTo(FailureKind.UNSUPPORTED);
        assertThat(twilio.server.getRequestCount()).isZero();
    }

    private static io.switchboard.domain.Failure invalidInput(Executable action) {
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class, action::execute);
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(e.failure().account()).as("even a failure before any request names the account")
                .contains(MockTwilio.ACCOUNT);
        return e.failure();
    }
}
