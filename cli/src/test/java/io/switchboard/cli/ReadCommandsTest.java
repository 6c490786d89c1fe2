package io.switchboard.cli;

import io.switchboard.testing.EmbeddedSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read commands (messages, calls, numbers, recordings, usage, lookup, account) and {@code reprice}, against one
 * sandbox that outlives the runs: the configuration file points at it, as it would at a {@code sandbox} process.
 */
class ReadCommandsTest {

    private static final String UK = "+447700900001";

    @TempDir
    Path dir;

    private EmbeddedSandbox sandbox;
    private CliEnvironment environment;
    private String config;

    @BeforeEach
    void start() {
        sandbox = EmbeddedSandbox.start();
        config = CliHarness.config(dir, sandbox).write().toString();
        environment = CliHarness.environment(CliHarness.sandboxSecrets(sandbox), () -> {
            throw new AssertionError("configured runs never start the sandbox");
        }, "");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private CliHarness.Run run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config;
        System.arraycopy(args, 0, all, 2, args.length);
        CliHarness.Run run = CliHarness.run(environment, all);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsAndGetsTheMessagesItSent() {
        String id = (String) run("--json", "send", "--to", UK, "--text", "read me back", "--from", "alerts")
                .json().get("id");

        Map<String, Object> listed = run("--json", "messages", "list", "--to", UK).json();
        Map<String, Object> one = run("--json", "messages", "get", "--account", "plivo", id).json();
        CliHarness.Run table = run("messages", "list", "--account", "plivo");

        assertThat((List<Map<String, Object>>) listed.get("items")).extracting(m -> m.get("id")).containsExactly(id);
        assertThat((Map<String, Object>) listed.get("failures")).isEmpty();
        assertThat(one).containsEntry("id", id).containsEntry("to", UK).containsEntry("account", "plivo:default")
                .containsEntry("direction", "OUTBOUND");
        assertThat(table.out().lines().toList().get(0)).startsWith("account").contains("status", "price");
        assertThat(table.out()).contains(id, "0.038 USD");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLimitIsATotalAcrossAccounts() {
        for (String account : List.of("twilio", "plivo", "telnyx", "plivo")) {
            run("send", "--to", UK, "--text", "limit " + account, "--from", "alerts", "--account", account);
        }

        List<Map<String, Object>> two = (List<Map<String, Object>>) run("--json", "messages", "list", "--limit", "2")
                .json().get("items");
        List<Map<String, Object>> all = (List<Map<String, Object>>) run("--json", "messages", "list").json()
                .get("items");

        assertThat(all).as("three accounts answered").hasSize(4)
                .extracting(m -> m.get("account")).contains("twilio:default", "plivo:default", "telnyx:default");
        assertThat(two).as("--limit 2 in all, not per account").hasSize(2);
    }

    @Test
    void getShowsOneRecordAsKeyValueLines() {
        String id = (String) run("--json", "send", "--to", UK, "--text", "fields", "--from", "alerts").json().get("id");

        CliHarness.Run record = run("messages", "get", "--account", "plivo", id);

        assertThat(record.out().lines()).contains("id         " + id, "to         " + UK, "price      0.038 USD",
                "direction  OUTBOUND").noneMatch(line -> line.startsWith("text"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsCallsNumbersRecordingsAndDeletesARecording() {
        List<Map<String, Object>> calls = (List<Map<String, Object>>) run("--json", "calls", "list").json().get("items");
        String callId = (String) calls.stream().filter(c -> "twilio:default".equals(c.get("account"))).findFirst()
                .orElseThrow().get("id");
        Map<String, Object> call = run("--json", "calls", "get", "--account", "twilio", callId).json();
        CliHarness.Run numbers = run("numbers", "list", "--account", "telnyx");
        List<Map<String, Object>> recordings = (List<Map<String, Object>>) run("--json", "recordings", "list",
                "--account", "twilio").json().get("items");
        String recording = (String) recordings.get(0).get("id");
        CliHarness.Run deleted = run("recordings", "delete", "--account", "twilio", recording);
        List<Map<String, Object>> after = (List<Map<String, Object>>) run("--json", "recordings", "list", "--account",
                "twilio").json().get("items");

        assertThat(call).containsEntry("id", callId).containsEntry("status", "COMPLETED");
        assertThat(numbers.out()).contains("+12025550121").doesNotContain("twilio:default");
        assertThat(deleted.out()).isEqualTo("deleted recording " + recording + " on twilio:default"
                + System.lineSeparator());
        assertThat(after).extracting(r -> r.get("id")).doesNotContain(recording).hasSize(recordings.size() - 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsUsageAccountsAndLookups() {
        run("send", "--to", UK, "--text", "billable", "--account", "twilio", "--from", "alerts");

        List<Map<String, Object>> usage = (List<Map<String, Object>>) run("--json", "usage", "--account", "twilio",
                "--category", "sms").json().get("items");
        List<Map<String, Object>> accounts = (List<Map<String, Object>>) run("--json", "account").json()
                .get("accounts");
        Map<String, Object> lookup = run("--json", "lookup", UK).json();

        assertThat(usage).isNotEmpty().allSatisfy(u -> assertThat(u).containsEntry("category", "sms"));
        assertThat(usage.get(0)).containsEntry("count", "1");
        assertThat(accounts).extracting(a -> a.get("account"))
                .containsExactly("twilio:default", "plivo:default", "telnyx:default");
        assertThat(lookup).containsEntry("number", UK).containsEntry("valid", true).containsEntry("country", "GB");
    }

    @Test
    @SuppressWarnings("unchecked")
    void repricesAnAccountsPastTrafficOnEveryAccount() {
        run("send", "--to", UK, "--text", "past one", "--account", "twilio", "--from", "alerts");
        run("send", "--to", "+12025550199", "--text", "past two", "--account", "twilio", "--from", "alerts");

        Map<String, Object> repricing = run("--json", "reprice", "--account", "twilio").json();
        CliHarness.Run table = run("reprice", "--account", "twilio");

        assertThat(repricing).containsEntry("repriced", 2.0).containsEntry("skipped", 0.0);
        Map<String, Map<String, Object>> totals = new java.util.TreeMap<>();
        ((List<Map<String, Object>>) repricing.get("totals")).forEach(t -> totals.put((String) t.get("account"),
                (Map<String, Object>) t.get("total")));
        assertThat(totals.get("twilio:default")).containsEntry("amount", "0.0542");
        assertThat(totals.get("plivo:default")).containsEntry("amount", "0.0435");
        assertThat(totals.get("telnyx:default")).containsEntry("amount", "0.049");
        assertThat(table.out()).contains("Repriced 2 past messages of twilio:default")
                .contains("charged by twilio:default (as the vendor reports it): 0.0542 USD");
    }

    @Test
    void anUnknownIdIsAFailureInOneLine() {
        CliHarness.Run result = CliHarness.run(environment, "--config", config, "messages", "get", "--account",
                "plivo", "no-such-message");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err().lines()).singleElement()
                .satisfies(line -> assertThat(line).startsWith("switchboard messages get: NOT_FOUND on plivo:default"));
    }

    @Test
    void anAccountThatIsNotConfiguredIsAUsageErrorNamingTheConfiguredOnes() {
        CliHarness.Run result = CliHarness.run(environment, "--config", config, "numbers", "list", "--account",
                "twilio:work");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("'--account' twilio:work is not configured; configured: "
                + "[twilio:default, plivo:default, telnyx:default]");
    }
}
