package io.switchboard.benchmarks;

import io.switchboard.application.PriceBook;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.Rate;
import io.switchboard.domain.pricing.RateDeck;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Heap retained by a price book holding one SMS deck per account: heap in use after full collections, before and
 * after the book is built. Each account's deck is its own random sample of {@code --prefixes} of the ~294,000 real
 * prefixes (all of them with {@code --prefixes all}), priced from its own palette of about a thousand rates.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.switchboard.benchmarks.PriceBookHeap [--accounts 6] [--prefixes 100000]
 * </pre>
 */
public final class PriceBookHeap {

    private PriceBookHeap() {
    }

    public static void main(String[] args) {
        int accounts = 6;
        String prefixes = "100000";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--accounts" -> accounts = Integer.parseInt(args[++i]);
                case "--prefixes" -> prefixes = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String> all = PrefixData.prefixes();
        int perDeck = prefixes.equals("all") ? all.size() : Math.min(all.size(), Integer.parseInt(prefixes));
        // Draw every deck's rows before measuring, so that only the decks themselves are counted.
        List<List<String>> rows = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            List<String> sample = new ArrayList<>(all);
            Collections.shuffle(sample, new Random(100 + a));
            rows.add(List.copyOf(sample.subList(0, perDeck)));
        }
        long before = settledHeap();
        PriceBook.Builder book = PriceBook.builder();
        for (int a = 0; a < accounts; a++) {
            book.deck(AccountId.parse(Accounts.NAMES.get(a % Accounts.NAMES.size()) + (a < 6 ? "" : a)), Product.SMS,
                    deck(rows.get(a), 1000 + a));
        }
        PriceBook built = book.build();
        long after = settledHeap();
        System.out.printf("price book of %d accounts x %,d prefixes retains %.1f MB (%.1f MB per deck, %.0f bytes per "
                + "prefix)%n", accounts, perDeck, (after - before) / 1e6, (after - before) / 1e6 / accounts,
                (double) (after - before) / accounts / perDeck);
        if (built.userDeck(AccountId.parse(Accounts.NAMES.get(0)), Product.SMS).orElseThrow().size() != perDeck) {
            throw new IllegalStateException("deck size");
        }
    }

    private static RateDeck deck(List<String> prefixes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Rate[] palette = new Rate[1000];
        for (int i = 0; i < palette.length; i++) {
            palette[i] = Rate.perSegment("0.00" + (100 + random.nextInt(9000)), "USD");
        }
        RateDeck.Builder builder = RateDeck.builder();
        for (String prefix : prefixes) {
            builder.add(prefix, palette[random.nextInt(palette.length)]);
        }
        return builder.build();
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
