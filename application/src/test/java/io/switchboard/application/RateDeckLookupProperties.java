package io.switchboard.application;

import io.switchboard.domain.pricing.Rate;
import io.switchboard.domain.pricing.RateDeck;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The deck's trie answers exactly what a brute-force scan for the longest matching prefix answers. */
class RateDeckLookupProperties {

    @Provide
    Arbitrary<Set<String>> prefixes() {
        // A small alphabet so that prefixes nest and overlap, across every stride boundary of the trie; with 0, 1 and
        // 7 to 9 the two-digit slots of a node fall in both halves of its 100-bit maps (below and above slot 64) and
        // sit next to each other, so runs of equal matches start and end between them.
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("01789").ofMinLength(1).ofMaxLength(12).set().ofMaxSize(200),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(9).set().ofMinSize(500).ofMaxSize(2000));
    }

    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("01789").ofMinLength(0).ofMaxLength(15),
                Arbitraries.strings().withChars("01789x").ofMinLength(0).ofMaxLength(15),
                Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(15));
    }

    @Property(tries = 500)
    void trieMatchesBruteForceScan(@ForAll("prefixes") Set<String> prefixes,
            @ForAll("numbers") String number) {
        List<String> rows = List.copyOf(new LinkedHashSet<>(prefixes));
        RateDeck.Builder builder = RateDeck.builder();
        for (int i = 0; i < rows.size(); i++) {
            builder.add(rows.get(i), Rate.perSegment("0." + (i + 1), "USD"));
        }
        RateDeck deck = builder.build();

        assertMatchesScan(deck, rows, number);
        // Numbers that run through the deck's own prefixes reach its deepest nodes and their edges.
        for (int i = 0; i < Math.min(rows.size(), 64); i++) {
            String extended = rows.get(i) + number;
            assertMatchesScan(deck, rows, extended.substring(0, Math.min(extended.length(), 15)));
            assertMatchesScan(deck, rows, rows.get(i).substring(0, rows.get(i).length() - 1));
        }
        assertThat(deck.entries()).extracting(RateDeck.Entry::prefix)
                .containsExactlyElementsOf(rows);
    }

    private static void assertMatchesScan(RateDeck deck, List<String> rows, String number) {
        Optional<RateDeck.Match> actual = deck.match(number);

        String best = null;
        int digits = 0;
        while (digits < number.length() && Character.isDigit(number.charAt(digits))) {
            digits++;
        }
        for (String prefix : rows) {
            if (prefix.length() <= digits && number.startsWith(prefix)
                    && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        if (best == null) {
            assertThat(actual).as(number).isEmpty();
        } else {
            String expected = best;
            assertThat(actual).as(number).get().satisfies(m -> {
                assertThat(m.prefix()).isEqualTo(expected);
                assertThat(m.rate().price().amount())
                        .isEqualByComparingTo("0." + (rows.indexOf(expected) + 1));
            });
        }
    }
}
