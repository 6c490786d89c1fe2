package io.switchboard.adapters.telnyx;

import com.telnyx.sdk.ApiClient;
import com.telnyx.sdk.ApiException;
import com.telnyx.sdk.api.MessagesApi;
import com.telnyx.sdk.model.CreateMessageRequest;
import com.telnyx.sdk.model.MessageResponse;
import com.telnyx.sdk.model.OutboundMessagePayload;
import com.telnyx.sdk.model.OutboundMessagePayloadTo;
import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.telnyx.TelnyxEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The official Telnyx Java SDK (com.telnyx.sdk:telnyx 2.8.0, test scope only) sends and fetches a message through the
 * emulator: its generated {@link ApiClient#setBasePath(String)} points it at the emulator instead of api.telnyx.com.
 */
class TelnyxOfficialSdkTest {

    private final TelnyxEmulator emulator = new TelnyxEmulator(EmulatorConfig.ofDefaults());

    @AfterEach
    void stop() {
        emulator.close();
    }

    private MessagesApi messages(String key) {
        ApiClient client = new ApiClient();
        client.setBasePath(emulator.apiBaseUrl());
        client.setBearerToken(key);
        return new MessagesApi(client);
    }

    @Test
    void theOfficialSdkSendsAndFetchesAMessageThroughTheEmulator() throws ApiException {
        MessagesApi api = messages(emulator.apiKey());

        MessageResponse sent = api.createMessage(new CreateMessageRequest().from("+12025550121")
                .to("+447700900123").text("sent by the official SDK").type(CreateMessageRequest.TypeEnum.SMS));
        OutboundMessagePayload data = sent.getData();
        assertThat(data.getId()).isNotNull();
        assertThat(data.getType()).isEqualTo(OutboundMessagePayload.TypeEnum.SMS);
        assertThat(data.getParts()).isEqualTo(1);
        assertThat(data.getCost().getAmount()).isEqualTo("0.0450");
        assertThat(data.getTo()).singleElement().satisfies(to -> {
            assertThat(to.getPhoneNumber()).isEqualTo("+447700900123");
            assertThat(to.getStatus()).isEqualTo(OutboundMessagePayloadTo.StatusEnum.QUEUED);
        });
        assertThat(emulator.ledger().acceptances("+447700900123", "sent by the official SDK")).isEqualTo(1);

        OutboundMessagePayload fetched = api.retrieveMessage(data.getId()).getData();
        assertThat(fetched.getId()).isEqualTo(data.getId());
        assertThat(fetched.getFrom().getPhoneNumber()).isEqualTo("+12025550121");
        assertThat(fetched.getText()).isEqualTo("sent by the official SDK");
    }

    @Test
    void theSdkSeesTelnyxsOwn401() {
        ApiException e = catchThrowableOfType(ApiException.class, () -> messages("KEYwrong").createMessage(
                new CreateMessageRequest().from("+12025550121").to("+447700900123").text("x")));
        assertThat(e.getCode()).isEqualTo(401);
        assertThat(e.getResponseBody()).contains("\"code\":\"10009\"");
    }
}
