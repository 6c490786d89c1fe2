package io.switchboard.domain.port;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.message.Channel;
import io.switchboard.domain.message.SmsText;
import io.switchboard.domain.port.SendCapabilities.TextLimit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SendCapabilitiesTest {

    @Test
    void aConnectorThatDeclaresNothingAcceptsEverything() {
        ProviderConnector custom = () -> AccountId.parse("twilio:custom");

        SendCapabilities accepts = custom.sendCapabilities();

        assertThat(accepts).isSameAs(SendCapabilities.PERMISSIVE);
        for (Channel channel : Channel.values()) {
            assertThat(accepts.sends(channel)).as(channel.name()).isTrue();
            assertThat(accepts.tooLong(channel, SmsText.of("x".repeat(100_000)))).isEmpty();
        }
        assertThat(accepts.inlineCallMarkup()).isTrue();
    }

    @Test
    void aCharacterLimitCountsCodePoints() {
        TextLimit limit = TextLimit.characters(10);

        assertThat(limit.exceededBy(SmsText.of("😀".repeat(10)))).as("20 UTF-16 units, 10 characters").isEmpty();
        assertThat(limit.exceededBy(SmsText.of("a".repeat(11)))).get().asString()
                .contains("11 characters").contains("at most 10");
    }

    @Test
    void perEncodingLimitsApplyToTheTextsEncoding() {
        TextLimit limit = TextLimit.characters(1600, 737);

        assertThat(limit.exceededBy(SmsText.of("a".repeat(1600)))).isEmpty();
        assertThat(limit.exceededBy(SmsText.of("a".repeat(1601)))).get().asString().contains("1601 GSM-7");
        assertThat(limit.exceededBy(SmsText.of("ł".repeat(737)))).isEmpty();
        assertThat(limit.exceededBy(SmsText.of("ł".repeat(738)))).get().asString().contains("738 UCS-2");
    }

    @Test
    void aSegmentLimitUsesTheSmsSegmentCount() {
        TextLimit limit = TextLimit.segments(10);

        assertThat(limit.exceededBy(SmsText.of("a".repeat(1530)))).as("10 x 153").isEmpty();
        assertThat(limit.exceededBy(SmsText.of("a".repeat(1531)))).get().asString().contains("11 segments");
        assertThat(limit.exceededBy(SmsText.of("ł".repeat(671)))).get().asString().contains("11 segments");
    }

    @Test
    void limitsAreKeptPerChannelAndMustBePositive() {
        SendCapabilities accepts = SendCapabilities.builder().channels(Channel.SMS, Channel.MMS)
                .textLimit(Channel.SMS, TextLimit.segments(1)).build();

        assertThat(accepts.sends(Channel.WHATSAPP)).isFalse();
        assertThat(accepts.inlineCallMarkup()).isFalse();
        assertThat(accepts.tooLong(Channel.SMS, SmsText.of("a".repeat(161)))).isPresent();
        assertThat(accepts.tooLong(Channel.MMS, SmsText.of("a".repeat(161)))).isEmpty();
        assertThatThrownBy(() -> TextLimit.segments(0)).isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("'segments'");
    }
}
