package io.switchboard.domain.message;

import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderId;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.call.CallInstructions;
import io.switchboard.domain.call.CallRequest;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageRequestTest {

    private final PhoneNumber to = PhoneNumber.parse("+447700900123");

    @Test
    void buildsAnSmsFromAPool() {
        MessageRequest request = MessageRequest.builder().to("+447700900123").from(new SenderPool("marketing"))
                .text("Hello").clientReference("order-42").build();

        assertThat(request.channel()).isEqualTo(Channel.SMS);
        assertThat(request.from().value()).isEqualTo("pool:marketing");
        assertThat(request.clientReference()).contains("order-42");
    }

    @Test
    void mediaMakesItAnMms() {
        MessageRequest request = MessageRequest.builder().to(to).from(SenderId.of("ACME"))
                .media(URI.create("https://example.com/a.png")).build();

        assertThat(request.channel()).isEqualTo(Channel.MMS);
        assertThat(request.text()).isEmpty();
    }

    @Test
    void rejectsEmptyTextWithoutMediaAndMediaOnSms() {
        assertThatThrownBy(() -> MessageRequest.sms(to, SenderId.of("ACME"), ""))
                .isInstanceOf(SwitchboardException.class).hasMessageContaining("'text' must not be empty");
        assertThatThrownBy(() -> MessageRequest.builder().to(to).from(SenderId.of("ACME")).text("x")
                .channel(Channel.SMS).media(URI.create("https://example.com/a.png")).build())
                .hasMessageContaining("'media' needs channel MMS");
    }

    @Test
    void rejectsMissingFieldsByName() {
        assertThatThrownBy(() -> MessageRequest.sms(null, SenderId.of("ACME"), "x")).hasMessageContaining("'to' is required");
        assertThatThrownBy(() -> MessageRequest.sms(to, null, "x")).hasMessageContaining("'from' is required");
        assertThatThrownBy(() -> MessageRequest.builder().to("07700900123")).hasMessageContaining("'to'");
    }

    @Test
    void rejectsNonHttpMediaAndCallbacks() {
        assertThatThrownBy(() -> MessageRequest.builder().to(to).from(SenderId.of("ACME")).text("x")
                .media(URI.create("file:///etc/passwd")).build()).hasMessageContaining("'media[0]'");
        assertThatThrownBy(() -> MessageRequest.builder().to(to).from(SenderId.of("ACME")).text("x")
                .statusCallback(URI.create("/relative")).build()).hasMessageContaining("'statusCallback'");
    }

    @Test
    void aCallNeedsANumberOrPoolAndExactlyOneKindOfInstructions() {
        CallRequest call = CallRequest.of(to, PhoneNumber.parse("+14155552671"),
                CallInstructions.url("https://example.com/answer.xml"));
        assertThat(call.instructions()).isInstanceOf(CallInstructions.Url.class);

        assertThatThrownBy(() -> CallRequest.of(to, SenderId.of("ACME"), CallInstructions.markup("<Response/>")))
                .hasMessageContaining("'from' must be a phone number or sender pool");
        assertThatThrownBy(() -> CallInstructions.url("ftp://example.com/x")).hasMessageContaining("'url'");
        assertThatThrownBy(() -> new CallInstructions.Url(URI.create("https://example.com"), "PUT"))
                .hasMessageContaining("'method' must be GET or POST");
        assertThatThrownBy(() -> CallInstructions.markup(" ")).hasMessageContaining("'markup'");
    }
}
