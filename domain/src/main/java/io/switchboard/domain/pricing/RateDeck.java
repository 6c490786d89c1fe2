package io.switchboard.domain.pricing;

import io.switchboard.domain.Checks;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Rates by E.164 prefix; the longest matching prefix wins. Lookups walk a digit trie stored in flat arrays, so a
 * match costs one step per digit of the destination whatever the size of the deck.
 */
public final class RateDeck {

    private static final int NONE = -1;

    private final int[] children;
    private final int[] rateAt;
    private final List<Entry> entries;

    private RateDeck(int[] children, int[] rateAt, List<Entry> entries) {
        this.children = children;
        this.rateAt = rateAt;
        this.entries = entries;
    }

    /** One row of a deck: a prefix of digits (country code first, no {@code +}) and its rate. */
    public record Entry(String prefix, Rate rate) {
        public Entry {
            Checks.required(prefix, "prefix");
            Checks.required(rate, "rate");
        }
    }

    /** The prefix that matched a destination and its rate. */
    public record Match(String prefix, Rate rate) {
    }

    public static RateDeck empty() {
        return builder().build();
    }

    /** A deck from entries, numbered from row 1 in errors. */
    public static RateDeck of(List<Entry> entries) {
        Builder builder = builder();
        int row = 1;
        for (Entry entry : Checks.required(entries, "entries")) {
            Checks.required(entry, "entries[" + (row - 1) + "]");
            builder.add(row++, entry.prefix(), entry.rate());
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The rate for the longest prefix of the number's digits, or empty when the destination is unpriced. */
    public Optional<Match> match(PhoneNumber number) {
        return match(Checks.required(number, "number").digits());
    }

    /** The rate for the longest prefix of {@code digits}; non-digits end the walk. */
    public Optional<Match> match(CharSequence digits) {
        Checks.required(digits, "digits");
        int node = 0;
        int best = rateAt[0];
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                break;
            }
            node = children[node * 10 + d];
            if (node == NONE) {
                break;
            }
            if (rateAt[node] != NONE) {
                best = rateAt[node];
            }
        }
        return best == NONE ? Optional.empty() : Optional.of(toMatch(entries.get(best)));
    }

    private static Match toMatch(Entry entry) {
        return new Match(entry.prefix(), entry.rate());
    }

    /** The rows of the deck, in the order they were added. */
    public List<Entry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public String toString() {
        return "RateDeck[" + entries.size() + " prefixes]";
    }

    /** Collects rows and builds the trie; rejects a non-digit or duplicate prefix, naming its row. */
    public static final class Builder {
        private int[] children = newChildren(64);
        private int[] rateAt = newRates(64);
        private int nodes = 1;
        private final List<Entry> entries = new ArrayList<>();
        private final List<Integer> rows = new ArrayList<>();

        private Builder() {
        }

        /** Adds {@code prefix} (digits only) at {@code rate}; {@code row} is named in errors. */
        public Builder add(int row, String prefix, Rate rate) {
            String field = "prefix (row " + row + ")";
            Checks.required(prefix, field);
            Checks.required(rate, "rate (row " + row + ")");
            if (prefix.isEmpty() || prefix.length() > 15) {
                throw SwitchboardException.invalid(field, "must be 1 to 15 digits, got '" + prefix + "'");
            }
            int node = 0;
            for (int i = 0; i < prefix.length(); i++) {
                int d = prefix.charAt(i) - '0';
                if (d < 0 || d > 9) {
                    throw SwitchboardException.invalid(field, "must hold digits only, got '" + prefix + "'");
                }
                int next = children[node * 10 + d];
                if (next == NONE) {
                    next = newNode();
                    children[node * 10 + d] = next;
                }
                node = next;
            }
            if (rateAt[node] != NONE) {
                throw SwitchboardException.invalid(field, "duplicates prefix '" + prefix + "' already defined at row "
                        + rows.get(rateAt[node]));
            }
            rateAt[node] = entries.size();
            rows.add(row);
            entries.add(new Entry(prefix, rate));
            return this;
        }

        public Builder add(String prefix, Rate rate) {
            return add(entries.size() + 1, prefix, rate);
        }

        private int newNode() {
            if (nodes == rateAt.length) {
                int capacity = rateAt.length * 2;
                int[] grownChildren = newChildren(capacity);
                System.arraycopy(children, 0, grownChildren, 0, children.length);
                children = grownChildren;
                int[] grownRates = newRates(capacity);
                System.arraycopy(rateAt, 0, grownRates, 0, rateAt.length);
                rateAt = grownRates;
            }
            return nodes++;
        }

        private static int[] newChildren(int nodes) {
            int[] array = new int[nodes * 10];
            Arrays.fill(array, NONE);
            return array;
        }

        private static int[] newRates(int nodes) {
            int[] array = new int[nodes];
            Arrays.fill(array, NONE);
            return array;
        }

        public RateDeck build() {
            return new RateDeck(Arrays.copyOf(children, nodes * 10), Arrays.copyOf(rateAt, nodes),
                    Collections.unmodifiableList(new ArrayList<>(entries)));
        }
    }
}
