package io.switchboard.adapters.plivo;

import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.port.Capability;
import io.switchboard.domain.port.ProviderConnector;
import io.switchboard.domain.port.contract.ProviderConnectorContract;
import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.plivo.PlivoEmulator;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/** The shared port contract, run over real loopback HTTP against the Plivo emulator. */
class PlivoConnectorContractTest extends ProviderConnectorContract {

    private static final OkHttpClient SHARED = new OkHttpClient();
    private static PlivoEmulator plivo;

    @BeforeAll
    static void startEmulator() {
        plivo = new PlivoEmulator(EmulatorConfig.ofDefaults());
        plivo.start();
    }

    @AfterAll
    static void stopEmulator() {
        plivo.close();
    }

    @AfterEach
    void clearFaults() {
        plivo.faults().clear();
    }

    @Override
    protected ProviderConnector newConnector() {
        return PlivoConnector.create(config(plivo.apiBaseUrl()), SHARED);
    }

    @Override
    protected ProviderConnector unreachableConnector() {
        return PlivoConnector.create(config("http://127.0.0.1:" + closedPort() + "/v1/"), SHARED);
    }

    private static PlivoConfig config(String baseUrl) {
        return PlivoConfig.builder().authId(PlivoEmulator.AUTH_ID).authToken(PlivoEmulator.AUTH_TOKEN)
                .baseUrl(baseUrl).connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(1)).build();
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
        return Set.of(Capability.MESSAGING, Capability.VOICE, Capability.NUMBERS, Capability.ACCOUNT,
                Capability.PRICING, Capability.RECORDINGS);
    }

    @Override
    protected PhoneNumber ownedNumber() {
        return PhoneNumber.parse("+12025550111");
    }

    @Override
    protected void failNextSend(SendFailure failure) {
        switch (failure) {
            case INVALID_REQUEST -> plivo.failNextSend(400, "dst parameter is invalid");
            case DESTINATION_NOT_SUPPORTED -> plivo.failNextSendGeoPermission();
            case AUTHENTICATION -> plivo.failNextSend(401, "authentication failed");
            case INSUFFICIENT_FUNDS -> plivo.failNextSendInsufficientCredit();
            case RATE_LIMITED -> plivo.rateLimitNextSend(2);
            case UNAVAILABLE -> plivo.failNextSend(500, "server error");
            case OUTCOME_UNKNOWN -> plivo.hangNextSend();
        }
    }

    /** A uuid of Plivo's form that the emulator never issued (its ids come from its own seeded generator). */
    @Override
    protected String unknownMessageId() {
        return UUID.nameUUIDFromBytes("never issued by the Plivo emulator".getBytes()).toString();
    }
}
