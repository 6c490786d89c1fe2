package io.switchboard.adapters.telnyx;

import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.SmsText;
import io.switchboard.domain.port.SendCapabilities;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What Telnyx accepts, as its API reference publishes it, declared for routing. */
class TelnyxSendCapabilitiesTest {

    private final SendCapabilities accepts = TelnyxConnector.CAPABILITIES;

    @Test
    void smsAndMmsNoInlineMarkupAndTenSegments() {
        assertThat(accepts.channels()).containsExactlyInAnyOrder(Channel.SMS, Channel.MMS);
        assertThat(accepts.inlineCallMarkup()).isFalse();
        assertThat(accepts.tooLong(Channel.SMS, SmsText.of("x".repeat(1530)))).isEmpty();
        assertThat(accepts.tooLong(Channel.SMS, SmsText.of("x".repeat(1531)))).isPresent();
        assertThat(accepts.tooLong(Channel.SMS, SmsText.of("\u0142".repeat(670)))).isEmpty();
        assertThat(accepts.tooLong(Channel.SMS, SmsText.of("\u0142".repeat(671)))).isPresent();
    }
}
