package io.switchboard.adapters.telnyx;

import io.switchboard.adapters.http.BoundedBodies;
import io.switchboard.domain.port.contract.EndlessAnswer;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.number.NumberQuery;
import io.switchboard.domain.port.MessagingPort;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Answers too large: a page of many megabytes, a body with no end, refused at the cap on a body's size. */
class TelnyxBoundedAnswerTest {

    private final MockTelnyx telnyx = new MockTelnyx();
    private final TelnyxConnector connector = telnyx.connector();

    @AfterEach
    void close() {
        connector.close();
        telnyx.close();
    }

    /** A page of real numbers, repeated until it is a megabyte past the cap. */
    private static String hugePage() {
        String list = MockTelnyx.resource("phone-numbers.json");
        int meta = list.indexOf("\"meta\"");
        String item = list.substring(list.indexOf('{', list.indexOf('[')), list.lastIndexOf('}', meta) + 1);
        StringBuilder page = new StringBuilder("{\"data\": [");
        for (int i = 0; page.length() < BoundedBodies.MAX_BYTES + 1_000_000; i++) {
            page.append(i == 0 ? "" : ",").append(item);
        }
        return page.append("], \"meta\": {\"total_pages\": 1, \"total_results\": 1, \"page_number\": 1, "
                + "\"page_size\": 250}}").toString();
    }

    @Test
    void aListPageOfManyMegabytesIsRefusedAtTheCap() {
        String page = hugePage();
        telnyx.answer(200, page);
        telnyx.server.enqueue(new MockResponse().setResponseCode(200).setChunkedBody(page, 1 << 16));

        for (int i = 0; i < 2; i++) {
            SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                    () -> connector.numbers().orElseThrow().list(NumberQuery.all(), PageRequest.first()));
            assertThat(e).as("with and without a Content-Length").isNotNull();
            assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
            assertThat(e).hasCauseInstanceOf(BoundedBodies.TooLarge.class);
        }
    }

    @Test
    void aBodyWithNoEndIsCutOffAtTheCapOnAReadAndASend() throws Exception {
        try (EndlessAnswer endless = new EndlessAnswer("{\"data\": {\"text\": \"", "x".repeat(1000));
                TelnyxConnector endlessConnector = TelnyxConnector.create(telnyx.config()
                        .baseUrl(endless.url("/v2/")).readTimeout(Duration.ofSeconds(5)).build(),
                        MockTelnyx.SHARED)) {
            MessagingPort messaging = endlessConnector.messaging().orElseThrow();

            SwitchboardException read = catchThrowableOfType(SwitchboardException.class,
                    () -> messaging.get("40385f64-5717-4562-b3fc-2c963f66afa6"));
            SwitchboardException send = catchThrowableOfType(SwitchboardException.class, () -> messaging.send(
                    MessageRequest.sms(PhoneNumber.parse("+447700900123"), PhoneNumber.parse("+12025550121"), "hi")));

            assertThat(read.kind()).isEqualTo(FailureKind.UNAVAILABLE);
            assertThat(send.kind()).as("a send answered past the cap may have been accepted")
                    .isEqualTo(FailureKind.OUTCOME_UNKNOWN);
            assertThat(endless.written.get()).as("the client stopped reading")
                    .isLessThan(EndlessAnswer.SAFETY_CAP / 8);
        }
    }
}
