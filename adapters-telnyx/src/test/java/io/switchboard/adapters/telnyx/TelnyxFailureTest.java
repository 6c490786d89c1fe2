package io.switchboard.adapters.telnyx;

import io.switchboard.adapters.http.RetryAfter;
import io.switchboard.domain.DeliveryGuarantee;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.number.LookupField;
import io.switchboard.domain.number.NumberLookup;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Telnyx answers and transport failures, each classified into the kind routing acts on. */
class TelnyxFailureTest {

    private static final MessageRequest SMS = MessageRequest.sms(PhoneNumber.parse("+447700900123"),
            PhoneNumber.parse("+12025550121"), "hello");
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final MockTelnyx telnyx = new MockTelnyx();
    private final TelnyxConnector connector = TelnyxConnector.create(telnyx.config().build(), MockTelnyx.SHARED,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void close() {
        telnyx.close();
    }

    private SwitchboardException sendFails() {
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                () -> connector.messaging().orElseThrow().send(SMS));
        assertThat(e).as("the send should fail").isNotNull();
        assertThat(e.failure().account()).contains(connector.account());
        assertThat(e.getMessage()).doesNotContain(MockTelnyx.API_KEY);
        return e;
    }

    private SwitchboardException getFails() {
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                () -> connector.messaging().orElseThrow().get("40385f64-5717-4562-b3fc-2c963f66afa6"));
        assertThat(e).as("the fetch should fail").isNotNull();
        assertThat(e.failure().account()).contains(connector.account());
        return e;
    }

    private static String error(String code, String title) {
        return "{\"errors\":[{\"code\":\"" + code + "\",\"title\":\"" + title + "\",\"detail\":\"" + title + ".\"}]}";
    }

    @ParameterizedTest(name = "HTTP {0} code {1} -> {3}")
    @CsvSource({
            "401, 10009, Authentication failed, AUTHENTICATION",
            "403, 10010, Authorization failed, DESTINATION_NOT_SUPPORTED",
            "422, 10039, Only pre-verified destinations are allowed, DESTINATION_NOT_SUPPORTED",
            "402, 20100, Insufficient funds, INSUFFICIENT_FUNDS",
            "400, 99999, Insufficient balance to send, INSUFFICIENT_FUNDS",
            "404, 10005, Resource not found, NOT_FOUND",
            "429, 10011, Too many requests, RATE_LIMITED",
            "422, 10011, Too many requests, INVALID_REQUEST",
            "503, 10011, Too many requests, UNAVAILABLE",
            "400, 10015, Bad Request, INVALID_REQUEST",
            "500, 10007, Unexpected error, UNAVAILABLE",
            "503, 10007, Service unavailable, UNAVAILABLE"
    })
    void classifiesTelnyxErrorArrays(int status, String code, String title, FailureKind kind) {
        telnyx.answer(status, error(code, title));
        Failure failure = sendFails().failure();

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.httpStatus()).hasValue(status);
        assertThat(failure.vendorCode()).contains(code);
        assertThat(failure.message()).contains(title);
    }

    @Test
    void a422CarryingTooManyRequestsIsAnInvalidRequestThatNeitherBacksOffNorFailsOver() {
        telnyx.server.enqueue(new MockResponse().setResponseCode(422).setHeader("Retry-After", "30")
                .setHeader("Content-Type", "application/json")
                .setBody("{\"errors\":[{\"code\":\"10011\",\"title\":\"Too many requests\",\"detail\":\"You have"
                        + " exceeded the maximum number of allowed requests.\",\"source\":{\"pointer\":\"/to\"}}]}"));
        Failure failure = sendFails().failure();

        assertThat(failure.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(failure.kind().failsOver(DeliveryGuarantee.AT_MOST_ONCE)).isFalse();
        assertThat(failure.retryAfter()).as("no back-off for an invalid request").isEmpty();
        assertThat(failure.vendorCode()).contains("10011");
    }

    @Test
    void a422NamesTheFieldFromItsPointer() {
        telnyx.answerFile(422, "error-422.json");
        Failure failure = sendFails().failure();

        assertThat(failure.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(failure.field()).contains("to");
        assertThat(failure.vendorCode()).contains("10016");
        assertThat(failure.message()).contains("/to").contains("+E.164");
    }

    @Test
    void a429CarriesRetryAfterInSecondsAsADateOrFromTheResetHeader() {
        telnyx.server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7")
                .setBody(error("10011", "Too many requests")));
        assertThat(sendFails().failure().retryAfter()).contains(Duration.ofSeconds(7));

        telnyx.server.enqueue(new MockResponse().setResponseCode(429)
                .setHeader("Retry-After", "Sun, 01 Mar 2026 12:00:30 GMT").setBody(error("10011", "Too many")));
        assertThat(sendFails().failure().retryAfter()).contains(Duration.ofSeconds(30));

        telnyx.server.enqueue(new MockResponse().setResponseCode(429).setHeader("x-ratelimit-reset", "12")
                .setBody(error("10011", "Too many")));
        assertThat(sendFails().failure().retryAfter()).contains(Duration.ofSeconds(12));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {301, 302, 307, 308})
    void aRedirectOnASendIsNotFollowed(int status) {
        telnyx.server.enqueue(new MockResponse().setResponseCode(status).setHeader("Location", "/v2/elsewhere"));
        telnyx.answerFile(200, "message.json");

        Failure failure = sendFails().failure();

        assertThat(failure.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(failure.httpStatus()).hasValue(status);
        assertThat(telnyx.server.getRequestCount()).as("the send went nowhere else").isEqualTo(1);
    }

    @Test
    void anAbsurdResetIsCappedAsAnyRetryAfterIs() {
        telnyx.server.enqueue(new MockResponse().setResponseCode(429).setHeader("x-ratelimit-reset", "864000")
                .setBody(error("10011", "Too many")));
        assertThat(sendFails().failure().retryAfter()).contains(RetryAfter.MAX);
    }

    @Test
    void aProxysHtmlErrorPageIsClassifiedByItsStatusWithAnExcerpt() {
        telnyx.server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                .setBody("<html><body><h1>502 Bad Gateway</h1></body></html>"));
        Failure failure = sendFails().failure();
        assertThat(failure.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(failure.vendorCode()).isEmpty();
        assertThat(failure.message()).contains("502 Bad Gateway");
    }

    @ParameterizedTest(name = "a 2xx body ''{0}''")
    @ValueSource(strings = {"<html>maintenance</html>", "{\"data\": {\"id\": \"abc\", \"parts\": \"many\"}}",
            "{\"data\": {\"id\":", "", "{}", "{\"data\": {\"direction\": \"outbound\"}}"})
    void anUnreadable2xxIsAnUnknownOutcomeOnASendAndUnavailableOnAFetch(String body) {
        telnyx.answer(200, body).answer(200, body);
        assertThat(sendFails().kind()).isEqualTo(FailureKind.OUTCOME_UNKNOWN);
        assertThat(getFails().kind()).isEqualTo(FailureKind.UNAVAILABLE);
    }

    @Test
    void aReadTimeoutAfterASendIsAnUnknownOutcomeAndOnAFetchUnavailable() {
        telnyx.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        telnyx.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        SwitchboardException send = sendFails();
        assertThat(send.kind()).isEqualTo(FailureKind.OUTCOME_UNKNOWN);
        assertThat(send.failure().outcomeKnown()).isFalse();
        assertThat(getFails().kind()).isEqualTo(FailureKind.UNAVAILABLE);
    }

    @Test
    void aConnectionDroppedAfterTheSendIsAnUnknownOutcomeAndIsNeverRetried() {
        telnyx.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        telnyx.answerFile(200, "message.json");

        assertThat(sendFails().kind()).isEqualTo(FailureKind.OUTCOME_UNKNOWN);
        assertThat(telnyx.server.getRequestCount()).as("OkHttp must not send the message again").isEqualTo(1);
    }

    @Test
    void aRequestThatCannotBeBuiltIsAConfigurationFailureAndNothingIsSent() {
        OkHttpClient broken = MockTelnyx.SHARED.newBuilder().addInterceptor(chain -> {
            throw new IllegalArgumentException("Unexpected char 0x0a in Authorization value");
        }).build();
        try (TelnyxConnector unbuildable = TelnyxConnector.create(telnyx.config().build(), broken)) {
            SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                    () -> unbuildable.messaging().orElseThrow().send(SMS));
            assertThat(e.kind()).isEqualTo(FailureKind.CONFIGURATION);
            assertThat(e.failure().outcomeKnown()).isTrue();
            assertThat(e.getMessage()).contains("nothing was sent").doesNotContain("Authorization value");
        }
        assertThat(telnyx.server.getRequestCount()).isZero();
    }

    @Test
    void aRefusedConnectionIsUnavailable() {
        TelnyxConnector unreachable = TelnyxConnector.create(telnyx.config().baseUrl("http://127.0.0.1:1/v2").build(),
                MockTelnyx.SHARED);
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                () -> unreachable.messaging().orElseThrow().send(SMS));
        assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(e.failure().outcomeKnown()).isTrue();
    }

    @Test
    void badArgumentsAreInvalidRequestsNamingTheFieldOnTheAccount() {
        var messaging = connector.messaging().orElseThrow();
        for (Runnable call : new Runnable[] {
                () -> messaging.send(null), () -> messaging.get(" "), () -> messaging.get(".."),
                () -> connector.numbers().orElseThrow().get(null),
                () -> connector.api().listMessages(null, TelnyxApi.page(1, 10))}) {
            SwitchboardException e = catchThrowableOfType(SwitchboardException.class, call::run);
            assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
            assertThat(e.failure().field()).isPresent();
            assertThat(e.failure().account()).contains(connector.account());
        }
        assertThat(telnyx.server.getRequestCount()).isZero();
    }

    @Test
    void anInvalidNumberLookupIsAnInvalidNumberNotAFailure() {
        telnyx.answer(422, error("10002", "Invalid phone number"));
        NumberLookup lookup = connector.lookup().orElseThrow().lookup(PhoneNumber.parse("+447700900123"),
                Set.of(LookupField.LINE_TYPE));
        assertThat(lookup.valid()).isFalse();
        assertThat(lookup.number()).isEqualTo("+447700900123");
    }

    @Test
    void vendorPricesAreUnsupportedAndSaySoInWords() {
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                () -> connector.api().vendorRates("GB", io.switchboard.domain.pricing.Product.SMS));
        assertThat(e.kind()).isEqualTo(FailureKind.UNSUPPORTED);
        assertThat(e.getMessage()).contains("no pricing API").contains("rate-deck CSVs").contains("price book");
        assertThat(connector.pricing()).isEmpty();
        assertThat(connector.usage()).isEmpty();
    }
}
