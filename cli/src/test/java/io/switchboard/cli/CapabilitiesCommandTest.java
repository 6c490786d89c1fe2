package io.switchboard.cli;

import io.switchboard.sandbox.LedgerEntry;
import io.switchboard.testing.EmbeddedSandbox;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the default sandbox, requests go to an account whose vendor takes them: inline call markup, MMS and WhatsApp
 * (which Twilio does not price), and a long text; quote and send leave out the same accounts for the same reason.
 */
class CapabilitiesCommandTest {

    private static final String UK = "+447700900001";
    private static final String US = "+12025550199";
    private static final String MARKUP = "<Response><Say>Hello from Switchboard</Say></Response>";

    @Test
    void aCallWithInlineMarkupGoesToTheAccountThatTakesItNotTheCheapest() {
        EmbeddedSandbox sandbox = EmbeddedSandbox.start();

        CliHarness.Run run = CliHarness.run(CliHarness.on(sandbox), "call", "--to", US, "--markup", MARKUP);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("sent call to " + US + " through twilio:default");
        assertThat(run.out()).doesNotContain("UNSUPPORTED");
        assertThat(sandbox.ledger().calls()).singleElement().extracting(LedgerEntry::vendor).isEqualTo("twilio");
    }

    @Test
    void anMmsIsSentOnTheDefaultSandbox() {
        EmbeddedSandbox sandbox = EmbeddedSandbox.start();

        CliHarness.Run run = CliHarness.run(CliHarness.on(sandbox), "send", "--to", US, "--text", "a picture",
                "--media", "https://example.com/picture.png");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("sent message to " + US + " through");
        assertThat(sandbox.ledger().messages()).singleElement().extracting(LedgerEntry::channel).isEqualTo("mms");
    }

    @Test
    void aWhatsAppMessageNoOnePricesIsSentThroughAnAccountThatSendsWhatsApp() {
        EmbeddedSandbox sandbox = EmbeddedSandbox.start();

        CliHarness.Run run = CliHarness.run(CliHarness.on(sandbox), "send", "--to", US, "--text", "hi on WhatsApp",
                "--channel", "WHATSAPP");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(sandbox.ledger().messages()).singleElement().extracting(LedgerEntry::vendor)
                .isIn("plivo", "twilio");
        assertThat(sandbox.ledger().byVendor("telnyx")).isEmpty();
    }

    @Test
    void quoteAndSendPickTheSameAccountForATextOnlySomeVendorsTake() {
        EmbeddedSandbox sandbox = EmbeddedSandbox.start();
        // 738 UCS-2 characters, 12 segments: over Plivo's 737 and Telnyx's 10 segments, within Twilio's 1,600
        String text = "\u0142".repeat(738);

        CliHarness.Run quote = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "quote", "--to", UK, "--text",
                text);
        CliHarness.Run send = CliHarness.run(CliHarness.on(sandbox), "send", "--to", UK, "--text", text);

        assertThat(quote.exitCode()).as(quote.toString()).isZero();
        List<String> rows = quote.out().lines().toList();
        assertThat(rows.get(2)).startsWith("twilio:default").contains("cheapest");
        assertThat(rows.stream().filter(l -> l.startsWith("plivo:default"))).singleElement().asString()
                .contains("738 UCS-2 characters");
        assertThat(rows.stream().filter(l -> l.startsWith("telnyx:default"))).singleElement().asString()
                .contains("12 segments");
        assertThat(send.exitCode()).as(send.toString()).isEqualTo(ExitCodes.OK);
        assertThat(send.out()).contains("through twilio:default").doesNotContain("INVALID_REQUEST");
        assertThat(sandbox.ledger().acceptances(UK, text)).isEqualTo(1);
    }

    @Test
    void aTextNoVendorTakesIsLeftOutByQuoteAndSendAlikeWithoutAVendorCall() {
        EmbeddedSandbox sandbox = EmbeddedSandbox.start();
        String text = "x".repeat(3000); // 20 segments: over 1,600 characters (Twilio, Plivo) and 10 segments (Telnyx)

        CliHarness.Run quote = CliHarness.run(CliHarness.on(EmbeddedSandbox.start()), "quote", "--to", UK, "--text",
                text);
        CliHarness.Run send = CliHarness.run(CliHarness.on(sandbox), "send", "--to", UK, "--text", text);

        assertThat(quote.out().lines().filter(l -> l.matches("^(plivo|telnyx|twilio):default.*")))
                .hasSize(3).allSatisfy(line -> assertThat(line).contains("cannot serve"));
        assertThat(quote.out()).doesNotContain("cheapest");
        assertThat(send.exitCode()).as(send.toString()).isEqualTo(ExitCodes.NOT_SENT);
        assertThat(send.all()).contains("3000 GSM-7 characters").contains("20 segments");
        assertThat(sandbox.ledger().messages()).as("no vendor was asked").isEmpty();
    }
}
