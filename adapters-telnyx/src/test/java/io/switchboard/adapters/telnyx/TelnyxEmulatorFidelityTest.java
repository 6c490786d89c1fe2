package io.switchboard.adapters.telnyx;

import io.switchboard.domain.Direction;
import io.switchboard.domain.Money;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.call.Call;
import io.switchboard.domain.call.CallInstructions;
import io.switchboard.domain.call.CallRequest;
import io.switchboard.domain.call.CallStatus;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageStatus;
import io.switchboard.domain.number.LookupField;
import io.switchboard.domain.number.NumberLookup;
import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.telnyx.TelnyxEmulator;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter against the Telnyx emulator over loopback, where the emulator answers as Telnyx's API reference says
 * Telnyx does: a dial answer that is never alive, an inbound message whose recipient is {@code delivered}, a lookup
 * that takes one {@code type}, a balance below zero.
 */
class TelnyxEmulatorFidelityTest {

    private static final OkHttpClient SHARED = new OkHttpClient();
    private static final PhoneNumber FROM = PhoneNumber.parse("+12025550121");
    private static final PhoneNumber US = PhoneNumber.parse("+14155550142");

    private final TelnyxEmulator emulator = new TelnyxEmulator(EmulatorConfig.ofDefaults());
    private final TelnyxConnector connector = TelnyxConnector.create(
            TelnyxConnectorContractTest.config(emulator).build(), SHARED);

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aPlacedCallIsQueuedThenInProgressThenCompleted() {
        var voice = connector.voice().orElseThrow();
        Call placed = voice.place(CallRequest.of(US, FROM, CallInstructions.url("https://example.com/hook")));
        assertThat(placed.status()).isEqualTo(CallStatus.QUEUED);

        assertThat(voice.get(placed.id()).status()).isEqualTo(CallStatus.IN_PROGRESS);
        emulator.endCall(placed.id(), "completed", 30);
        assertThat(voice.get(placed.id()).status()).isEqualTo(CallStatus.COMPLETED);
    }

    @Test
    void anInboundMessageIsReceived() {
        String id = emulator.receiveMessage(US.e164(), FROM.e164(), "see you at nine");

        Message inbound = connector.messaging().orElseThrow().get(id);
        assertThat(inbound.direction()).isEqualTo(Direction.INBOUND);
        assertThat(inbound.status()).isEqualTo(MessageStatus.RECEIVED);
        assertThat(inbound.from()).isEqualTo(US.e164());
    }

    @Test
    void aLookupOfBothFieldsIsTwoLookupsOfOneTypeEach() {
        NumberLookup lookup = connector.lookup().orElseThrow().lookup(US,
                Set.of(LookupField.LINE_TYPE, LookupField.CALLER_NAME));

        assertThat(lookup.valid()).isTrue();
        assertThat(lookup.countryIso()).contains("US");
        assertThat(lookup.carrier()).contains("Sandbox Telecom US");
        assertThat(lookup.callerName()).contains("SANDBOX SUBSCRIBER");
    }

    @Test
    void anAccountOwingMoneyHasANegativeBalance() {
        emulator.setBalance(new BigDecimal("-7.25"), new BigDecimal("50.00"));

        assertThat(connector.accountDetails().orElseThrow().info().balance()).contains(Money.of("-7.25", "USD"));
    }
}
