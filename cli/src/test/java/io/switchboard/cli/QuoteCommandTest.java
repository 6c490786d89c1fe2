package io.switchboard.cli;

import io.switchboard.testing.EmbeddedSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code quote}: every account priced, cheapest first, with encoding, segments, rate and why others cannot serve. */
class QuoteCommandTest {

    private static final String UK = "+447700900001";

    @TempDir
    Path dir;

    @Test
    void printsEveryAccountCheapestFirstWithEncodingSegmentsAndRate() {
        CliHarness.Run run = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "quote", "--to", UK, "--text",
                "Привет, это Switchboard");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("SMS to " + UK + " (GB), UCS-2, 1 segment, UCS-2 because of П р и в е");
        assertThat(lines.get(1)).startsWith("account").contains("encoding", "segments", "rate", "total", "note");
        assertThat(lines.subList(2, 5)).satisfiesExactly(
                line -> assertThat(line).startsWith("plivo:default").contains("UCS-2", "0.038 USD/segment", "cheapest"),
                line -> assertThat(line).startsWith("telnyx:default").contains("0.045 USD/segment"),
                line -> assertThat(line).startsWith("twilio:default").contains("0.0463 USD/segment"));
    }

    @Test
    void accountsThatCannotServeSayWhy() {
        EmbeddedSandbox sandbox = EmbeddedSandbox.start();
        Path config = CliHarness.config(dir, sandbox).telnyxDeck("prefix,rate,currency\n1,0.004,USD\n").write();
        try (sandbox) {
            CliHarness.Run run = CliHarness.run(CliHarness.environment(CliHarness.sandboxSecrets(sandbox),
                    EmbeddedSandbox::start, ""), "--config", config.toString(), "quote", "--to", UK, "--text",
                    "Hello from a configuration file, which is long enough to need a second part once it passes one "
                            + "hundred and sixty characters of the GSM alphabet, as this one does.");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("GSM-7, 2 segments");
            assertThat(run.out().lines().filter(l -> l.startsWith("telnyx:default"))).singleElement()
                    .satisfies(line -> assertThat(line).contains("cannot serve: unpriced (no prefix of "
                            + UK + " in the SMS deck of telnyx:default)"));
            assertThat(run.out().lines().filter(l -> l.startsWith("plivo:default"))).singleElement()
                    .satisfies(line -> assertThat(line).contains("GSM-7", " 2 ", "0.076 USD", "cheapest"));
            assertThat(run.err()).doesNotContain("embedded sandbox");
        }
    }

    @Test
    void aDestinationNoAccountPricesListsEveryAccountWithItsReasonAndExitsThree() {
        CliHarness.Run run = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "quote", "--to", "+81312345678",
                "--text", "Japan");
        CliHarness.Run json = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "--json", "quote", "--to",
                "+81312345678", "--text", "Japan");

        assertThat(json.exitCode()).as(json.toString()).isEqualTo(ExitCodes.NOT_SENT);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.NOT_SENT);
        assertThat(run.out().lines().filter(l -> l.contains("cannot serve: unpriced"))).hasSize(3);
        assertThat(run.err()).contains("no account can serve +81312345678");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonHasEveryRowWithItsQuoteOrExclusion() {
        CliHarness.Run run = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "--json", "quote", "--to", UK,
                "--text", "Привет");

        Map<String, Object> table = run.json();
        assertThat(table).containsEntry("destination", UK).containsEntry("country", "GB")
                .containsEntry("encoding", "UCS-2").containsEntry("units", 1.0);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) table.get("rows");
        assertThat(rows).extracting(r -> r.get("account"))
                .containsExactly("plivo:default", "telnyx:default", "twilio:default");
        Map<String, Object> quote = (Map<String, Object>) rows.get(0).get("quote");
        assertThat((Map<String, Object>) quote.get("rate")).containsEntry("amount", "0.038")
                .containsEntry("unit", "SEGMENT");
        assertThat(quote).containsEntry("prefix", "44").containsEntry("encoding", "UCS-2");
    }

    @Test
    void quotesACallForSomeMinutes() {
        CliHarness.Run run = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "quote", "--to", "+12025550199",
                "--minutes", "3");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Call to +12025550199 (US), 3 minutes");
        assertThat(run.out().lines().filter(l -> l.startsWith("telnyx:default"))).singleElement()
                .satisfies(line -> assertThat(line).contains("0.007 USD/minute", "0.021 USD", "cheapest"));
    }
}
