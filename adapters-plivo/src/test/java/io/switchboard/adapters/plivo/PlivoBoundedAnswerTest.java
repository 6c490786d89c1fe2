package io.switchboard.adapters.plivo;

import io.switchboard.adapters.http.BoundedBodies;
import io.switchboard.adapters.http.HttpTimeouts;
import io.switchboard.domain.port.contract.EndlessAnswer;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.port.MessagingPort;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Answers too slow or too large: dripping past the call timeout, or past the cap on a body's size. */
class PlivoBoundedAnswerTest {

    private final MockPlivo plivo = new MockPlivo();
    private final PlivoConnector bounded = PlivoConnector.create(PlivoConfig.builder().accountName("test")
            .authId(MockPlivo.AUTH_ID).authToken(MockPlivo.TOKEN).baseUrl(plivo.server.url("/v1/").toString())
            .readTimeout(Duration.ofMillis(500)).callTimeout(Duration.ofSeconds(1)).build(), MockPlivo.SHARED);
    private final MessagingPort messaging = bounded.messaging().orElseThrow();

    @AfterEach
    void close() {
        bounded.close();
        plivo.close();
    }

    /** 20 bytes a second: no read waits 500 ms, the whole body would take far longer than the call timeout. */
    private void enqueueDrip(int status, String body) {
        plivo.server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(body).throttleBody(2, 100, TimeUnit.MILLISECONDS));
    }

    @Test
    void aSendWhoseAnswerDripsPastTheCallTimeoutIsAnUnknownOutcome() {
        enqueueDrip(202, "{\"api_id\": \"" + "a".repeat(200) + "\", \"message\": \"message(s) queued\", "
                + "\"message_uuid\": [\"db3ce55a-7f1d-11e1-8ea7-1231380bc196\"]}");

        SwitchboardException e = catchThrowableOfType(SwitchboardException.class, () -> messaging.send(
                MessageRequest.sms(PhoneNumber.parse("+447700900123"), PhoneNumber.parse("+14155552671"), "hi")));

        assertThat(e).as("the drip must be cut off, not waited out").isNotNull();
        assertThat(e.kind()).isEqualTo(FailureKind.OUTCOME_UNKNOWN);
    }

    @Test
    void aReadWhoseAnswerDripsPastTheCallTimeoutIsUnavailable() {
        enqueueDrip(200, MockPlivo.resource("message.json"));

        SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                () -> messaging.get("db3ce55a-7f1d-11e1-8ea7-1231380bc196"));

        assertThat(e).as("the drip must be cut off, not waited out").isNotNull();
        assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
    }

    /** A page of real messages, repeated until it is a megabyte past the cap. */
    private static String hugePage() {
        String item = MockPlivo.resource("message.json");
        StringBuilder page = new StringBuilder("{\"api_id\": \"x\", \"meta\": {\"limit\": 20, \"offset\": 0, "
                + "\"next\": null}, \"objects\": [");
        for (int i = 0; page.length() < BoundedBodies.MAX_BYTES + 1_000_000; i++) {
            page.append(i == 0 ? "" : ",").append(item);
        }
        return page.append("]}").toString();
    }

    @Test
    void aListPageOfManyMegabytesIsRefusedAtTheCap() {
        String page = hugePage();
        plivo.enqueue(200, page);
        plivo.server.enqueue(new MockResponse().setResponseCode(200).setChunkedBody(page, 1 << 16));

        for (int i = 0; i < 2; i++) {
            SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                    () -> plivo.connector.messaging().orElseThrow().list(MessageQuery.all(), PageRequest.first()));
            assertThat(e).as("with and without a Content-Length").isNotNull();
            assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("exceeds " + BoundedBodies.MAX_BYTES + " bytes");
        }
    }

    @Test
    void aBodyWithNoEndIsCutOffAtTheCapOnAReadAndASend() throws Exception {
        try (EndlessAnswer endless = new EndlessAnswer("{\"api_id\": \"", "x".repeat(1000));
                PlivoConnector connector = PlivoConnector.create(PlivoConfig.builder().accountName("test")
                        .authId(MockPlivo.AUTH_ID).authToken(MockPlivo.TOKEN).baseUrl(endless.url("/v1/"))
                        .readTimeout(Duration.ofSeconds(5)).build(), MockPlivo.SHARED)) {
            MessagingPort endlessPort = connector.messaging().orElseThrow();

            SwitchboardException read = catchThrowableOfType(SwitchboardException.class,
                    () -> endlessPort.get("db3ce55a-7f1d-11e1-8ea7-1231380bc196"));
            SwitchboardException send = catchThrowableOfType(SwitchboardException.class, () -> endlessPort.send(
                    MessageRequest.sms(PhoneNumber.parse("+447700900123"), PhoneNumber.parse("+14155552671"), "hi")));

            assertThat(read.kind()).isEqualTo(FailureKind.UNAVAILABLE);
            assertThat(send.kind()).as("a send answered past the cap may have been accepted")
                    .isEqualTo(FailureKind.OUTCOME_UNKNOWN);
            assertThat(endless.written.get()).as("the client stopped reading")
                    .isLessThan(EndlessAnswer.SAFETY_CAP / 8);
        }
    }

    @Test
    void theCallTimeoutHasADefaultAndIsChecked() {
        PlivoConfig.Builder config = PlivoConfig.builder().authId(MockPlivo.AUTH_ID).authToken(MockPlivo.TOKEN);
        assertThat(config.build().timeouts().call()).isEqualTo(HttpTimeouts.DEFAULT_CALL);
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                () -> config.callTimeout(Duration.ofSeconds(-1)).build());
        assertThat(e.failure().field()).contains("callTimeout");
    }
}
