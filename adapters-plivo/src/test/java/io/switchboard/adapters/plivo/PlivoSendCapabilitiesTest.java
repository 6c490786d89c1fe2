package io.switchboard.adapters.plivo;

import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.SmsText;
import io.switchboard.domain.port.SendCapabilities;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What Plivo accepts, as its API reference publishes it, declared for routing. */
class PlivoSendCapabilitiesTest {

    private final SendCapabilities accepts = PlivoConnector.CAPABILITIES;

    @Test
    void everyChannelNoInlineXmlAnd1600Gsm7Or737Ucs2Characters() {
        assertThat(accepts.channels()).containsExactlyInAnyOrder(Channel.SMS, Channel.MMS, Channel.WHATSAPP);
        assertThat(accepts.inlineCallMarkup()).isFalse();
        assertThat(accepts.tooLong(Channel.SMS, SmsText.of("x".repeat(1600)))).isEmpty();
        assertThat(accepts.tooLong(Channel.SMS, SmsText.of("x".repeat(1601)))).isPresent();
        assertThat(accepts.tooLong(Channel.SMS, SmsText.of("\u0142".repeat(737)))).isEmpty();
        assertThat(accepts.tooLong(Channel.SMS, SmsText.of("\u0142".repeat(738)))).isPresent();
    }
}
