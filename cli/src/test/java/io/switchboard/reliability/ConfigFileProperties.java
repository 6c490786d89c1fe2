package io.switchboard.reliability;

import io.switchboard.Switchboard;
import io.switchboard.config.ConfigLoader;
import io.switchboard.config.SwitchboardConfig;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A configuration file is typed by hand: whatever it holds, loading it and wiring it into a builder gives a
 * configuration or a typed INVALID_REQUEST, never a ClassCastException, an NPE, an exception of SnakeYAML or a
 * secret in the message. Nothing is built, so nothing reaches a vendor.
 */
class ConfigFileProperties {

    private static final Map<String, String> ENV = Map.of("TWILIO_TOKEN", "tw-secret-value",
            "PLIVO_TOKEN", "pl-secret-value", "TELNYX_KEY", "tx-secret-value");
    private static final String VALID = """
            accounts:
              - id: twilio:work
                credentials: {accountSid: AC0123456789abcdef0123456789abcdef, authTokenEnv: TWILIO_TOKEN}
              - id: plivo
                credentials: {authId: MA0123456789ABCDEFGH, authTokenEnv: PLIVO_TOKEN}
                rateLimit: {permits: 50, period: 60s}
              - id: telnyx:eu
                credentials: {apiKeyEnv: TELNYX_KEY, connectionId: "1494404757140276705"}
                baseUrl: http://127.0.0.1:9999
            rateDecks:
              - {account: telnyx:eu, product: sms, file: telnyx.csv}
            senderPools:
              alerts:
                - {account: twilio:work, senders: ["+14155550100"], countries: [US, CA]}
                - {account: plivo, senders: [SWITCHBD]}
            routing:
              policy: least-cost
              deny: {KP: all}
              allow: {GB: [plivo]}
              maxPrice: 0.05 USD
              guarantee: at-least-once
              maxAttempts: 2
              deadline: 10s
            """;

    private static Path dir;
    private final ConfigLoader loader = new ConfigLoader(ENV::get);

    @BeforeContainer
    static void deckFile() throws IOException {
        dir = Files.createTempDirectory("config-properties");
        Files.writeString(dir.resolve("telnyx.csv"), "prefix,rate,currency\n1,0.004,USD\n");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void loadAndWire(String yaml) {
        Throwable thrown = catchThrowable(() -> {
            SwitchboardConfig config = loader.parse(yaml, dir);
            Switchboard.builder().configuration(config);
        });
        if (thrown != null) {
            assertThat(thrown).as("only a SwitchboardException may come out").isExactlyInstanceOf(
                    SwitchboardException.class);
            assertThat(((SwitchboardException) thrown).kind()).isEqualTo(FailureKind.INVALID_REQUEST);
            assertThat(thrown.getMessage()).doesNotContain("tw-secret-value", "pl-secret-value", "tx-secret-value");
            assertOneLine(thrown.getMessage());
        }
    }

    private static void assertOneLine(String message) {
        assertThat(message.chars().filter(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029))
                .as("one line without control characters: %s", message).isEmpty();
        assertThat(message.length()).as("values are quoted cut: %s", message).isLessThan(1_000);
    }

    /** Files as they reach the loader from disk: any bytes, BOMs, duplicated blocks, tags, oversized. */
    @Provide
    Arbitrary<byte[]> files() {
        Arbitrary<byte[]> text = Arbitraries.oneOf(mutations(), noise(),
                Arbitraries.of(VALID + VALID, VALID + "routing: {policy: priority}\n", "\uFEFF" + VALID,
                        VALID.replace("0.05 USD", "1e999999999 USD"), VALID.replace("0.05 USD", "\u0660.\u0665 USD"),
                        VALID.replace("twilio:work", "\"twilio:\\e[31mwork\\n\""),
                        VALID.replace("policy: least-cost", "policy: !!binary aGVsbG8="),
                        VALID.replace("deadline: 10s", "deadline: !!set {a: null}"),
                        "# " + "x".repeat(1 << 20) + "\n" + VALID))
                .map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Arbitraries.oneOf(text, Arbitraries.bytes().array(byte[].class).ofMaxSize(2000));
    }

    @Property(tries = 300)
    void filesFromDiskLoadOrFailTypedOnOneLine(@ForAll("files") byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("fuzzed.yaml"), bytes);
        Throwable thrown = catchThrowable(() -> Switchboard.builder().configuration(loader.load(file)));
        if (thrown != null) {
            assertThat(thrown).as("only a SwitchboardException may come out").isExactlyInstanceOf(
                    SwitchboardException.class);
            assertThat(((SwitchboardException) thrown).kind()).isEqualTo(FailureKind.INVALID_REQUEST);
            assertThat(thrown.getMessage()).doesNotContain("tw-secret-value", "pl-secret-value", "tx-secret-value");
            assertOneLine(thrown.getMessage());
        }
    }

