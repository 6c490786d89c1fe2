package io.switchboard.cli;

import io.switchboard.testing.EmbeddedSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code compare}: a CSV batch priced on every account, lazily, with a progress bar for long inputs. */
class CompareCommandTest {

    /** UK (Plivo cheapest at 0.038) and US (Telnyx cheapest at 0.004), one GSM-7 segment each. */
    private static final String BATCH = "to,text\n+447700900001,hello\n+12025550199,\"Hi, \"\"there\"\"\"\n";

    @TempDir
    Path dir;

    private Path csv(String content) throws IOException {
        return Files.writeString(dir.resolve("batch.csv"), content);
    }

    @Test
    void printsPerAccountTotalsTheCheapestMixAndWhatItSaves() throws IOException {
        CliHarness.Run run = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "compare", csv(BATCH).toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Compared 2 messages\n").contains("cheapest mix: 0.042 USD");
        assertThat(line(run, "twilio:default")).contains("0.0542 USD", "0.0122 USD");
        assertThat(line(run, "plivo:default")).contains("0.0435 USD", "0.0015 USD");
        assertThat(line(run, "telnyx:default")).contains("0.049 USD", "0.007 USD");
    }

    private static String line(CliHarness.Run run, String account) {
        return run.out().lines().filter(l -> l.startsWith(account)).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonHasTotalsMixShareAndSavings() throws IOException {
        CliHarness.Run run = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "compare", "--json",
                csv(BATCH).toString());

        Map<String, Object> comparison = run.json();
        assertThat(comparison).containsEntry("messages", 2.0).containsEntry("unroutable", 0.0);
        Map<String, Object> mix = (Map<String, Object>) comparison.get("cheapestMix");
        assertThat(mix).containsEntry("amount", "0.042").containsEntry("currency", "USD");
        assertThat((Map<String, Object>) mix.get("share")).containsEntry("plivo:default", 1.0)
                .containsEntry("telnyx:default", 1.0);
        List<Map<String, Object>> savings = (List<Map<String, Object>>) comparison.get("savings");
        assertThat(savings).filteredOn(s -> "twilio:default".equals(s.get("account"))).singleElement()
                .satisfies(s -> assertThat((Map<String, Object>) s.get("saving")).containsEntry("amount", "0.0122"));
    }

    @Test
    void showsAProgressBarOnStderrForALongInputAndKeepsStdoutClean() throws IOException {
        String rows = IntStream.range(0, 3000).mapToObj(i -> "+4477009" + String.format("%05d", i)
                + ",Message number " + i + " of a long batch").collect(Collectors.joining("\n", "to,text\n", "\n"));
        Path file = csv(rows);
        assertThat(Files.size(file)).isGreaterThan(CompareCommand.PROGRESS_THRESHOLD_BYTES);

        CliHarness.Run run = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()).withTerminal(true), "--json",
                "compare", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("comparing [").contains("] 100% 3000 rows").contains("\r");
        assertThat(run.json()).containsEntry("messages", 3000.0);

