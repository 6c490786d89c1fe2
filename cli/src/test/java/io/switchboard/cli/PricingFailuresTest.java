package io.switchboard.cli;

import io.switchboard.testing.EmbeddedSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account whose pricing API refuses its credentials or cannot be reached is named as such, on one line, by quote
 * and send, without --verbose; its quote row and a send pinned to it say the real failure kind.
 */
class PricingFailuresTest {

    private static final String UK = "+447700900001";

    @TempDir
    Path dir;

    private static CliHarness.Run run(EmbeddedSandbox sandbox, Map<String, String> variables, String... args) {
        return CliHarness.run(CliHarness.environment(variables, EmbeddedSandbox::start, ""), args);
    }

    @Test
    void aWrongTokenIsNamedByQuoteAndSend() {
        try (EmbeddedSandbox sandbox = EmbeddedSandbox.start()) {
            Path config = CliHarness.config(dir, sandbox).write();
            Map<String, String> variables = new java.util.HashMap<>(CliHarness.sandboxSecrets(sandbox));
            variables.put(CliHarness.PLIVO_VAR, "not-the-plivo-token");

            CliHarness.Run quote = run(sandbox, variables, "--config", config.toString(), "quote", "--to", UK,
                    "--text", "Hello");
            assertThat(quote.exitCode()).as(quote.toString()).isZero();
            assertThat(quote.err().lines().filter(l -> l.contains("plivo:default"))).as(quote.toString())
                    .singleElement().satisfies(line -> assertThat(line)
                            .contains("refused its credentials", "AUTHENTICATION", "HTTP 401"));
            assertThat(quote.out().lines().filter(l -> l.startsWith("plivo:default"))).singleElement()
                    .satisfies(line -> assertThat(line).contains("cannot serve", "AUTHENTICATION (HTTP 401)")
                            .doesNotContain("not loaded yet"));
            assertThat(quote.all()).doesNotContain("not-the-plivo-token");

            CliHarness.Run json = run(sandbox, variables, "--config", config.toString(), "--json", "quote", "--to",
                    UK, "--text", "Hello");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) json.json().get("rows");
            assertThat(rows).filteredOn(r -> "plivo:default".equals(r.get("account"))).singleElement()
                    .satisfies(row -> {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> excluded = (Map<String, Object>) row.get("excluded");
                        assertThat(excluded).containsEntry("reason", "UNPRICED");
                        assertThat((Map<String, Object>) excluded.get("failure"))
                                .containsEntry("kind", "AUTHENTICATION").containsEntry("httpStatus", 401.0);
                    });

            CliHarness.Run send = run(sandbox, variables, "--config", config.toString(), "send", "--to", UK,
                    "--text", "Hello");
            assertThat(send.exitCode()).as(send.toString()).isZero();
            assertThat(send.err().lines().filter(l -> l.contains("plivo:default"))).as(send.toString())
                    .singleElement().satisfies(line -> assertThat(line).contains("refused its credentials"));

            CliHarness.Run pinned = run(sandbox, variables, "--config", config.toString(), "send", "--to", UK,
                    "--text", "Hello", "--account", "plivo");
            assertThat(pinned.exitCode()).as(pinned.toString()).isEqualTo(ExitCodes.NOT_SENT);
            assertThat(pinned.err()).contains("refused its credentials");
            assertThat(pinned.all().lines().filter(l -> l.contains("not sent: AUTHENTICATION"))).as(pinned.toString())
                    .hasSize(1);
            assertThat(pinned.all()).doesNotContain("DESTINATION_NOT_SUPPORTED");
        }
    }

    @Test
    void anUnreachableBaseUrlIsNamedByQuoteAndSend() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (EmbeddedSandbox sandbox = EmbeddedSandbox.start()) {
            Path config = CliHarness.config(dir, sandbox).plivoBaseUrl("http://127.0.0.1:" + closedPort + "/v1/")
                    .write();
            Map<String, String> variables = CliHarness.sandboxSecrets(sandbox);

            CliHarness.Run quote = run(sandbox, variables, "--config", config.toString(), "quote", "--to", UK,
                    "--text", "Hello");
            assertThat(quote.exitCode()).as(quote.toString()).isZero();
            assertThat(quote.err().lines().filter(l -> l.contains("plivo:default"))).as(quote.toString())
                    .singleElement().satisfies(line -> assertThat(line)
                            .contains("cannot be reached", "UNAVAILABLE"));
            assertThat(quote.out().lines().filter(l -> l.startsWith("plivo:default"))).singleElement()
                    .satisfies(line -> assertThat(line).contains("UNAVAILABLE").doesNotContain("not loaded yet"));

            CliHarness.Run send = run(sandbox, variables, "--config", config.toString(), "send", "--to", UK,
                    "--text", "Hello");
            assertThat(send.exitCode()).as(send.toString()).isZero();
            assertThat(send.err().lines().filter(l -> l.contains("plivo:default"))).as(send.toString())
                    .singleElement().satisfies(line -> assertThat(line).contains("cannot be reached"));
        }
    }
}