    @Example
    void theValidFileLoadsAndWires() {
        assertThat(catchThrowable(() -> loader.parse(VALID, dir))).isNull();
        loadAndWire(VALID);
    }

    @Property(tries = 800)
    void mutatedFilesFailTyped(@ForAll("mutations") String yaml) {
        loadAndWire(yaml);
    }

    @Property(tries = 400)
    void yamlishNoiseFailsTyped(@ForAll("noise") String yaml) {
        loadAndWire(yaml);
    }

    /** The valid file with lines dropped, doubled or swapped, and values replaced by other YAML values. */
    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<String> value = Arbitraries.of("", "~", "null", "[]", "{}", "[1, 2]", "{a: b}", "-1", "0",
                "2147483648", "1e309", "NaN", "true", "\"\"", "'x'", "*anchor", "&a x", "!!binary AAAA", "!!float x",
                "0.05", "60", "60x", "-5s", "P1D", "US", "all", "twilio", "nope:x", "+1", "http://", "ftp://x",
                "\"\\u0000\"", "|\n  block", ">-", "?", ":", "- - -", "\t");
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 40),
                Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 40)).as((a, b, c) -> new int[]
                {a, b, c});
        return Combinators.combine(edit.list().ofMinSize(1).ofMaxSize(4), value.list().ofMinSize(4).ofMaxSize(4))
                .as((edits, values) -> {
                    List<String> lines = new java.util.ArrayList<>(VALID.lines().toList());
                    int v = 0;
                    for (int[] e : edits) {
                        int at = e[0] % lines.size();
                        String line = lines.get(at);
                        switch (e[1]) {
                            case 0 -> lines.remove(at);
                            case 1 -> lines.add(at, line);
                            case 2 -> lines.set(at, lines.set(e[2] % lines.size(), line));
                            case 3 -> {
                                int colon = line.indexOf(':');
                                lines.set(at, colon < 0 ? line + values.get(v++ % 4)
                                        : line.substring(0, colon + 1) + " " + values.get(v++ % 4));
                            }
                            default -> lines.set(at, "  ".repeat(e[2] % 5) + line.strip());
                        }
                        if (lines.isEmpty()) {
                            lines.add(values.get(0));
                        }
                    }
                    return String.join("\n", lines) + "\n";
                });
    }

    /** Random text made of YAML's punctuation, keys the loader knows and deep or aliased structures. */
    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> token = Arbitraries.of("accounts", "id", "credentials", "rateDecks", "senderPools",
                "routing", "policy", ":", " ", "\n", "- ", "  ", "{", "}", "[", "]", ",", "&a ", "*a", "!!map ", "'",
                "\"", "#", "---", "...", "%YAML 1.1\n", "? ", "|", ">", "\t", "twilio:work", "authTokenEnv",
                "TWILIO_TOKEN", "\uFEFF", "\u0000", "é");
        Arbitrary<String> deep = Arbitraries.integers().between(20, 3000).map(n -> "[".repeat(n) + "]".repeat(n));
        Arbitrary<String> aliases = Arbitraries.integers().between(2, 12).map(ConfigFileProperties::laughs);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, token.list().ofMaxSize(60).map(l -> String.join("", l))),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(300)),
                net.jqwik.api.Tuple.of(1, deep), net.jqwik.api.Tuple.of(1, aliases));
    }

    /** The billion-laughs shape: each level names the one below ten times. */
    private static String laughs(int levels) {
        StringBuilder s = new StringBuilder("a0: &a0 [lol]\n");
        for (int i = 1; i < levels; i++) {
            s.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                s.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            s.append("]\n");
        }
        return s.append("accounts: *a").append(levels - 1).append('\n').toString();
    }
}
