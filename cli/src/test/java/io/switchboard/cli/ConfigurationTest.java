package io.switchboard.cli;

import io.switchboard.testing.EmbeddedSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --config}: a valid file replaces the sandbox; an invalid one ends with exit 5 and its key path. */
class ConfigurationTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("switchboard.yaml"), yaml);
    }

    private static CliHarness.Run run(Map<String, String> variables, String... args) {
        return CliHarness.run(CliHarness.environment(variables, () -> {
            throw new AssertionError("a run with --config must not start the embedded sandbox");
        }, ""), args);
    }

    @Test
    void aMissingSecretVariableIsAConfigurationErrorNamingItsKeyPath() throws IOException {
        Path file = write("accounts:\n  - id: telnyx\n    credentials: {apiKeyEnv: TELNYX_NOT_SET}\n");

        CliHarness.Run result = run(Map.of(), "--config", file.toString(), "send", "--to", "+12025550199",
                "--text", "x");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(result.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("switchboard send: configuration error in " + file)
                .contains("'accounts[0].credentials.apiKeyEnv' names environment variable TELNYX_NOT_SET, which is "
                        + "not set"));
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anUnknownKeyIsNamedWithTheKeysExpectedThere() throws IOException {
        Path file = write("accounts:\n  - id: telnyx\n    credentials: {apiKeyEnv: KEY}\nrouting: {polcy: least-cost}\n");

        CliHarness.Run result = run(Map.of("KEY", "some-key-value"), "--config", file.toString(), "quote", "--to",
                "+12025550199", "--text", "x");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(result.err()).contains("'routing.polcy' is not a known key here; expected one of [");
    }

    @Test
    void aBadAccountSidNamesItsKeyPath() throws IOException {
        Path file = write("accounts:\n  - id: telnyx\n    credentials: {apiKeyEnv: KEY}\n  - id: twilio:work\n"
                + "    credentials: {accountSid: \"AC12\\e[31m\", authTokenEnv: KEY}\n");

        CliHarness.Run result = run(Map.of("KEY", "some-key-value"), "--config", file.toString(), "account");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(result.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .contains("'accounts[1].credentials.accountSid' must be 'AC' followed by 32 hex digits, got "
                        + "'AC12\\e[31m'"));
    }

    @Test
    void anInvalidAccountSettingFoundWhileBuildingIsAConfigurationErrorToo() throws IOException {
        Path file = write("accounts:\n  - id: telnyx\n    credentials: {apiKeyEnv: KEY}\n"
                + "rateDecks:\n  - {account: telnyx, file: deck.csv}\n");
        Files.writeString(dir.resolve("deck.csv"), "prefix,rate,currency\n44,cheap,USD\n");

        CliHarness.Run result = run(Map.of("KEY", "some-key-value"), "--config", file.toString(), "quote", "--to",
                "+447700900001", "--text", "x");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(result.err()).contains("configuration error in " + file).contains("line 2");
    }

    @Test
    void anEndlessFileIsRefusedAtItsLimitInOneLine() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "a system with /dev/zero");

        CliHarness.Run result = run(Map.of(), "--config", "/dev/zero", "account");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(result.err()).isEqualTo("switchboard account: configuration error in /dev/zero: 'config' is larger "
                + "than the limit of 1 MiB (1048576 bytes): not a configuration file" + System.lineSeparator());
    }

    @Test
    void aVeryLongPathIsShownCut() {
        CliHarness.Run result = run(Map.of(), "--config", "/tmp/" + "x".repeat(20_000), "account");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(result.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .contains("...(20005 chars)").hasSizeLessThan(400));
    }

    @Test
    void aMissingFileIsAConfigurationError() {
        CliHarness.Run result = run(Map.of(), "--config", dir.resolve("none.yaml").toString(), "account");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(result.err()).contains("'config' not found: '" + dir.resolve("none.yaml") + "'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void withJsonTheErrorIsAlsoADocumentOnStdout() throws IOException {
        Path file = write("accounts:\n  - id: nexmo:x\n    credentials: {apiKeyEnv: KEY}\n");

        CliHarness.Run result = run(Map.of(), "--json", "--config", file.toString(), "account");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.CONFIGURATION);
        Map<String, Object> error = (Map<String, Object>) result.json().get("error");
        assertThat(error).containsEntry("exitCode", 5.0);
        assertThat((Map<String, Object>) error.get("failure")).containsEntry("kind", "INVALID_REQUEST")
                .containsEntry("field", "accounts[0].id");
        assertThat((String) error.get("message")).contains("unknown vendor 'nexmo'");
    }

    @Test
    void aValidFileRunsOnItsAccountsWithoutMentioningTheSandbox() {
        EmbeddedSandbox sandbox = EmbeddedSandbox.start();
        try (sandbox) {
            Path file = CliHarness.config(dir, sandbox).write();
            Map<String, String> variables = new HashMap<>(CliHarness.sandboxSecrets(sandbox));

            CliHarness.Run result = run(variables, "--config", file.toString(), "send", "--to", "+447700900001",
                    "--text", "configured", "--from", "alerts");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).contains("through plivo:default from +447700900114");
            assertThat(result.err()).doesNotContain("sandbox");
            assertThat(sandbox.ledger().acceptances("+447700900001", "configured")).isEqualTo(1);
        }
    }
}
