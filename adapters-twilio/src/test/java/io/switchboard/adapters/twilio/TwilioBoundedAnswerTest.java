package io.switchboard.adapters.twilio;

import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.port.MessagingPort;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Answers that arrive too slowly: each read is quick enough, the whole answer never is. */
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

    @Test
    void theCallTimeoutHasADefaultAndIsChecked() {
        assertThat(twilio.config(Duration.ofSeconds(1)).build().callTimeout())
                .isEqualTo(TwilioConfig.DEFAULT_CALL_TIMEOUT);
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                () -> twilio.config(Duration.ofSeconds(1)).callTimeout(Duration.ZERO).build());
        assertThat(e.failure().field()).contains("callTimeout");
    }
}
