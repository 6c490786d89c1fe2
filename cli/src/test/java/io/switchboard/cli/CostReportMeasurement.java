package io.switchboard.cli;

import io.switchboard.testing.EmbeddedSandbox;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Not a test: measures {@code compare --html} on a 10,000-row batch over 40 countries (three accounts priced from rate
 * decks, on the embedded sandbox's emulators), run in this JVM as the program runs it. Prints rows, countries, the
 * page's size and the seconds of each run: the first includes class loading and the first price loads. Command in
 * {@code docs/cli.md}.
 *
 * <p>Arguments: {@code [rows] [page.html]}; the page is left there for a look.
 */
public final class CostReportMeasurement {

    private CostReportMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("switchboard-report");
        Path page = args.length > 1 ? Path.of(args[1]) : dir.resolve("report.html");
        try (EmbeddedSandbox sandbox = EmbeddedSandbox.start()) {
            Path config = ManyCountries.config(dir, sandbox);
            Path batch = ManyCountries.batch(dir.resolve("batch.csv"), rows);
            CliEnvironment environment = CliHarness.environment(CliHarness.sandboxSecrets(sandbox), () -> {
                throw new IllegalStateException("configured runs never start the sandbox");
            }, "");
            for (int run = 1; run <= 3; run++) {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                long start = System.nanoTime();
                int code = SwitchboardCli.commandLine(environment, out, err).execute("--config", config.toString(),
                        "compare", "--html", page.toString(), batch.toString());
                double seconds = (System.nanoTime() - start) / 1e9;
                if (code != 0) {
                    throw new IllegalStateException("exit " + code + ": " + err);
                }
                System.out.printf(Locale.ROOT, "run %d: %d rows, %d countries, batch %,d bytes -> %s %,d bytes "
                        + "in %.2f s (whole command: configuration, price loads, pricing, page)%n", run, rows,
                        ManyCountries.COUNTRIES.size(), Files.size(batch), page, Files.size(page), seconds);
            }
        }
    }
}
