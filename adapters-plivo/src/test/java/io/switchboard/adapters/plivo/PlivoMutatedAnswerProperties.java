package io.switchboard.adapters.plivo;

import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.call.CallInstructions;
import io.switchboard.domain.call.CallRequest;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.port.contract.JsonMutations;
import io.switchboard.domain.port.contract.NoDelayServerSockets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Plivo's example answers, randomly mutated and served with a success status: parsing one gives a value or a typed
 * failure, never another exception or a hang. A 2xx to a send or a call that cannot be read is an unknown outcome
 * (the vendor may have acted); to a read, unavailable.
 */
class PlivoMutatedAnswerProperties {

    private static final PhoneNumber TO = PhoneNumber.parse("+447700900123");
    private static final PhoneNumber FROM = PhoneNumber.parse("+14155552671");

    private static final OkHttpClient SHARED = new OkHttpClient();
    private static MockWebServer server;
    private static PlivoConnector connector;

    @BeforeContainer
    static void start() throws IOException {
        server = new MockWebServer();
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.start();
        connector = PlivoConnector.create(PlivoConfig.builder().accountName("test").authId(MockPlivo.AUTH_ID)
                .authToken(MockPlivo.TOKEN).baseUrl(server.url("/v1/").toString()).readTimeout(Duration.ofSeconds(2))
                .build(), SHARED);
    }

    @AfterContainer
    static void stop() throws IOException {
        connector.close();
        server.shutdown();
    }

    private static void serve(int status, String body, Executable call, Set<FailureKind> allowed) {
        server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(body));
        Throwable thrown = catchThrowable(call::execute);
        if (thrown != null) {
            assertThat(thrown).as("only a SwitchboardException may come out").isExactlyInstanceOf(
                    SwitchboardException.class);
            assertThat(((SwitchboardException) thrown).kind()).as(thrown.getMessage()).isIn(allowed);
        }
    }

    @Provide
    Arbitrary<String> message() {
        return JsonMutations.of(MockPlivo.resource("message.json"));
    }

    @Provide
    Arbitrary<String> page() {
        return JsonMutations.of(MockPlivo.resource("message-list-page1.json"));
    }

    @Provide
    Arbitrary<String> sent() {
        return JsonMutations.of("{\"api_id\": \"x\", \"message\": \"message(s) queued\", "
                + "\"message_uuid\": [\"db3ce55a-7f1d-11e1-8ea7-1231380bc196\"]}");
    }

    @Provide
    Arbitrary<String> placed() {
        return JsonMutations.of("{\"api_id\": \"x\", \"message\": \"call fired\", "
                + "\"request_uuid\": \"9834029e-58b6-11e1-b8b7-a5bd0e4e126f\"}");
    }

    @Property(tries = 300)
    void aMutatedMessageReadsOrIsUnavailable(@ForAll("message") String body) {
        serve(200, body, () -> connector.messaging().orElseThrow().get("db3ce55a-7f1d-11e1-8ea7-1231380bc196"),
                Set.of(FailureKind.UNAVAILABLE));
    }

    @Property(tries = 300)
    void aMutatedPageReadsOrIsUnavailable(@ForAll("page") String body) {
        serve(200, body, () -> connector.messaging().orElseThrow().list(MessageQuery.all(), PageRequest.first()),
                Set.of(FailureKind.UNAVAILABLE));
    }

    @Property(tries = 300)
    void aMutatedSendAnswerIsSentOrUnknown(@ForAll("sent") String body) {
        serve(202, body, () -> connector.messaging().orElseThrow().send(MessageRequest.sms(TO, FROM, "hi")),
                Set.of(FailureKind.OUTCOME_UNKNOWN));
    }

    @Property(tries = 300)
    void aMutatedCallAnswerIsPlacedOrUnknown(@ForAll("placed") String body) {
        serve(201, body, () -> connector.voice().orElseThrow().place(CallRequest.of(TO, FROM,
                CallInstructions.url("https://example.com/answer.xml"))), Set.of(FailureKind.OUTCOME_UNKNOWN));
    }
}
