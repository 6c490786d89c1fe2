package io.switchboard.cli;

import io.switchboard.testing.EmbeddedSandbox;
import io.switchboard.sandbox.plivo.PlivoEmulator;
import io.switchboard.sandbox.twilio.TwilioEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret reaches stdout or stderr, whatever the command, the outcome, {@code --json} or {@code --verbose}: the
 * configuration names recognisable secret values through environment variables, one of them wrong.
 */
class SecretsTest {

    /** Plivo's token for an account added to the emulator just for this test. */
    private static final String PLIVO_SECRET = "plivo-secret-7c1f2a9e";
    private static final String PLIVO_AUTH_ID = "MASECRETTEST00000001";
    /** A Telnyx key the emulator refuses: the runs meet authentication failures with it. */
    private static final String WRONG_TELNYX_SECRET = "telnyx-wrong-secret-9d8e7f";

    @TempDir
    Path dir;

    @Test
    void noSecretAppearsInAnyOutputIncludingVerboseAndErrors() throws Exception {
        EmbeddedSandbox sandbox = EmbeddedSandbox.start();
        sandbox.plivo().addAccount(PLIVO_AUTH_ID, PLIVO_SECRET);
        List<String> secrets = List.of(PLIVO_SECRET, WRONG_TELNYX_SECRET, TwilioEmulator.AUTH_TOKEN,
                PlivoEmulator.AUTH_TOKEN, sandbox.telnyx().apiKey());
        Path config = CliHarness.config(dir, sandbox).plivoAccount(PLIVO_AUTH_ID).write();
        Path batch = Files.writeString(dir.resolve("batch.csv"), "+447700900001,hello\n+12025550199,hi\n");
        Map<String, String> good = Map.of(CliHarness.TWILIO_VAR, TwilioEmulator.AUTH_TOKEN,
                CliHarness.PLIVO_VAR, PLIVO_SECRET, CliHarness.TELNYX_VAR, sandbox.telnyx().apiKey());
        Map<String, String> wrongTelnyx = Map.of(CliHarness.TWILIO_VAR, TwilioEmulator.AUTH_TOKEN,
                CliHarness.PLIVO_VAR, PLIVO_SECRET, CliHarness.TELNYX_VAR, WRONG_TELNYX_SECRET);
        String c = config.toString();
        List<CliHarness.Run> runs = new ArrayList<>();
        try (sandbox) {
            for (String mode : List.of("--verbose", "--json")) {
                runs.add(run(good, mode, "--config", c, "send", "--to", "+447700900001", "--text", "fine"));
                sandbox.plivo().failNext(1, 503);
                runs.add(run(good, mode, "--config", c, "send", "--to", "+447700900001", "--text", "plivo down"));
                runs.add(run(wrongTelnyx, mode, "--config", c, "send", "--to", "+12025550199", "--text", "bad key"));
                runs.add(run(wrongTelnyx, mode, "--config", c, "send", "--to", "+12025550199", "--text", "pinned",
                        "--account", "telnyx"));
                runs.add(run(wrongTelnyx, mode, "--config", c, "account"));
                runs.add(run(good, mode, "--config", c, "quote", "--to", "+447700900001", "--text", "q"));
                runs.add(run(good, mode, "--config", c, "compare", batch.toString()));
                runs.add(run(good, mode, "--config", c, "messages", "list"));
                runs.add(run(good, mode, "--config", c, "usage", "--account", "twilio"));
                runs.add(run(good, mode, "--config", c, "reprice", "--account", "plivo"));
                runs.add(run(good, mode, "--config", c, "messages", "get", "--account", "plivo", "no-such-id"));
            }
        }

        assertThat(runs).extracting(CliHarness.Run::exitCode).contains(ExitCodes.OK, ExitCodes.NOT_SENT,
                ExitCodes.FAILURE);
        assertThat(runs).filteredOn(r -> r.all().contains("AUTHENTICATION")).as("the wrong key was tried")
                .isNotEmpty();
        for (CliHarness.Run run : runs) {
            assertThat(run.all()).as(run.toString()).doesNotContain(secrets)
                    .as("the redactor had nothing to mask: no code path printed a secret in the first place")
                    .doesNotContain(Redactor.MASK);
        }
    }

    private static CliHarness.Run run(Map<String, String> variables, String... args) {
        return CliHarness.run(CliHarness.environment(variables, () -> {
            throw new AssertionError("configured runs never start the sandbox");
        }, ""), args);
    }

    @Test
    void theRedactorMasksARegisteredSecretWhereverItIsPrinted() {
        Redactor redactor = new Redactor();
        redactor.add(PLIVO_SECRET);
        java.io.StringWriter target = new java.io.StringWriter();
        java.io.PrintWriter out = redactor.wrap(target);

        out.println("vendor said: bad token " + PLIVO_SECRET + "!");
        out.printf("again %s%n", PLIVO_SECRET);

        assertThat(target.toString()).doesNotContain(PLIVO_SECRET)
                .isEqualTo("vendor said: bad token ****!" + System.lineSeparator() + "again ****"
                        + System.lineSeparator());
    }
}
