package io.switchboard.adapters.twilio;

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
class TwilioBoundedAnswerTest {

    private static final String SID = "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    private final MockTwilio twilio = new MockTwilio();
    private final TwilioConnector bounded = TwilioConnector.create(twilio.config(Duration.ofMillis(500))
            .callTimeout(Duration.ofSeconds(1)).build(), MockTwilio.SHARED);
    private final MessagingPort messaging = bounded.messaging().orElseThrow();

    @AfterEach
    void close() {
        bounded.close();
        twilio.close();
    }

    /** 20 bytes a second: no read waits 500 ms, the whole body would take about a minute. */
    private void enqueueDrip(int status) {
        String body = MockTwilio.resource("message.json");
        twilio.server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(body).throttleBody(2, 100, TimeUnit.MILLISECONDS));
    }

    @Test
    void aSendWhoseAnswerDripsPastTheCallTimeoutIsAnUnknownOutcome() {
        enqueueDrip(201);

        SwitchboardException e = catchThrowableOfType(SwitchboardException.class, () -> messaging.send(
                MessageRequest.sms(PhoneNumber.parse("+14155552346"), PhoneNumber.parse("+14155552345"), "hi")));

        assertThat(e).as("the drip must be cut off, not waited out").isNotNull();
        assertThat(e.kind()).isEqualTo(FailureKind.OUTCOME_UNKNOWN);
    }

    @Test
    void aReadWhoseAnswerDripsPastTheCallTimeoutIsUnavailable() {
        enqueueDrip(200);

        SwitchboardException e = catchThrowableOfType(SwitchboardException.class, () -> messaging.get(SID));

        assertThat(e).as("the drip must be cut off, not waited out").isNotNull();
        assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
    }

    /** A page of real messages, repeated until it is a megabyte past the cap. */
    private static String hugePage() {
        String item = MockTwilio.resource("message.json");
        StringBuilder page = new StringBuilder("{\"messages\": [");
        for (int i = 0; page.length() < BoundedBodies.MAX_BYTES + 1_000_000; i++) {
            page.append(i == 0 ? "" : ",").append(item);
        }
        return page.append("], \"next_page_uri\": null, \"page\": 0, \"page_size\": 50}").toString();
    }

    @Test
    void aListPageOfManyMegabytesIsRefusedAtTheCap() {
        String page = hugePage();
        twilio.enqueue(200, page);
        twilio.server.enqueue(new MockResponse().setResponseCode(200).setChunkedBody(page, 1 << 16));

        for (int i = 0; i < 2; i++) {
            SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                    () -> messaging.list(MessageQuery.all(), PageRequest.first()));
            assertThat(e).as("with and without a Content-Length").isNotNull();
            assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("exceeds " + BoundedBodies.MAX_BYTES + " bytes");
        }
    }

    @Test
    void aBodyWithNoEndIsCutOffAtTheCapOnAReadAndASend() throws Exception {
        String item = MockTwilio.resource("message.json");
        try (EndlessAnswer endless = new EndlessAnswer("{\"messages\": [", item + ",");
                TwilioConnector connector = TwilioConnector.create(twilio.config(Duration.ofSeconds(5))
                        .allBaseUrls(endless.url("/")).build(), MockTwilio.SHARED)) {
            MessagingPort endlessPort = connector.messaging().orElseThrow();

            SwitchboardException read = catchThrowableOfType(SwitchboardException.class,
                    () -> endlessPort.list(MessageQuery.all(), PageRequest.first()));
            SwitchboardException send = catchThrowableOfType(SwitchboardException.class, () -> endlessPort.send(
                    MessageRequest.sms(PhoneNumber.parse("+14155552346"), PhoneNumber.parse("+14155552345"), "hi")));

            assertThat(read.kind()).isEqualTo(FailureKind.UNAVAILABLE);
            assertThat(send.kind()).as("a send answered past the cap may have been accepted")
                    .isEqualTo(FailureKind.OUTCOME_UNKNOWN);
            assertThat(endless.written.get()).as("the client stopped reading")
                    .isLessThan(EndlessAnswer.SAFETY_CAP / 8);
        }
    }

    @Test
    void theCallTimeoutHasADefaultAndIsChecked() {
        assertThat(twilio.config(Duration.ofSeconds(1)).build().timeouts().call())
                .isEqualTo(HttpTimeouts.DEFAULT_CALL);
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                () -> twilio.config(Duration.ofSeconds(1)).callTimeout(Duration.ZERO).build());
        assertThat(e.failure().field()).contains("callTimeout");
    }
}
