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
        // A small alphabet so that prefixes nest and overlap, across every stride boundary of the trie.
        return Arbitraries.strings().withChars("0123").ofMinLength(1).ofMaxLength(12).set().ofMaxSize(200);
    }

    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123").ofMinLength(0).ofMaxLength(15),
                Arbitraries.strings().withChars("0123x").ofMinLength(0).ofMaxLength(15));
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
            assertThat(actual).isEmpty();
        } else {
            String expected = best;
            assertThat(actual).get().satisfies(m -> {
                assertThat(m.prefix()).isEqualTo(expected);
                assertThat(m.rate().price().amount())
                        .isEqualByComparingTo("0." + (rows.indexOf(expected) + 1));
            });
        }
        assertThat(deck.entries()).extracting(RateDeck.Entry::prefix)
                .containsExactlyElementsOf(rows);
    }
}
