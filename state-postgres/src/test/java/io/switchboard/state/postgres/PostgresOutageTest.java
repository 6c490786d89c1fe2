package io.switchboard.state.postgres;

import io.switchboard.application.Delivery;
import io.switchboard.application.DeliveryLedger.Claim;
import io.switchboard.application.lifecycle.RecordQuery;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.Vendor;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** The database stops mid-run: every call fails as UNAVAILABLE without the password, and works again after. */
class PostgresOutageTest {

    private static final String PASSWORD = TestDatabase.PASSWORD;
    private static final PostgresSettings SETTINGS = PostgresSettings.ofDefaults().withPoolSize(2)
            .withConnectionTimeout(Duration.ofMillis(500)).withInstanceId("outage");

    private static Path dataDirectory;
    private static int port;
    private static EmbeddedPostgres server;

    @BeforeAll
    static void start() throws IOException {
        dataDirectory = Files.createTempDirectory("switchboard-pg-outage");
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        server = startServer();
    }

    private static EmbeddedPostgres startServer() throws IOException {
        // The same port and data directory each time: a restart of the same database.
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).setPGStartupWait(Duration.ofSeconds(30)).start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyCallFailsAsUnavailableWhileTheDatabaseIsDownAndWorksAgainAfterARestart() throws Exception {
        try (PostgresState state = PostgresState.start(TestDatabase.url(port), "postgres", PASSWORD, SETTINGS)) {
            AccountId twilio = AccountId.of(Vendor.TWILIO, "main");
            Delivery.Sent sent = new Delivery.Sent(twilio, "SM1", new SenderPool("alerts"), Optional.empty(),
                    Optional.empty(), Optional.empty(), List.of(), Optional.of("order-1"));
            assertThat(state.ledger().claim("order-1")).isInstanceOf(Claim.Granted.class);
            state.ledger().complete("order-1", sent);

            server.close();
            server = null;

            PhoneNumber number = PhoneNumber.parse("+447700900001");
            List<Executable> calls = List.of(
                    () -> state.ledger().claim("order-2"),
                    () -> state.ledger().complete("order-1", sent),
                    () -> state.ledger().resolve("order-1", sent),
                    () -> state.ledger().purge(),
                    () -> state.records().get("order-1"),
                    () -> state.records().keyOf(twilio, "SM1"),
                    () -> state.records().update("order-1", r -> r),
                    () -> state.records().list(RecordQuery.all(10)),
                    () -> state.records().firstSight("evt-1"),
                    () -> state.suppressions().find(number),
                    () -> state.suppressions().all());
            for (Executable call : calls) {
                assertUnavailable(catchThrowable(call::execute));
            }
            assertUnavailable(catchThrowable(() -> PostgresState.start(TestDatabase.url(port), "postgres", PASSWORD,
                    SETTINGS)));

            server = startServer();

            // The pool replaces its broken connections as they are used: wait for a call that works, no longer.
            Claim claim = eventually(() -> state.ledger().claim("order-1"));
            assertThat(claim).as("what was stored before the outage is still there").isEqualTo(new Claim.Done(sent));
            assertThat(state.ledger().claim("order-2")).isInstanceOf(Claim.Granted.class);
        }
    }

    /** The first answer of {@code call} once the store works again, within 30 s; every failure before, unavailable. */
    private static <T> T eventually(Supplier<T> call) {
        return await("the store works again within 30 s of the restart").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    try {
                        return Optional.of(call.get());
                    } catch (SwitchboardException e) {
                        assertUnavailable(e);
                        return Optional.<T>empty();
                    }
                }, Optional::isPresent).orElseThrow();
    }

    private static void assertUnavailable(Throwable thrown) {
        assertThat(thrown).isInstanceOf(SwitchboardException.class);
        SwitchboardException e = (SwitchboardException) thrown;
        assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(e.failure().message()).startsWith("PostgreSQL state store unreachable: ")
                .doesNotContain(PASSWORD).doesNotContain("\n");
        assertThat(e.getMessage()).doesNotContain(PASSWORD);
        assertThat(e.getCause()).as("no driver exception travels with it").isNull();
    }

    @Test
    void thePasswordIsNeverInTheUrlNorShown() {
        assertThatThrownBy(() -> PostgresState.start(TestDatabase.url(port) + "?password=" + PASSWORD, "postgres",
                null, SETTINGS))
                .isInstanceOfSatisfying(SwitchboardException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
                    assertThat(e.getMessage()).doesNotContain(PASSWORD);
                });
        try (PostgresState state = PostgresState.start(TestDatabase.url(port), "postgres", PASSWORD, SETTINGS)) {
            assertThat(state.toString()).contains("localhost:" + port, "postgres").doesNotContain(PASSWORD);
        }
    }
}
