package io.switchboard.reliability;

import io.switchboard.testing.EmbeddedSandbox;
import io.switchboard.cli.CliEnvironment;
import io.switchboard.cli.SwitchboardCli;
import io.switchboard.sandbox.NumberInventory;
import io.switchboard.sandbox.Product;
import io.switchboard.sandbox.RateDeck;
import io.switchboard.sandbox.VendorEmulator;
import io.switchboard.sandbox.plivo.PlivoEmulator;
import io.switchboard.sandbox.telnyx.TelnyxEmulator;
import io.switchboard.sandbox.twilio.TwilioEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line program with {@code --verbose}, over a configuration whose secrets come from environment
 * variables, one of them wrong: every command, failures included. Its stdout and stderr, and everything the process
 * logged meanwhile (standard error, java.util.logging), hold no secret nor a Basic header's Base64. (The CLI's own
 * SecretsTest checks its writers, with and without {@code --json}; this adds the logs and the encoded forms.)
 */
class CliSecretsTest {

    private static final String TWILIO_VAR = EmbeddedSandbox.TWILIO_AUTH_TOKEN_ENV;
    private static final String PLIVO_VAR = EmbeddedSandbox.PLIVO_AUTH_TOKEN_ENV;
    private static final String TELNYX_VAR = EmbeddedSandbox.TELNYX_API_KEY_ENV;
    private static final String TELNYX_WRONG = "SECRET-telnyx-cli-wrong-6120";

    @TempDir
    Path dir;

    @Test
    void verboseRunsAndLogsCarryNoSecret() throws Exception {
        List<String> secrets = List.of(TwilioEmulator.AUTH_TOKEN, PlivoEmulator.AUTH_TOKEN,
                TelnyxEmulator.DEFAULT_API_KEY, TELNYX_WRONG,
                base64(TwilioEmulator.ACCOUNT_SID + ":" + TwilioEmulator.AUTH_TOKEN),
                base64(PlivoEmulator.AUTH_ID + ":" + PlivoEmulator.AUTH_TOKEN), base64(TELNYX_WRONG),
                base64(TelnyxEmulator.DEFAULT_API_KEY));
        Map<String, String> good = Map.of(TWILIO_VAR, TwilioEmulator.AUTH_TOKEN, PLIVO_VAR, PlivoEmulator.AUTH_TOKEN,
                TELNYX_VAR, TelnyxEmulator.DEFAULT_API_KEY);
        Map<String, String> wrong = Map.of(TWILIO_VAR, TwilioEmulator.AUTH_TOKEN, PLIVO_VAR, PlivoEmulator.AUTH_TOKEN,
                TELNYX_VAR, TELNYX_WRONG);
        StringBuilder printed = new StringBuilder();
        CapturedOutput output = CapturedOutput.start();
        try (EmbeddedSandbox sandbox = SandboxFacade.sandbox(11, 8)) {
            String config = sandbox.writeConfiguration(dir, "alerts").toString();
            Path batch = Files.writeString(dir.resolve("batch.csv"), "+447700900001,hello\n+12025550199,hi\n");
            List<List<String>> commands = List.of(
                    List.of("send", "--to", "+447700900001", "--text", "fine"),
                    List.of("send", "--to", "+12025550199", "--text", "telnyx first"),
                    List.of("send", "--to", "+12025550199", "--text", "pinned", "--account", "telnyx"),
                    List.of("call", "--to", "+12025550199", "--url", "https://example.com/answer.xml"),
                    List.of("account"), List.of("quote", "--to", "+447700900001", "--text", "q"),
                    List.of("compare", batch.toString()), List.of("messages", "list"),
                    List.of("messages", "get", "--account", "plivo", "no-such-id"), List.of("calls", "list"),
                    List.of("numbers", "list"), List.of("recordings", "list"), List.of("lookup", "+447700900001"),
                    List.of("usage", "--account", "twilio"), List.of("reprice", "--account", "plivo"));
            for (Map<String, String> variables : List.of(good, wrong)) {
                sandbox.plivo().failNext(1, 503);
                for (List<String> command : commands) {
                    List<String> args = new ArrayList<>(List.of("--verbose", "--config", config));
                    args.addAll(command);
                    printed.append(run(variables, args.toArray(String[]::new)));
                }
            }
        } finally {
            output.stop();
        }
        String everything = printed + "\n" + output.text();

        assertThat(everything).as("the wrong key was tried, and runs succeeded too").contains("AUTHENTICATION", "sent");
        for (String secret : secrets) {
            assertThat(everything).as("a secret leaked").doesNotContain(secret);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String run(Map<String, String> variables, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(variables::get, () -> {
            throw new AssertionError("configured runs never start a sandbox");
        }, () -> (InputStream) new ByteArrayInputStream(new byte[0]));
        int code = SwitchboardCli.commandLine(environment, out, err).execute(args);
        return "exit " + code + "\n" + out + err + "\n";
    }
}
