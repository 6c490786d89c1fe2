package io.switchboard.cli;

import io.switchboard.testing.EmbeddedSandbox;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code demo}: the cheapest provider goes down half-way; the ledger shows no message lost or accepted twice. */
class DemoCommandTest {

    @Test
    void theDefaultRunFailsOverAroundTheOutageAndItsLedgerCheckHolds() {
        EmbeddedSandbox sandbox = EmbeddedSandbox.start();

        CliHarness.Run run = CliHarness.run(CliHarness.on(sandbox), "demo");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("300 messages (seed 42)")
                .contains("outage: from message 151 on, telnyx:default answers every send with HTTP 503")
                .contains("telnyx:default -> plivo:default")
                .containsPattern("tried: HTTP 503 UNAVAILABLE")
                .contains("not tried: circuit breaker open")
                .contains("not sent: 0, outcome unknown: 0")
                .contains("carrier filtering: telnyx:default reports every message to FR undelivered (error 40002)")
                .containsPattern("after acceptance \\(status callbacks\\): 300 delivered, 0 undelivered, 0 with no"
                        + " final status; (\\d+) re-sent, of which \\1 delivered");
        Matcher resent = Pattern.compile("(\\d+) re-sent, of which").matcher(run.out());
        assertThat(resent.find()).isTrue();
        int resends = Integer.parseInt(resent.group(1));
        assertThat(resends).as("every French message Telnyx took in the first half").isPositive();
        assertThat(run.out()).contains("ledger check: OK. The emulators accepted " + (300 + resends)
                + " messages for 300 sent and " + resends + " re-sent");
        assertThat(sandbox.ledger().messages()).as("the run's own ledger").hasSize(300 + resends);
        assertThat(sandbox.ledger().count(e -> e.vendor().equals("telnyx") && e.to().startsWith("+33")))
                .as("each of them once on Telnyx").isEqualTo(resends);
        assertThat(sandbox.ledger().count(e -> !e.vendor().equals("telnyx") && e.to().startsWith("+33")))
                .as("the French messages elsewhere: the re-sends, and those routed there in the first place")
                .isGreaterThanOrEqualTo(resends);
        Matcher firstHalf = Pattern.compile("telnyx:default was the cheapest for (\\d+)").matcher(run.out());
        assertThat(firstHalf.find()).isTrue();
        assertThat(sandbox.ledger().byVendor("telnyx")).as("Telnyx accepted its first-half share and nothing after")
                .hasSize(Integer.parseInt(firstHalf.group(1)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSameSeedGivesTheSameReportAndItsJsonAddsUp() {
        CliHarness.Run first = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "--json", "demo",
                "--messages", "120", "--seed", "7");
        CliHarness.Run second = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "--json", "demo",
                "--messages", "120", "--seed", "7");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        Map<String, Object> report = first.json();
        Map<String, Object> check = (Map<String, Object>) report.get("ledgerCheck");
        Map<String, Object> after = (Map<String, Object>) report.get("afterAcceptance");
        double resent = (Double) after.get("resent");
        assertThat(after).containsEntry("delivered", 120.0).containsEntry("undelivered", 0.0)
                .containsEntry("noFinalStatus", 0.0).containsEntry("deliveredAfterResend", resent);
        assertThat(check).containsEntry("ok", true).containsEntry("accepted", 120.0 + resent)
                .containsEntry("sent", 120.0).containsEntry("resent", resent);
        assertThat((List<Object>) check.get("problems")).isEmpty();
        List<Map<String, Object>> accounts = (List<Map<String, Object>>) report.get("accounts");
        assertThat(accounts.stream().mapToDouble(a -> (Double) a.get("sent")).sum()).isEqualTo(120.0);
        assertThat(accounts.stream().mapToDouble(a -> (Double) a.get("cheapestFor")).sum()).isEqualTo(120.0);
        Map<String, Object> outage = (Map<String, Object>) report.get("outage");
        double failedOverFrom = accounts.stream().filter(a -> outage.get("account").equals(a.get("account")))
                .mapToDouble(a -> (Double) a.get("failedOverFrom")).sum();
        assertThat(failedOverFrom).isPositive().isEqualTo((Double) report.get("failedOver"));
        for (Map<String, Object> account : accounts) {
            Map<String, Object> quoted = (Map<String, Object>) account.get("quoted");
            BigDecimal billed = new BigDecimal((String) ((Map<String, Object>) account.get("billed")).get("amount"));
            assertThat(billed).as("billed by the emulators as quoted by routing, for " + account.get("account"))
                    .isEqualByComparingTo(quoted == null ? "0" : (String) quoted.get("amount"));
        }
    }
}
