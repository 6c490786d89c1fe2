package io.switchboard.benchmarks;

import io.switchboard.domain.pricing.RateDeck;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;

/**
 * Retained heap of three full-size decks: heap in use after a full collection, with and without the decks held.
 * Run with {@code java -cp benchmarks/target/benchmarks.jar io.switchboard.benchmarks.DeckHeap}.
 */
public final class DeckHeap {

    private DeckHeap() {
    }

    public static void main(String[] args) {
        int prefixes = PrefixData.prefixes().size();
        long before = settledHeap();
        List<RateDeck> decks = List.of(PrefixData.deck(1), PrefixData.deck(2), PrefixData.deck(3));
        long after = settledHeap();
        System.out.printf("3 decks of %,d prefixes retain %.1f MB (%.1f MB each)%n", prefixes,
                (after - before) / 1e6, (after - before) / 3e6);
        if (decks.get(0).size() != prefixes) {
            throw new IllegalStateException("deck size " + decks.get(0).size());
        }
    }

    private static long settledHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
