package io.switchboard.adapters.twilio;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.port.Capability;
import io.switchboard.domain.port.ProviderConnector;
import io.switchboard.domain.port.contract.ProviderConnectorContract;
import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.twilio.TwilioEmulator;
import org.junit.jupiter.api.AfterEach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/** The port contract, run by the Twilio adapter against the Twilio emulator over loopback HTTP. */
class TwilioConnectorContractTest extends ProviderConnectorContract {

    static final PhoneNumber OWNED = PhoneNumber.parse("+12025550101");

    private final TwilioEmulator emulator = new TwilioEmulator(EmulatorConfig.ofDefaults());

    static TwilioConfig.Builder configFor(TwilioEmulator emulator) {
        return TwilioConfig.builder()
                .account(AccountId.parse("twilio:contract"))
                .accountSid(TwilioEmulator.ACCOUNT_SID)
                .authToken(TwilioEmulator.AUTH_TOKEN)
                .allBaseUrls(emulator.baseUrl() + "/")
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(1));
    }

    @AfterEach
    void closeEmulator() {
        emulator.close();
    }

    @Override
    protected ProviderConnector newConnector() {
        return TwilioConnector.create(configFor(emulator).build(), MockTwilio.SHARED);
    }

    @Override
    protected ProviderConnector unreachableConnector() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TwilioConnector.create(configFor(emulator).allBaseUrls("http://127.0.0.1:" + port + "/").build(),
                MockTwilio.SHARED);
    }

    @Override
    protected Set<Capability> expectedCapabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    protected PhoneNumber ownedNumber() {
        return OWNED;
    }

    @Override
    protected void failNextSend(SendFailure failure) {
        switch (failure) {
            case INVALID_REQUEST -> emulator.failNextSend(400, 21211);
            case DESTINATION_NOT_SUPPORTED -> emulator.failNextSend(400, 21408);
            case AUTHENTICATION -> emulator.failNextSend(401, 20003);
            case INSUFFICIENT_FUNDS -> emulator.failNextSendForFunds();
            case RATE_LIMITED -> emulator.rateLimitNextSend(Duration.ofSeconds(1));
            case UNAVAILABLE -> emulator.failNextSend(503, 20503);
            case OUTCOME_UNKNOWN -> emulator.hangNextSend();
        }
    }

    /** Twilio's message SID form; the emulator draws random hex, never all zeros. */
    @Override
    protected String unknownMessageId() {
        return "SM" + "0".repeat(32);
    }
}
