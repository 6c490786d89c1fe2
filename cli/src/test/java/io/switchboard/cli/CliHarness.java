package io.switchboard.cli;

import com.squareup.moshi.Moshi;
import io.switchboard.testing.EmbeddedSandbox;
import io.switchboard.sandbox.NumberInventory;
import io.switchboard.sandbox.Product;
import io.switchboard.sandbox.RateDeck;
import io.switchboard.sandbox.VendorEmulator;
import io.switchboard.sandbox.plivo.PlivoEmulator;
import io.switchboard.sandbox.telnyx.TelnyxEmulator;
import io.switchboard.sandbox.twilio.TwilioEmulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Runs the program in-process with captured output, over an embedded sandbox or a configuration file. */
final class CliHarness {

    static final String TWILIO_VAR = "SB_TEST_TWILIO_TOKEN";
    static final String PLIVO_VAR = "SB_TEST_PLIVO_TOKEN";
    static final String TELNYX_VAR = "SB_TEST_TELNYX_KEY";

    private CliHarness() {
    }

    /** What one run printed and answered. */
    record Run(int exitCode, String out, String err) {

        /** Standard output parsed as the one JSON document it must be. */
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            try {
                Object parsed = new Moshi.Builder().build().adapter(Object.class).failOnUnknown().fromJson(out);
                return (Map<String, Object>) parsed;
            } catch (IOException e) {
                throw new AssertionError("stdout is not one JSON document:\n" + out, e);
            }
        }

        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Run run(CliEnvironment environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SwitchboardCli.commandLine(environment, out, err).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The program over this already started sandbox, which the run closes; no environment variables. */
    static CliEnvironment on(EmbeddedSandbox sandbox) {
        return environment(Map.of(), () -> sandbox, "");
    }

    static CliEnvironment environment(Map<String, String> variables, Supplier<EmbeddedSandbox> sandbox, String stdin) {
        return new CliEnvironment(variables::get, sandbox,
                () -> (InputStream) new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    }

    /** The environment variables holding the sandbox's secrets, under the names {@link #config} uses. */
    static Map<String, String> sandboxSecrets(EmbeddedSandbox sandbox) {
        Map<String, String> variables = new HashMap<>();
        variables.put(TWILIO_VAR, TwilioEmulator.AUTH_TOKEN);
        variables.put(PLIVO_VAR, PlivoEmulator.AUTH_TOKEN);
        variables.put(TELNYX_VAR, sandbox.telnyx().apiKey());
        return variables;
    }

    /** A configuration file for the sandbox's emulators; see {@link ConfigFile}. */
    static ConfigFile config(Path dir, EmbeddedSandbox sandbox) {
        return new ConfigFile(dir, sandbox);
    }

    /**
     * A YAML file naming the three sandbox accounts by base URL, their secrets by environment variable, Telnyx's
     * rate deck (it has no pricing API) and the "alerts" sender pool with every account's numbers per country.
     */
    static final class ConfigFile {
        private final Path dir;
        private final EmbeddedSandbox sandbox;
        private String plivoAuthId = PlivoEmulator.AUTH_ID;
        private String plivoBaseUrl;
        private boolean plivoDeck;
        private String routing = "";
        private String telnyxDeck;

        ConfigFile(Path dir, EmbeddedSandbox sandbox) {
            this.dir = dir;
            this.sandbox = sandbox;
            this.plivoBaseUrl = sandbox.plivo().apiBaseUrl();
        }

        ConfigFile plivoAccount(String authId) {
            plivoAuthId = authId;
            return this;
        }

        /** Points Plivo elsewhere (a closed port) and gives it a rate deck, so routing still tries it first. */
        ConfigFile plivoAt(String baseUrl) {
            plivoBaseUrl = baseUrl;
            plivoDeck = true;
            return this;
        }

        /** Points Plivo elsewhere (a closed port), keeping it priced by its (unreachable) pricing API. */
        ConfigFile plivoBaseUrl(String baseUrl) {
            plivoBaseUrl = baseUrl;
            return this;
        }

        /** Telnyx's rate deck as CSV, instead of the emulator's own prices. */
        ConfigFile telnyxDeck(String csv) {
            telnyxDeck = csv;
            return this;
        }

        ConfigFile routing(String yamlBlock) {
            routing = yamlBlock;
            return this;
        }

        Path write() {
            try {
                Files.writeString(dir.resolve("telnyx.csv"), telnyxDeck != null ? telnyxDeck : deckCsv(sandbox.telnyx()));
                Files.writeString(dir.resolve("plivo.csv"), deckCsv(sandbox.plivo()));
                StringBuilder yaml = new StringBuilder("accounts:\n")
                        .append("  - id: twilio\n")
                        .append("    credentials: {accountSid: ").append(TwilioEmulator.ACCOUNT_SID)
                        .append(", authTokenEnv: ").append(TWILIO_VAR).append("}\n")
                        .append("    baseUrl: ").append(sandbox.twilio().baseUrl()).append('\n')
                        .append("  - id: plivo\n")
                        .append("    credentials: {authId: ").append(plivoAuthId)
                        .append(", authTokenEnv: ").append(PLIVO_VAR).append("}\n")
                        .append("    baseUrl: ").append(plivoBaseUrl).append('\n')
                        .append("  - id: telnyx\n")
                        .append("    credentials: {apiKeyEnv: ").append(TELNYX_VAR).append(", connectionId: \"")
                        .append(TelnyxEmulator.CONNECTION_ID).append("\"}\n")
                        .append("    baseUrl: ").append(sandbox.telnyx().apiBaseUrl()).append('\n')
                        .append("rateDecks:\n  - {account: telnyx, file: telnyx.csv}\n");
                if (plivoDeck) {
                    yaml.append("  - {account: plivo, file: plivo.csv}\n");
                }
                yaml.append("senderPools:\n  alerts:\n");
                pool(yaml, "twilio", sandbox.twilio());
                pool(yaml, "plivo", sandbox.plivo());
                pool(yaml, "telnyx", sandbox.telnyx());
                yaml.append(routing);
                Path file = dir.resolve("switchboard.yaml");
                Files.writeString(file, yaml);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void pool(StringBuilder yaml, String account, VendorEmulator emulator) {
            List<NumberInventory.OwnedNumber> sms = emulator.numbers().all().stream()
                    .filter(n -> n.can(Product.SMS)).toList();
            for (NumberInventory.OwnedNumber number : sms) {
                yaml.append("    - {account: ").append(account).append(", senders: [\"").append(number.number())
                        .append("\"], countries: [").append(number.country()).append("]}\n");
            }
            yaml.append("    - {account: ").append(account).append(", senders: [\"").append(sms.get(0).number())
                    .append("\"]}\n");
        }

        private static String deckCsv(VendorEmulator emulator) {
            StringBuilder csv = new StringBuilder("prefix,rate,currency,channel\n");
            for (RateDeck.Rate rate : emulator.deck().rates()) {
                csv.append(rate.prefix()).append(',').append(rate.rate().toPlainString()).append(',')
                        .append(rate.currency()).append(',').append(rate.product().name().toLowerCase(Locale.ROOT))
                        .append('\n');
            }
            return csv.toString();
        }
    }
}
