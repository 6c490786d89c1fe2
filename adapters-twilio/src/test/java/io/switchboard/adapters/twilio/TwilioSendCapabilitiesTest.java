package io.switchboard.adapters.twilio;

import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.SmsText;
import io.switchboard.domain.port.SendCapabilities;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What Twilio accepts, as its API reference publishes it, declared for routing. */
class TwilioSendCapabilitiesTest {

    private final SendCapabilities accepts = TwilioConnector.CAPABILITIES;

    @Test
    void everyChannelInlineTwimlAnd1600CharactersOnEveryChannel() {
        assertThat(accepts.channels()).containsExactlyInAnyOrder(Channel.SMS, Channel.MMS, Channel.WHATSAPP);
        assertThat(accepts.inlineCallMarkup()).isTrue();
        for (Channel channel : Channel.values()) {
            assertThat(accepts.tooLong(channel, SmsText.of("x".repeat(1600)))).as(channel.name()).isEmpty();
            assertThat(accepts.tooLong(channel, SmsText.of("x".repeat(1601)))).as(channel.name()).isPresent();
        }
        assertThat(accepts.tooLong(Channel.SMS, SmsText.of("\u0142".repeat(1600)))).as("UCS-2 too").isEmpty();
    }
}
