package io.switchboard.adapters.twilio;

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
 * Twilio's example answers, randomly mutated and served with a success status: parsing one gives a value or a typed
 * failure, never another exception or a hang. A 2xx to a send or a call that cannot be read is an unknown outcome
 * (the vendor may have acted); to a read, unavailable.
 */
class TwilioMutatedAnswerProperties {

    private static final PhoneNumber TO = PhoneNumber.parse("+14155552346");
    private static final PhoneNumber FROM = PhoneNumber.parse("+14155552345");

    private static final OkHttpClient SHARED = new OkHttpClient();
    private static MockWebServer server;
    private static TwilioConnector connector;

    @BeforeContainer
    static void start() throws IOException {
        server = new MockWebServer();
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.start();
        connector = TwilioConnector.create(TwilioConfig.builder()
                .account(io.switchboard.domain.AccountId.parse("twilio:work"))
                .accountSid("AC0123456789abcdef0123456789abcdef").authToken("mutations-token")
                .allBaseUrls(server.url("/").toString()).readTimeout(Duration.ofSeconds(2)).build(), SHARED);
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
        return JsonMutations.of(MockTwilio.resource("message.json"));
    }

    @Provide
    Arbitrary<String> page() {
        return JsonMutations.of(MockTwilio.resource("messages-page.json"));
    }

    @Provide
    Arbitrary<String> sent() {
        return JsonMutations.of(MockTwilio.resource("message.json"));
    }

    @Provide
    Arbitrary<String> placed() {
        return JsonMutations.of(MockTwilio.resource("call.json"));
    }

    @Property(tries = 300)
    void aMutatedMessageReadsOrIsUnavailable(@ForAll("message") String body) {
        serve(200, body, () -> connector.messaging().orElseThrow().get("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
                Set.of(FailureKind.UNAVAILABLE));
    }

    @Property(tries = 300)
    void aMutatedPageReadsOrIsUnavailable(@ForAll("page") String body) {
        serve(200, body, () -> connector.messaging().orElseThrow().list(MessageQuery.all(), PageRequest.first()),
                Set.of(FailureKind.UNAVAILABLE));
    }

    @Property(tries = 300)
    void aMutatedSendAnswerIsSentOrUnknown(@ForAll("sent") String body) {
        serve(201, body, () -> connector.messaging().orElseThrow().send(MessageRequest.sms(TO, FROM, "hi")),
                Set.of(FailureKind.OUTCOME_UNKNOWN));
    }

    @Property(tries = 300)
    void aMutatedCallAnswerIsPlacedOrUnknown(@ForAll("placed") String body) {
        serve(201, body, () -> connector.voice().orElseThrow().place(CallRequest.of(TO, FROM,
                CallInstructions.url("https://example.com/answer.xml"))), Set.of(FailureKind.OUTCOME_UNKNOWN));
    }
}
