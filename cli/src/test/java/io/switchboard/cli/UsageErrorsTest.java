package io.switchboard.cli;

import io.switchboard.testing.EmbeddedSandbox;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the command line gets wrong ends with exit 2 and one line that names the option or field. */
class UsageErrorsTest {

    /** The sandbox is never started by a run that fails on its command line. */
    private static CliHarness.Run run(String... args) {
        return CliHarness.run(CliHarness.environment(Map.of(), () -> {
            throw new AssertionError("a usage error must not start the sandbox");
        }, ""), args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no command | '' | a command is required",
            "unknown command | bogus | Unmatched argument at index 0: 'bogus'",
            "unknown option | send --to +447700900001 --text x --bogus | Unknown option: '--bogus'",
            "missing option | send --text x | Missing required option: '--to=NUMBER'",
            "bad number | send --to 4155552671 --text x | Invalid value for option '--to': must be an E.164 number "
                    + "starting with '+', got '4155552671'",
            "bad account | send --to +447700900001 --text x --account twilio: | Invalid value for option '--account'",
            "no text | send --to +447700900001 | '--text' is required",
            "both text and minutes | quote --to +447700900001 --text x --minutes 2 | mutually exclusive",
            "neither url nor markup | call --to +447700900001 | Missing required argument",
            "bad limit | messages list --limit 0 | '--limit' must be positive, got 0",
            "bad demo size | demo --messages 1 | '--messages' must be between 2 and 100000, got 1",
            "demo with a configuration | --config x.yaml demo | demo always runs on the embedded sandbox",
            "messages without a subcommand | messages | Missing required subcommand"})
    void exitsTwoWithOneLineNamingTheProblem(String name, String args, String message) {
        CliHarness.Run result = run(args.isEmpty() ? new String[0] : args.split(" "));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).as(result.toString()).contains(message);
        assertThat(result.err().lines()).as("one line").hasSize(1);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aValueWithTerminalEscapesOrLineBreaksIsEchoedEscapedOnOneLine() {
        CliHarness.Run escape = run("send", "--to", "\u001b[31m+4477\u001b[0m", "--text", "x");
        CliHarness.Run newline = run("send", "--to", "+4477009\n00001", "--text", "x");
        CliHarness.Run unknown = run("send", "--to", "+447700900001", "--text", "x", "--bo\ngus\u0007");

        assertThat(escape.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(escape.err()).hasLineCount(1).doesNotContain("\u001b")
                .contains("Invalid value for option '--to': must be an E.164 number starting with '+', got "
                        + "'\\e[31m+4477\\e[0m'");
        assertThat(newline.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(newline.err()).hasLineCount(1).contains("got '+4477009\\n00001' with '\\n' at 8");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).hasLineCount(1).contains("'--bo\\ngus\\u0007'").doesNotContain("\u0007");
    }

    @Test
    void aLongValueIsCutWithItsLength() {
        CliHarness.Run result = run("send", "--to", "+" + "1".repeat(10_000), "--text", "x");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).hasLineCount(1).contains("...(10001 chars)").hasSizeLessThan(400);
    }

    @Test
    void aBadDateSaysWhichFormatItWants() {
        CliHarness.Run result = run("usage", "--start", "31/01/2025");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).hasLineCount(1)
                .contains("Invalid value for option '--start': must be a date written YYYY-MM-DD, such as "
                        + "2025-01-31, got '31/01/2025'")
                .doesNotContain("java.", "LocalDate");
    }

    @Test
    void aPathTheSystemCannotNameIsOneCleanLine() {
        for (String[] args : new String[][] {{"send", "--config", "\uD800", "--to", "+447700900001", "--text", "x"},
                {"compare", "a\uD800b.csv"}}) {
            CliHarness.Run result = run(args);

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).as(result.toString()).hasLineCount(1)
                    .contains("is not a file path this system can use")
                    .doesNotContain("Exception", "java.");
        }
    }

    @Test
    void aMediaValueThatIsNoUrlIsOneCleanLine() {
        CliHarness.Run result = run("send", "--to", "+447700900001", "--media", "\u001b[31mpic\tture");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).as(result.toString()).hasLineCount(1)
                .contains("Invalid value for option '--media' (URL): must be a URL such as https://example.com/a.png")
                .doesNotContain("Exception", "java.", "\u001b");
    }

    @Test
    void enumValuesAreCaseInsensitive() {
        CliHarness.Run result = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "send", "--to",
                "+447700900001", "--text", "x", "--channel", "whatsapp");
        CliHarness.Run bogus = run("send", "--to", "+447700900001", "--text", "x", "--channel", "pigeon");

        assertThat(result.err()).as(result.toString()).doesNotContain("Invalid value for option '--channel'");
        assertThat(result.exitCode()).as(result.toString()).isNotEqualTo(ExitCodes.USAGE);
        assertThat(bogus.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bogus.err()).contains("Invalid value for option '--channel'");
    }

    @Test
    void anArgumentStartingWithAtIsAValueNotAFileToRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("args.txt"), "--bogus-from-file");

        CliHarness.Run result = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "--json", "quote", "--to",
                "+447700900001", "--text", "@" + file);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).doesNotContain("bogus-from-file");
    }

    @Test
    void anAccountThatIsNotConfiguredIsNamedWithTheConfiguredOnes() {
        CliHarness.Run result = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "send", "--to",
                "+447700900001", "--text", "x", "--account", "nexmo");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("'--account' nexmo:default is not configured; configured: "
                + "[twilio:default, plivo:default, telnyx:default]");
    }

    @Test
    void aBadSenderIsNamedAfterTheSandboxStarted() {
        CliHarness.Run result = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "send", "--to",
                "+447700900001", "--text", "x", "--from", "+1");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("'--from' must be a number (+...), a sender ID or one of the pools [sandbox]");
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        CliHarness.Run result = run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("send", "quote", "compare", "reprice", "messages", "sandbox", "demo",
                "--config=FILE", "--json", "Exit codes:", "4   outcome unknown", "5   configuration error");
    }

    @Test
    void eachCommandHasItsOwnHelp() {
        CliHarness.Run result = run("compare", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: switchboard compare", "FILE", "--[no-]progress", "--json");
    }
}
