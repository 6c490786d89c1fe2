package io.switchboard.adapters.telnyx;

import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.port.Capability;
import io.switchboard.domain.port.ProviderConnector;
import io.switchboard.domain.port.contract.ProviderConnectorContract;
import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.telnyx.TelnyxEmulator;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** The shared port contract, run against the Telnyx emulator over loopback. */
class TelnyxConnectorContractTest extends ProviderConnectorContract {

    private static final OkHttpClient SHARED = new OkHttpClient();

    private final TelnyxEmulator emulator = new TelnyxEmulator(EmulatorConfig.ofDefaults());

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    static TelnyxConfig.Builder config(TelnyxEmulator emulator) {
        return TelnyxConfig.builder()
                .apiKey(emulator.apiKey())
                .baseUrl(emulator.apiBaseUrl())
                .connectionId(TelnyxEmulator.CONNECTION_ID)
                .messagingProfileId(TelnyxEmulator.MESSAGING_PROFILE_ID)
                .readTimeout(Duration.ofSeconds(1));
    }

    @Override
    protected ProviderConnector newConnector() {
        return TelnyxConnector.create(config(emulator).build(), SHARED);
    }

    @Override
    protected ProviderConnector unreachableConnector() {
        return TelnyxConnector.create(config(emulator).baseUrl("http://127.0.0.1:" + closedPort() + "/v2").build(),
                SHARED);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Set<Capability> expectedCapabilities() {
        return EnumSet.of(Capability.MESSAGING, Capability.VOICE, Capability.NUMBERS, Capability.ACCOUNT,
                Capability.RECORDINGS, Capability.LOOKUP);
    }

    @Override
    protected PhoneNumber ownedNumber() {
        return PhoneNumber.parse("+12025550121");
    }

    @Override
    protected void failNextSend(SendFailure failure) {
        switch (failure) {
            case INVALID_REQUEST -> emulator.failNextSend(422, "10002", "The phone number is invalid.", "to");
            case DESTINATION_NOT_SUPPORTED -> emulator.destinationNotEnabledOnNextSend();
            case AUTHENTICATION -> emulator.failNextSend(401, "10009");
            case INSUFFICIENT_FUNDS -> emulator.insufficientFundsOnNextSend();
            case RATE_LIMITED -> emulator.rateLimitNextSend(2);
            case UNAVAILABLE -> emulator.unavailableOnNextSend();
            case OUTCOME_UNKNOWN -> emulator.hangNextSend();
        }
    }

    /** A well-formed message id (a UUID) that the emulator never issued. */
    @Override
    protected String unknownMessageId() {
        return UUID.randomUUID().toString();
    }
}
