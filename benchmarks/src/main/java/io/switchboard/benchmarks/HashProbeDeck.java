package io.switchboard.benchmarks;

import io.switchboard.domain.pricing.RateDeck;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The baseline: a hash map of prefixes probed once per prefix length present in the deck, longest first (a
 * substring and a hash per probe). What a longest-prefix match looks like without a structure made for it.
 */
final class HashProbeDeck {

    private final Map<String, Optional<RateDeck.Match>> byPrefix = new HashMap<>();
    private final int[] lengthsLongestFirst;

    HashProbeDeck(RateDeck deck) {
        boolean[] present = new boolean[16];
        for (RateDeck.Entry entry : deck.entries()) {
            byPrefix.put(entry.prefix(), Optional.of(new RateDeck.Match(entry.prefix(), entry.rate())));
            present[entry.prefix().length()] = true;
        }
        int count = 0;
        for (boolean p : present) {
            count += p ? 1 : 0;
        }
        lengthsLongestFirst = new int[count];
        for (int length = 15, i = 0; length >= 1; length--) {
            if (present[length]) {
                lengthsLongestFirst[i++] = length;
            }
        }
    }

    Optional<RateDeck.Match> match(String digits) {
        for (int length : lengthsLongestFirst) {
            if (length <= digits.length()) {
                Optional<RateDeck.Match> match = byPrefix.get(digits.substring(0, length));
                if (match != null) {
                    return match;
                }
            }
        }
        return Optional.empty();
    }
}