        CliHarness.Run piped = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "--json", "compare",
                file.toString());
        assertThat(piped.err()).as("no terminal, no progress bar").doesNotContain("comparing", "\r");
        assertThat(piped.json()).containsEntry("messages", 3000.0);
    }

    @Test
    void anErrorAfterAProgressBarStartsOnALineOfItsOwn() throws IOException {
        String rows = IntStream.range(0, 3000).mapToObj(i -> "+4477009" + String.format("%05d", i)
                + ",Message number " + i + " of a long batch").collect(Collectors.joining("\n", "to,text\n", "\n"));
        Path file = csv(rows + "4155552671,no plus\n");

        CliHarness.Run run = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "compare", "--progress",
                file.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines().filter(l -> l.contains("switchboard compare:"))).singleElement()
                .satisfies(l -> assertThat(l).startsWith("switchboard compare: ").contains("line 3002"));
    }

    @Test
    void anEndlessLineIsRefusedAtTheRecordLimitInOneLine() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "a system with /dev/zero");

        CliHarness.Run run = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "compare", "/dev/zero");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines().filter(l -> !l.startsWith("switchboard: no --config"))).singleElement()
                .isEqualTo("switchboard compare: /dev/zero line 1: the record is longer than 16384 characters: not a "
                        + "'to,text' row");
    }

    @Test
    void aQuotedTextThatNeverClosesIsCutAtTheRecordLimit() {
        String input = "+447700900001,\"" + "a line of text\n".repeat(5000);

        CliHarness.Run run = CliHarness.run(CliHarness.environment(Map.of(), EmbeddedSandbox::start, input),
                "compare", "-");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines().filter(l -> !l.startsWith("switchboard: no --config"))).singleElement()
                .satisfies(l -> assertThat(l).startsWith("switchboard compare: standard input line ")
                        .endsWith(": the record is longer than 16384 characters: not a 'to,text' row"));
    }

    @Test
    void readsColumnsByNameAfterAByteOrderMark() {
        String input = "\uFEFFid,Text,country,TO\n1,\"Hi, there\",GB,+447700900001\n2,hello,US,+12025550199\n"
                + "3,,US,+12025550199\n";

        CliHarness.Run run = CliHarness.run(CliHarness.environment(Map.of(), EmbeddedSandbox::start, input),
                "compare", "--json", "-");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json()).containsEntry("messages", 3.0);
    }

    @Test
    void aFirstRowWhoseTextIsToIsARowNotAHeader() {
        CliHarness.Run run = CliHarness.run(CliHarness.environment(Map.of(), EmbeddedSandbox::start,
                "+447700900001,to\n+12025550199,text\n"), "compare", "--json", "-");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json()).containsEntry("messages", 2.0);
    }

    @Test
    void aHeaderWithoutTextOrARowWithTooManyCellsIsAUsageError() {
        CliHarness.Run noText = CliHarness.run(CliHarness.environment(Map.of(), EmbeddedSandbox::start,
                "to,body\n+447700900001,hi\n"), "compare", "-");
        CliHarness.Run tooMany = CliHarness.run(CliHarness.environment(Map.of(), EmbeddedSandbox::start,
                "text,to\nhi,+447700900001,extra\n"), "compare", "-");

        assertThat(noText.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noText.err()).contains("standard input line 1: the header has a 'to' column but no 'text' column");
        assertThat(tooMany.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooMany.err()).contains("standard input line 2: has 3 cells, the header has 2");
    }

    @Test
    void readsStandardInputWithQuotedTextsAcrossLines() {
        String input = "+447700900001,\"line one\nline two, with a comma\"\n+12025550199,plain, with a comma\n";

        CliHarness.Run run = CliHarness.run(CliHarness.environment(Map.of(), EmbeddedSandbox::start, input),
                "compare", "--json", "-");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json()).containsEntry("messages", 2.0);
        assertThat(run.err()).doesNotContain("comparing");
    }

    @Test
    @SuppressWarnings("unchecked")
    void loadsEachCountrysVendorPricesBeforeItsFirstRowEvenFromStandardInput() {
        EmbeddedSandbox sandbox = EmbeddedSandbox.start();
        try (sandbox) {
            Path config = CliHarness.config(dir, sandbox).write();

            CliHarness.Run run = CliHarness.run(CliHarness.environment(CliHarness.sandboxSecrets(sandbox),
                    EmbeddedSandbox::start, BATCH), "--config", config.toString(), "--json", "compare", "-");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            List<Map<String, Object>> accounts = (List<Map<String, Object>>) run.json().get("accounts");
            assertThat(accounts).as("Twilio and Plivo priced from their pricing APIs, Telnyx from its deck")
                    .allSatisfy(a -> assertThat(a).containsEntry("priced", 2.0).containsEntry("unpriced", 0.0));
        }
    }

    @Test
    void aBadRowIsAUsageErrorNamingItsLineAndField() throws IOException {
        CliHarness.Run run = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "compare",
                csv(BATCH + "4155552671,no plus\n").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines().filter(l -> l.startsWith("switchboard compare:"))).singleElement()
                .satisfies(l -> assertThat(l).contains("batch.csv line 4: 'to' must be an E.164 number"));
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aFileNameTooLongIsAUsageErrorQuotingItCut() {
        CliHarness.Run run = CliHarness.run(CliHarness.environment(Map.of(), EmbeddedSandbox::start, ""), "compare",
                "+" + "7".repeat(5_000));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines().filter(l -> l.startsWith("switchboard compare:"))).singleElement()
                .satisfies(l -> assertThat(l).contains("'FILE' '+777").contains("...(5001 chars)")
                        .hasSizeLessThan(300));
    }

    @Test
    void aMissingFileIsAUsageError() {
        CliHarness.Run run = CliHarness.run(CliHarness.environment(Map.of(), EmbeddedSandbox::start, ""), "compare",
                dir.resolve("nope.csv").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("does not exist");
    }
}
