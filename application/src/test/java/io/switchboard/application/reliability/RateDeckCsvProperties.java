package io.switchboard.application.reliability;

import io.switchboard.application.RateDeckCsv;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.pricing.Product;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A rate deck is a file a user downloaded from a vendor and may have edited: whatever bytes it holds, reading it
 * gives decks or a typed INVALID_REQUEST that names the line, never another exception and never unbounded memory.
 */
class RateDeckCsvProperties {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final String VALID = "prefix,rate,currency,channel,effective_from\n"
            + "44,0.0380,USD,sms,2025-01-01\n"
            + "447,0.0400,USD,sms,\n"
            + "1,0.0055,USD,sms,2026-01-01\n"
            + "1,0.0100,USD,voice,\n"
            + "\"49\",\"0.09\",EUR,mms,2024-12-31\n";

    private static void onlyTyped(Executable read) {
        Throwable thrown = catchThrowable(read::execute);
        if (thrown != null) {
            assertThat(thrown).as("only a SwitchboardException may come out").isExactlyInstanceOf(
                    SwitchboardException.class);
            assertThat(((SwitchboardException) thrown).kind()).isEqualTo(FailureKind.INVALID_REQUEST);
            String message = thrown.getMessage();
            assertThat(message.chars().filter(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029))
                    .as("one line without control characters: %s", message).isEmpty();
            assertThat(message.length()).as("values are quoted cut").isLessThan(1_000);
        }
    }

    /** A row's rate as a spreadsheet, a vendor's export or a prankster writes it. */
    @Provide
    Arbitrary<String> rates() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789.-+eE").ofMaxLength(25),
                Arbitraries.integers().map(n -> "1e" + n),
                Arbitraries.of("1e400", "1e999999999", "0.0075", "\u0660.\u0660\u0667", "\uFF10.1", "0,05", "$0.01",
                        "\"0.01\"", "\"1\n2\"", "\u001b[31m0.1", "9".repeat(13), "0." + "0".repeat(13) + "1"),
                Arbitraries.strings().all().ofMaxLength(80));
    }

    @Property(tries = 1000)
    void hostileRatesGiveADeckOfBoundedPricesOrAOneLineError(@ForAll("rates") String rate) {
        onlyTyped(() -> {
            var decks = RateDeckCsv.read(new StringReader("prefix,rate,currency\n44," + rate + ",USD\n"), Product.SMS,
                    TODAY);
            decks.values().forEach(deck -> deck.entries().forEach(entry -> {
                assertThat(entry.rate().price().toString()).hasSizeLessThan(40);
                assertThat(entry.rate().price().amount().scale()).isLessThanOrEqualTo(12);
            }));
        });
    }

    private static void readFile(byte[] bytes) {
        Path file;
        try {
            file = Files.createTempFile("deck", ".csv");
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            onlyTyped(() -> RateDeckCsv.read(file, Product.SMS, TODAY));
        } finally {
            file.toFile().delete();
        }
    }

    @Property(tries = 300)
    void randomBytesFailTyped(@ForAll("bytes") byte[] bytes) {
        readFile(bytes);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
        Arbitrary<byte[]> deckThenNoise = noise.map(n -> {
            byte[] deck = VALID.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[deck.length + n.length];
            System.arraycopy(deck, 0, out, 0, deck.length);
            System.arraycopy(n, 0, out, deck.length, n.length);
            return out;
        });
        return Arbitraries.oneOf(noise, deckThenNoise);
    }

    @Property(tries = 1500)
    void mutatedDecksFailTyped(@ForAll("mutatedDecks") String text) {
        onlyTyped(() -> RateDeckCsv.read(new StringReader(text), Product.SMS, TODAY));
    }

    /** The valid deck with a BOM, CRLF line ends, columns dropped, doubled or reordered, and characters changed. */
    @Provide
    Arbitrary<String> mutatedDecks() {
        Arbitrary<String> framed = Combinators.combine(Arbitraries.of("", "\uFEFF", "\uFEFF\uFEFF", "\n", " "),
                Arbitraries.of("\n", "\r\n", "\r"), Arbitraries.of(VALID, VALID.replace("channel,", ""),
                        VALID.replace("prefix,rate", "rate,prefix"), VALID.replace("currency", "currency,currency"),
                        VALID.replace(",USD", ""), VALID.replace("\n", ",extra\n"),
                        "prefix;rate;currency\n44;0.1;USD\n", "PREFIX , Rate,CURRENCY\n44 , 1e-3 ,usd\n"))
                .as((bom, end, deck) -> bom + deck.replace("\n", end));
        return Combinators.combine(framed, edits()).as((deck, edits) -> {
            StringBuilder s = new StringBuilder(deck);
            for (int[] edit : edits) {
                if (s.length() == 0) {
                    break;
                }
                int at = Math.floorMod(edit[0], s.length());
                switch (Math.floorMod(edit[1], 4)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, (char) edit[2]);
                    case 2 -> s.setCharAt(at, (char) edit[2]);
                    default -> s.insert(at, ",\"".charAt(Math.floorMod(edit[2], 2)));
                }
            }
            return s.toString();
        });
    }

    private static Arbitrary<List<int[]>> edits() {
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers(), Arbitraries.integers(),
                Arbitraries.oneOf(Arbitraries.integers().between(0, 127), Arbitraries.integers().between(0, 0xFFFF)))
                .as((at, op, c) -> new int[] {at, op, c});
        return edit.list().ofMaxSize(6);
    }

    /** A line of megabytes (no newline in sight) is refused by its length, not read whole into memory. */
    @Property(tries = 10)
    void hugeLinesFailTyped(@ForAll("hugeLines") String text) {
        onlyTyped(() -> RateDeckCsv.read(new StringReader(text), Product.SMS, TODAY));
    }

    @Provide
    Arbitrary<String> hugeLines() {
        return Combinators.combine(Arbitraries.of("prefix,rate,currency\n", "", "prefix,rate,currency\n44,"),
                Arbitraries.integers().between(1_000_000, 4_000_000), Arbitraries.of('1', ',', '"', 'x'))
                .as((head, length, c) -> head + String.valueOf(c).repeat(length));
    }

    @Example
    void bytesThatAreNotUtf8AndEndlessLinesAreNamedByLine() {
        Throwable bytes = catchThrowable(() -> RateDeckCsv.read(new java.io.InputStreamReader(
                new java.io.ByteArrayInputStream(new byte[] {'p', ',', (byte) 0xC3, '\n'}),
                StandardCharsets.UTF_8.newDecoder()), Product.SMS, TODAY));
        assertThat(bytes).isInstanceOf(SwitchboardException.class).hasMessageContaining("line 1")
                .hasMessageContaining("UTF-8");
        Throwable endless = catchThrowable(() -> RateDeckCsv.read(new StringReader("prefix,rate,currency\n"
                + "1".repeat(RateDeckCsv.MAX_LINE + 1)), Product.SMS, TODAY));
        assertThat(endless).isInstanceOf(SwitchboardException.class).hasMessageContaining("line 2")
                .hasMessageContaining("longer than " + RateDeckCsv.MAX_LINE);
    }

    @Property(tries = 200)
    void theValidDeckAlwaysReads(@ForAll("framings") String end) {
        assertThat(RateDeckCsv.read(new StringReader("\uFEFF" + VALID.replace("\n", end)), Product.SMS, TODAY))
                .containsKeys(Product.SMS, Product.VOICE, Product.MMS);
    }

    @Provide
    Arbitrary<String> framings() {
        return Arbitraries.of("\n", "\r\n", "\n\n", "\r\n\r\n");
    }
}
