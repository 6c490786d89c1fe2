package io.switchboard.application;

import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.RateDeck;
import io.switchboard.domain.pricing.RateUnit;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.Map;

import static io.switchboard.application.Fixtures.US;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateDeckCsvTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-01-05");

    private static Map<Product, RateDeck> read(String csv) {
        return RateDeckCsv.read(new StringReader(csv), Product.SMS, TODAY);
    }

    private static void assertFails(String csv, String... fragments) {
        assertThatThrownBy(() -> read(csv))
                .isInstanceOf(SwitchboardException.class)
                .satisfies(e -> assertThat(((SwitchboardException) e).failure().kind().name())
                        .isEqualTo("INVALID_REQUEST"))
                .satisfies(e -> {
                    for (String fragment : fragments) {
                        assertThat(e.getMessage()).contains(fragment);
                    }
                });
    }

    @Test
    void readsDecksPerChannelWithUnitsByProduct() {
        Map<Product, RateDeck> decks = read("""
                currency,prefix,rate,channel
                USD,1,0.0079,sms
                USD,1415,0.0060,
                USD,+1,0.0130,voice
                "USD","44","0.04","mms"
                """);

        assertThat(decks).containsOnlyKeys(Product.SMS, Product.VOICE, Product.MMS);
        assertThat(decks.get(Product.SMS).match(US).orElseThrow().prefix()).isEqualTo("1415");
        assertThat(decks.get(Product.SMS).match(US).orElseThrow().rate().unit()).isEqualTo(RateUnit.SEGMENT);
        assertThat(decks.get(Product.VOICE).match(US).orElseThrow().rate().unit()).isEqualTo(RateUnit.MINUTE);
        assertThat(decks.get(Product.MMS).entries()).singleElement()
                .satisfies(e -> assertThat(e.rate().unit()).isEqualTo(RateUnit.MESSAGE));
    }

    @Test
    void theLatestRowInEffectWinsAndFutureRowsWait() {
        Map<Product, RateDeck> decks = read("""
                prefix,rate,currency,effective_from
                1,0.0100,USD,
                1,0.0080,USD,2025-12-01
                1,0.0060,USD,2026-02-01
                """);

        assertThat(decks.get(Product.SMS).match(US).orElseThrow().rate().price().amount())
                .isEqualByComparingTo("0.008");
    }

    @Test
    void errorsNameTheLine() {
        assertFails("", "header (line 1)");
        assertFails("prefix,rate\n1,0.01\n", "line 1", "'currency'");
        assertFails("prefix,rate,currency\n1,0.01,USD\n44,cheap,USD\n", "rate (line 3)", "'cheap'");
        assertFails("prefix,rate,currency\n1,0.01,USD\n\n44,-1,USD\n", "rate (line 4)", "negative");
        assertFails("prefix,rate,currency\n1x,0.01,USD\n", "prefix (line 2)", "'1x'");
        assertFails("prefix,rate,currency\n1,0.01,DOLLARS\n", "currency (line 2)", "'DOLLARS'");
        assertFails("prefix,rate,currency,channel\n1,0.01,USD,fax\n", "channel (line 2)", "'fax'");
        assertFails("prefix,rate,currency,effective_from\n1,0.01,USD,05/01/2026\n", "effective_from (line 2)");
        assertFails("prefix,rate,currency\n1,0.01,USD,extra\n", "line 2", "4 cells");
        assertFails("prefix,rate,currency\n\"1,0.01,USD\n", "line 2", "quote");
        assertFails("prefix,rate,currency\n44,0.01,USD\n1,0.01,USD\n44,0.02,USD\n", "prefix (line 4)",
                "already at line 2");
    }

    @Test
    void refusesRatesThatAreNotPlainBoundedDecimals() {
        assertFails("prefix,rate,currency\n1,1e400,USD\n", "rate (line 2)", "plain decimal", "'1e400'");
        assertFails("prefix,rate,currency\n1,1e999999999,USD\n", "rate (line 2)", "'1e999999999'");
        assertFails("prefix,rate,currency\n1,\u0660.\u0665,USD\n", "rate (line 2)", "plain decimal");
        assertFails("prefix,rate,currency\n1,0.0000000000001,USD\n", "rate (line 2)", "at most 12 digits");
        assertFails("prefix,rate,currency\n1,\"0.01\u001b[31m\",USD\n", "rate (line 2)", "'0.01\\e[31m'");
    }

    @Test
    void refusesADeckWithMoreLinesThanTheCap() {
        java.io.Reader endlessBlankLines = new java.io.Reader() {
            private boolean header = true;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (header) {
                    header = false;
                    String h = "prefix,rate,currency\n";
                    h.getChars(0, h.length(), buffer, offset);
                    return h.length();
                }
                java.util.Arrays.fill(buffer, offset, offset + length, '\n');
                return length;
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> RateDeckCsv.read(endlessBlankLines, Product.SMS, TODAY))
                .isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("line " + (RateDeckCsv.MAX_LINES + 1))
                .hasMessageContaining("(" + RateDeckCsv.MAX_LINES + ")");
    }

    @Test
    void errorsOfADeckFileNameTheFileAndTheLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("telnyx.csv");
        java.nio.file.Files.writeString(file, "prefix,rate,currency\n1,0.01,USD\n44,1e400,USD\n");

        assertThatThrownBy(() -> RateDeckCsv.read(file, Product.SMS, TODAY))
                .isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("'" + file + ": rate (line 3)' must be a plain decimal number")
                .hasMessageNotContaining("\n");
    }
}
