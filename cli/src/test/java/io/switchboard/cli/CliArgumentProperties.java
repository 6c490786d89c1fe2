package io.switchboard.cli;

import io.switchboard.testing.EmbeddedSandbox;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a user (or a script built from untrusted data) puts on the command line, the program ends with a
 * documented exit code and, when it fails, one error line that a terminal prints as is: no stack trace, no line
 * break or escape sequence taken from a value, no message of an unexpected exception.
 */
class CliArgumentProperties {

    private static final String SANDBOX_NOTE = "switchboard: no --config given";

    @Provide
    Arbitrary<List<String>> commandLines() {
        Arbitrary<List<String>> command = Arbitraries.of(List.of("send"), List.of("quote"), List.of("usage"),
                List.of("messages", "list"), List.of("compare"), List.of("lookup"), List.of("call"), List.of());
        Arbitrary<String> option = Arbitraries.of("--to", "--text", "--channel", "--account", "--limit", "--start",
                "--end", "--from", "--minutes", "--json", "-v", "--config", "--no-progress", "--markup", "--media");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("+447700900001", "+12025550199", "4155552671", "whatsapp", "SMS", "mMs", "fax", "-",
                        "twilio", "plivo:default", "nexmo", "2025-01-31", "31/01/2025", "0", "-1", "2147483648", "3",
                        "@args.txt", "@/etc/passwd", "/dev/zero", "\u001b[31m+4477\u001b[0m", "+4477009\n00001",
                        "line\r\nbreak", "\u0007", "\u202e+44", "\uD800", "", " ", "1e400"),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(6),
                Arbitraries.integers().between(100, 20_000).map(n -> "+" + "7".repeat(n)));
        Arbitrary<List<String>> rest = Arbitraries.oneOf(option, value).list().ofMaxSize(7);
        return Combinators.combine(command, rest).as((c, r) -> {
            List<String> all = new ArrayList<>(c);
            all.addAll(r);
            return all;
        });
    }

    @Property(tries = 150)
    void everyCommandLineEndsInSuccessOrOneCleanErrorLine(@ForAll("commandLines") List<String> args) {
        CliHarness.Run run = CliHarness.run(CliHarness.environment(Map.of(), EmbeddedSandbox::start, ""),
                args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.toString()).isBetween(ExitCodes.OK, ExitCodes.CONFIGURATION);
        assertThat(run.err()).as(run.toString()).doesNotContain("\tat ", "unexpected ", "Exception:");
        List<String> lines = run.err().lines().filter(l -> !l.startsWith(SANDBOX_NOTE)).toList();
        for (String line : lines) {
            assertThat(line.chars().filter(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029))
                    .as("control characters in %s", line).isEmpty();
            assertThat(line.length()).as("values are quoted cut: %s", line).isLessThan(2_000);
        }
        if (run.exitCode() == ExitCodes.USAGE) {
            assertThat(lines).as("a usage error is one line: %s", run).hasSize(1);
        }
    }
}
