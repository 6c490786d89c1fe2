package io.switchboard.benchmarks;

import io.switchboard.domain.pricing.RateDeck;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The calibration point: a naive digit trie, one level per digit, ten child slots per node in a flat {@code int[]},
 * one array read per digit plus one per node for its match (the layout {@code RateDeck} had before it was tuned).
 */
final class FlatTrieDeck {

    private final int[] children;
    private final int[] matchAt;
    private final RateDeck.Match[] matches;

    FlatTrieDeck(RateDeck deck) {
        List<RateDeck.Entry> entries = deck.entries();
        int[] kids = new int[10 * 1024];
        int[] at = new int[1024];
        Arrays.fill(kids, -1);
        Arrays.fill(at, -1);
        int nodes = 1;
        matches = new RateDeck.Match[entries.size()];
        for (int e = 0; e < entries.size(); e++) {
            RateDeck.Entry entry = entries.get(e);
            matches[e] = new RateDeck.Match(entry.prefix(), entry.rate());
            int node = 0;
            for (int i = 0; i < entry.prefix().length(); i++) {
                int slot = node * 10 + entry.prefix().charAt(i) - '0';
                if (kids[slot] < 0) {
                    if (nodes == at.length) {
                        int old = at.length;
                        at = Arrays.copyOf(at, old * 2);
                        Arrays.fill(at, old, old * 2, -1);
                        kids = Arrays.copyOf(kids, old * 20);
                        Arrays.fill(kids, old * 10, old * 20, -1);
                    }
                    kids[slot] = nodes++;
                }
                node = kids[slot];
            }
            at[node] = e;
        }
        children = Arrays.copyOf(kids, nodes * 10);
        matchAt = Arrays.copyOf(at, nodes);
    }

    Optional<RateDeck.Match> match(String digits) {
        int node = 0;
        int best = -1;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                break;
            }
            node = children[node * 10 + d];
            if (node < 0) {
                break;
            }
            if (matchAt[node] >= 0) {
                best = matchAt[node];
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        RateDeck.Match m = matches[best];
        return Optional.of(new RateDeck.Match(m.prefix(), m.rate()));
    }
}
