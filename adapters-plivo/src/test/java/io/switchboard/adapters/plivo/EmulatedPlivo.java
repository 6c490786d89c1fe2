package io.switchboard.adapters.plivo;

import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.sandbox.EmulatorConfig;
import io.switchboard.sandbox.ManualClock;
import io.switchboard.sandbox.plivo.PlivoEmulator;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The Plivo emulator on loopback with a manual clock, and a connector for its default account: what the marketplace
 * tests drive through the adapter's public API.
 */
final class EmulatedPlivo implements AutoCloseable {

    static final OkHttpClient SHARED = new OkHttpClient();

    final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
    final EmulatorConfig config = EmulatorConfig.ofDefaults().withClock(clock).withSeed(11);
    final PlivoEmulator emulator = new PlivoEmulator(config);
    final PlivoConnector connector = connector("default", PlivoEmulator.AUTH_ID, PlivoEmulator.AUTH_TOKEN);

    PlivoConnector connector(String name, String authId, String token) {
        return PlivoConnector.create(PlivoConfig.builder().accountName(name).authId(authId).authToken(token)
                .baseUrl(emulator.apiBaseUrl()).readTimeout(Duration.ofSeconds(5)).build(), SHARED);
    }

    PlivoApi api() {
        return connector.api();
    }

    BigDecimal credit() {
        return api().accounts().get().cashCredits().orElseThrow().amount();
    }

    /** The failure {@code call} raised, after checking it is a SwitchboardException of {@code kind}. */
    static SwitchboardException failure(FailureKind kind, Executable call) {
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class, call::execute);
        assertThat(e).as("a SwitchboardException").isNotNull();
        assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
        return e;
    }

    /** An INVALID_REQUEST naming {@code field}. */
    static SwitchboardException invalid(String field, Executable call) {
        SwitchboardException e = failure(FailureKind.INVALID_REQUEST, call);
        assertThat(e.failure().field()).as(e.getMessage()).contains(field);
        return e;
    }

    @Override
    public void close() {
        emulator.close();
    }
}
