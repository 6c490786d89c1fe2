package io.switchboard.cli;

import io.switchboard.testing.EmbeddedSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code send} and {@code call} end to end: routing, failover, pinning, JSON, and the exit code of each outcome. */
class SendCommandTest {

    private static final String UK = "+447700900001";
    private static final String US = "+12025550199";

    @TempDir
    Path dir;

    @Test
    void sendsThroughTheCheapestAccountAndSaysOnceThatItRunsOnTheEmbeddedSandbox() {
        EmbeddedSandbox sandbox = EmbeddedSandbox.start();

        CliHarness.Run run = CliHarness.run(CliHarness.on(sandbox), "send", "--to", UK, "--text", "hello UK");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("sent message to " + UK + " through plivo:default")
                .contains("1 segment (GSM-7) x 0.038 USD/segment");
        assertThat(run.err().lines().filter(line -> line.contains("embedded sandbox"))).hasSize(1);
        assertThat(sandbox.ledger().acceptances(UK, "hello UK")).isEqualTo(1);
    }

    @Test
    void failsOverToTheNextCheapestWhenTheCheapestAnswers503() {
        EmbeddedSandbox sandbox = EmbeddedSandbox.start();
        sandbox.plivo().failNextSend(503, "service unavailable");

        CliHarness.Run run = CliHarness.run(CliHarness.on(sandbox), "send", "--to", UK, "--text", "after a 503");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("through telnyx:default").contains("attempts:")
                .contains("plivo:default FAILED: UNAVAILABLE (HTTP 503)").contains("telnyx:default ACCEPTED");
        assertThat(sandbox.ledger().byVendor("plivo")).isEmpty();
        assertThat(sandbox.ledger().acceptances(UK, "after a 503")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rate limited (429), RATE_LIMITED (HTTP 429)", "credentials refused (401), AUTHENTICATION (HTTP 401)"})
    void failsOverWhenTheCheapestRefuses(String fault, String failure) {
        EmbeddedSandbox sandbox = EmbeddedSandbox.start();
        if (fault.contains("429")) {
            sandbox.plivo().rateLimitNextSend(30);
        } else {
            sandbox.plivo().failNextSend(401, "authentication failed");
        }

        CliHarness.Run run = CliHarness.run(CliHarness.on(sandbox), "send", "--to", UK, "--text", fault);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("through telnyx:default").contains("plivo:default FAILED: " + failure);
        assertThat(sandbox.ledger().acceptances(UK, fault)).isEqualTo(1);
    }

    @Test
    void failsOverWhenTheCheapestRefusesConnections() throws Exception {
        EmbeddedSandbox sandbox = EmbeddedSandbox.start();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path config = CliHarness.config(dir, sandbox).plivoAt("http://127.0.0.1:" + closedPort + "/v1/").write();
        try (sandbox) {
            CliHarness.Run run = CliHarness.run(CliHarness.environment(CliHarness.sandboxSecrets(sandbox),
                    EmbeddedSandbox::start, ""), "--config", config.toString(), "send", "--to", UK, "--text", "refused");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).contains("through telnyx:default")
                    .contains("plivo:default FAILED: UNAVAILABLE");
            assertThat(sandbox.ledger().acceptances(UK, "refused")).isEqualTo(1);
        }
    }

    @Test
    void accountPinsTheSendToOneAccount() {
        EmbeddedSandbox sandbox = EmbeddedSandbox.start();

        CliHarness.Run run = CliHarness.run(CliHarness.on(sandbox), "send", "--to", UK, "--text", "pinned",
                "--account", "twilio");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("through twilio:default");
        assertThat(sandbox.ledger().byVendor("twilio")).singleElement()
                .satisfies(entry -> assertThat(entry.text()).isEqualTo("pinned"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonOutputIsOneDocumentWithTheDeliveryAndItsAttempts() {
        EmbeddedSandbox sandbox = EmbeddedSandbox.start();
        sandbox.plivo().failNextSend(503, "service unavailable");

        CliHarness.Run run = CliHarness.run(CliHarness.on(sandbox), "--json", "send", "--to", UK, "--text", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        Map<String, Object> delivery = run.json();
        assertThat(delivery).containsEntry("status", "sent").containsEntry("account", "telnyx:default")
                .containsEntry("from", "+447700900125");
        assertThat((Map<String, Object>) ((Map<String, Object>) delivery.get("quote")).get("total"))
                .containsEntry("amount", "0.045").containsEntry("currency", "USD");
        List<Map<String, Object>> attempts = (List<Map<String, Object>>) delivery.get("attempts");
        assertThat(attempts).extracting(a -> a.get("account"), a -> a.get("outcome")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("plivo:default", "FAILED"),
                org.assertj.core.groups.Tuple.tuple("telnyx:default", "ACCEPTED"));
        assertThat((Map<String, Object>) attempts.get(0).get("failure")).containsEntry("kind", "UNAVAILABLE")
                .containsEntry("httpStatus", 503.0);
        assertThat(((Map<String, Object>) delivery.get("message")).get("id")).isEqualTo(delivery.get("id"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void exitsThreeWhenNoAccountTakesTheMessage() {
        EmbeddedSandbox sandbox = EmbeddedSandbox.start();
        sandbox.twilio().failNextSend(401, 20003);

        CliHarness.Run run = CliHarness.run(CliHarness.on(sandbox), "--json", "send", "--to", UK, "--text", "refused",
                "--account", "twilio");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.NOT_SENT);
        assertThat(run.json()).containsEntry("status", "not_sent");
        assertThat((Map<String, Object>) run.json().get("failure")).containsEntry("kind", "AUTHENTICATION");
        assertThat(run.err()).contains("not sent: AUTHENTICATION on twilio:default (HTTP 401)");
        assertThat(sandbox.ledger().entries()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPassingOutageOfTheOnlyAccountIsWaitedOutAndSentOnce() {
        EmbeddedSandbox sandbox = EmbeddedSandbox.start();
        sandbox.twilio().failNextSend(503, 20500);

        CliHarness.Run run = CliHarness.run(CliHarness.on(sandbox), "--json", "send", "--to", UK, "--text", "back",
                "--account", "twilio");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.json()).containsEntry("status", "sent");
        assertThat((List<Object>) run.json().get("attempts")).hasSize(2);
        assertThat(sandbox.ledger().acceptances(UK, "back")).as("accepted once, after the pause").isEqualTo(1);
    }

    @Test
    void exitsThreeForADestinationNoAccountPrices() {
        CliHarness.Run run = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "send", "--to", "+81312345678",
                "--text", "Japan");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.NOT_SENT);
        assertThat(run.out()).contains("not sent: DESTINATION_NOT_SUPPORTED").contains("UNPRICED");
        assertThat((run.out() + run.err()).split("not sent:", -1)).as("the not-sent line is printed once").hasSize(2);
    }

    @Test
    void exitsFourWhenTheOutcomeIsUnknownAndSendsNothingElsewhere() {
        EmbeddedSandbox sandbox = EmbeddedSandbox.start().readTimeout(Duration.ofMillis(300));
        sandbox.plivo().hangNextSend();

        CliHarness.Run run = CliHarness.run(CliHarness.on(sandbox), "send", "--to", UK, "--text", "maybe sent");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OUTCOME_UNKNOWN);
        assertThat(run.out()).contains("outcome unknown on plivo:default");
        assertThat(run.err()).as("said once, on stdout").doesNotContain("outcome unknown");
        assertThat(sandbox.ledger().acceptances(UK, "maybe sent")).as("accepted once, never resent").isEqualTo(1);
        assertThat(sandbox.ledger().byVendor("telnyx")).isEmpty();
    }

    @Test
    void placesACallThroughTheCheapestVoiceAccount() {
        EmbeddedSandbox sandbox = EmbeddedSandbox.start();

        CliHarness.Run run = CliHarness.run(CliHarness.on(sandbox), "call", "--to", US, "--url",
                "https://example.com/answer.xml");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("sent call to " + US + " through telnyx:default");
        assertThat(sandbox.ledger().calls()).hasSize(1);
    }
}
