package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.message.PlivoSmsRequest;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.call.CallInstructions;
import io.switchboard.domain.call.CallRequest;
import io.switchboard.domain.message.MessageRequest;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every way a Plivo call can fail, from MockWebServer, to the failure kind routing acts on. */
class PlivoFailureTest {

    private final MockPlivo plivo = new MockPlivo();

    @AfterEach
    void stop() {
        plivo.close();
    }

    private SwitchboardException send() {
        return failure(() -> plivo.connector.messaging().orElseThrow().send(MessageRequest.sms(
                PhoneNumber.parse("+447700900123"), PhoneNumber.parse("+14155552671"), "hi")));
    }

    private SwitchboardException get() {
        return failure(() -> plivo.connector.messaging().orElseThrow().get("db3ce55a-7f1d-11e1-8ea7-1231380bc196"));
    }

    private static SwitchboardException failure(Executable call) {
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class, call::execute);
        assertThat(e).as("a SwitchboardException").isNotNull();
        assertThat(e.failure().account()).map(Object::toString).contains("plivo:test");
        assertThat(e.getMessage()).doesNotContain(MockPlivo.TOKEN);
        return e;
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "400|\"invalid 'dst' parameter\"|INVALID_REQUEST",
            "400|\"Insufficient Credit\"|INSUFFICIENT_FUNDS",
            "402|\"payment required\"|INSUFFICIENT_FUNDS",
            "401|\"authentication failed\"|AUTHENTICATION",
            "403|\"destination not allowed by geo permissions\"|DESTINATION_NOT_SUPPORTED",
            "404|\"not found\"|NOT_FOUND",
            "405|\"method not allowed\"|UNSUPPORTED",
            "429|\"too many requests\"|RATE_LIMITED",
            "500|\"server error\"|UNAVAILABLE",
            "503|\"unavailable\"|UNAVAILABLE"})
    void plivoErrorBodiesMapByStatusAndText(int status, String error, FailureKind kind) {
        plivo.enqueue(status, "{\"api_id\":\"x\",\"error\":" + error + "}");
        SwitchboardException e = send();
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.failure().httpStatus()).hasValue(status);
        assertThat(e.failure().outcomeKnown()).isTrue();
    }

    @Test
    void anInvalidParameterNamesTheDomainField() {
        plivo.enqueue(400, "{\"api_id\":\"x\",\"error\":\"invalid 'dst' parameter\"}");
        assertThat(send().failure().field()).as("the request's 'to', as the other adapters say").contains("to");
        plivo.enqueue(400, "{\"api_id\":\"x\",\"error\":\"invalid 'src' parameter\"}");
        assertThat(send().failure().field()).contains("from");
        plivo.enqueue(400, "{\"api_id\":\"x\",\"error\":{\"text\":[\"This field is required.\"]}}");
        SwitchboardException e = send();
        assertThat(e.failure().field()).contains("text");
        assertThat(e.getMessage()).contains("This field is required.");
    }

    @Test
    void aCallsInvalidParameterNamesTheDomainField() {
        CallRequest call = CallRequest.of(PhoneNumber.parse("+447700900123"), PhoneNumber.parse("+14155552671"),
                CallInstructions.url("https://example.com/answer.xml"));
        plivo.enqueue(400, "{\"api_id\":\"x\",\"error\":\"invalid 'to' parameter\"}");
        assertThat(failure(() -> plivo.connector.voice().orElseThrow().place(call)).failure().field()).contains("to");
        plivo.enqueue(400, "{\"api_id\":\"x\",\"error\":\"invalid 'answer_url' parameter\"}");
        assertThat(failure(() -> plivo.connector.voice().orElseThrow().place(call)).failure().field())
                .contains("instructions");
    }

    @Test
    void theTypedApiKeepsPlivosParameterNames() {
        plivo.enqueue(400, "{\"api_id\":\"x\",\"error\":\"invalid 'dst' parameter\"}");
        SwitchboardException e = failure(() -> plivo.api().messages().send(PlivoSmsRequest.builder()
                .src(PhoneNumber.parse("+14155552671")).dst(PhoneNumber.parse("+447700900123")).text("hi").build()));
        assertThat(e.failure().field()).contains("dst");
    }

    @Test
    void anAnswerThatCannotBecomeADomainValueIsUnavailableNotTheCallersInvalidRequest() {
        plivo.enqueue(200, MockPlivo.resource("message.json").replaceFirst("\"message_uuid\": \"[^\"]*\"",
                "\"message_uuid\": \"\""));
        assertThat(get().kind()).isEqualTo(FailureKind.UNAVAILABLE);
    }

    @Test
    void rateLimitedCarriesRetryAfter() {
        plivo.server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7")
                .setBody("{\"api_id\":\"x\",\"error\":\"too many requests\"}"));
        assertThat(send().failure().retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void aRequestThatCannotBeBuiltIsAConfigurationFailureAndNothingIsSent() {
        OkHttpClient broken = MockPlivo.SHARED.newBuilder().addInterceptor(chain -> {
            throw new IllegalArgumentException("Unexpected char 0x0a in Authorization value");
        }).build();
        try (PlivoConnector connector = PlivoConnector.create(PlivoConfig.builder().accountName("test")
                .authId(MockPlivo.AUTH_ID).authToken(MockPlivo.TOKEN).baseUrl(plivo.server.url("/v1/").toString())
                .build(), broken)) {
            SwitchboardException e = failure(() -> connector.messaging().orElseThrow().send(MessageRequest.sms(
                    PhoneNumber.parse("+447700900123"), PhoneNumber.parse("+14155552671"), "hi")));
            assertThat(e.kind()).isEqualTo(FailureKind.CONFIGURATION);
            assertThat(e.failure().outcomeKnown()).isTrue();
            assertThat(e.getMessage()).contains("nothing was sent").doesNotContain("Authorization value");
        }
        assertThat(plivo.server.getRequestCount()).isZero();
    }

    @Test
    void aRetryAfterDateIsMeasuredAgainstTheConnectorsClock() {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        try (PlivoConnector clocked = PlivoConnector.create(PlivoConfig.builder().accountName("test")
                .authId(MockPlivo.AUTH_ID).authToken(MockPlivo.TOKEN).baseUrl(plivo.server.url("/v1/").toString())
                .build(), MockPlivo.SHARED, Clock.fixed(now, ZoneOffset.UTC))) {
            plivo.server.enqueue(new MockResponse().setResponseCode(429)
                    .setHeader("Retry-After", "Sun, 01 Mar 2026 12:00:45 GMT")
                    .setBody("{\"api_id\":\"x\",\"error\":\"too many requests\"}"));

            SwitchboardException e = failure(() -> clocked.messaging().orElseThrow().send(MessageRequest.sms(
                    PhoneNumber.parse("+447700900123"), PhoneNumber.parse("+14155552671"), "hi")));

            assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
            assertThat(e.failure().retryAfter()).contains(Duration.ofSeconds(45));
        }
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {301, 302, 307, 308})
    void aRedirectOnASendIsNotFollowed(int status) {
        plivo.server.enqueue(new MockResponse().setResponseCode(status).setHeader("Location", "/v1/elsewhere/"));
        plivo.enqueue(202, "{\"api_id\":\"a\",\"message_uuid\":[\"would-be-a-second-send\"]}");

        SwitchboardException e = send();

        assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(e.failure().httpStatus()).hasValue(status);
        assertThat(plivo.server.getRequestCount()).as("the send went nowhere else").isEqualTo(1);
    }

    @Test
    void aReadTimeoutAfterASendIsAnUnknownOutcomeButOnAGetUnavailable() {
        plivo.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        SwitchboardException sent = send();
        assertThat(sent.kind()).isEqualTo(FailureKind.OUTCOME_UNKNOWN);
        assertThat(sent.failure().outcomeKnown()).isFalse();

        plivo.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        assertThat(get().kind()).isEqualTo(FailureKind.UNAVAILABLE);
    }

    @Test
    void aResetAfterTheSendWasWrittenIsUnknownAndIsNotRetried() {
        plivo.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        plivo.enqueue(202, "{\"api_id\":\"a\",\"message_uuid\":[\"would-be-a-second-send\"]}");
        assertThat(send().kind()).isEqualTo(FailureKind.OUTCOME_UNKNOWN);
        assertThat(plivo.server.getRequestCount()).as("OkHttp must not send it again by itself").isEqualTo(1);
    }

    @Test
    void aRefusedConnectionIsUnavailable() throws Exception {
        plivo.server.shutdown();
        assertThat(send().kind()).isEqualTo(FailureKind.UNAVAILABLE);
    }

    @Test
    void malformedJsonOnASendIsUnknownAndOnAReadUnavailable() {
        plivo.enqueue(202, "{\"api_id\":\"a\",\"message_uuid\":[\"u-");
        assertThat(send().kind()).isEqualTo(FailureKind.OUTCOME_UNKNOWN);
        plivo.enqueue(200, "{\"message_uuid\": ");
        assertThat(get().kind()).isEqualTo(FailureKind.UNAVAILABLE);
    }

    @Test
    void aProxysHtmlPageIsNeverParsedAsPlivo() {
        plivo.server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/html")
                .setBody("<html><body>Gateway says hi</body></html>"));
        assertThat(send().kind()).isEqualTo(FailureKind.OUTCOME_UNKNOWN);

        plivo.server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                .setBody("<html><body><h1>502 Bad Gateway</h1></body></html>"));
        SwitchboardException e = get();
        assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(e.getMessage()).doesNotContain("<html>");
    }

    @Test
    void emptyBodiesAndMissingUuidsAreNotSuccess() {
        plivo.enqueue(202, "");
        assertThat(send().kind()).isEqualTo(FailureKind.OUTCOME_UNKNOWN);
        plivo.enqueue(202, "{\"api_id\":\"a\",\"message\":\"message(s) queued\"}");
        assertThat(send().kind()).isEqualTo(FailureKind.OUTCOME_UNKNOWN);
        plivo.server.enqueue(new MockResponse().setResponseCode(204));
        assertThat(get().kind()).isEqualTo(FailureKind.UNAVAILABLE);
    }

    @Test
    void wrongTypesInAnAnswerAreUnavailableNotACrash() {
        plivo.enqueue(200, "{\"message_uuid\": {\"nested\": true}, \"units\": \"many\"}");
        assertThat(get().kind()).isEqualTo(FailureKind.UNAVAILABLE);
    }

    @Test
    void badInputFailsBeforeAnyRequestNamingTheField() {
        SwitchboardException e = failure(() -> plivo.connector.messaging().orElseThrow().get("../Account"));
        assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(e.failure().field()).contains("message_uuid");
        SwitchboardException dots = failure(() -> plivo.connector.messaging().orElseThrow().get(".."));
        assertThat(dots.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(dots.failure().field()).isPresent();
        SwitchboardException blank = failure(() -> plivo.connector.voice().orElseThrow().get(" "));
        assertThat(blank.failure().field()).contains("call_id");
        SwitchboardException cursor = failure(() -> plivo.connector.messaging().orElseThrow().list(
                io.switchboard.domain.message.MessageQuery.all(),
                new io.switchboard.domain.PageRequest(5, java.util.Optional.of("not-an-offset"))));
        assertThat(cursor.failure().field()).contains("cursor");
        assertThat(plivo.server.getRequestCount()).isZero();
    }
}
