package io.switchboard.domain.pricing;

import io.switchboard.domain.Checks;
import io.switchboard.domain.ErrorText;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * Rates by E.164 prefix; the longest matching prefix wins. Lookups walk a multi-bit trie held in one {@code int[]}:
 * a direct table on the first three digits (every country calling code), then nodes of 100 slots consuming two digits
 * each, with the best shorter match pushed down into the slots. A 9-digit prefix costs four array reads whatever the
 * size of the deck, and a lookup allocates only the match it returns.
 */
public final class RateDeck {

    /** Digits consumed by the root table. */
    private static final int ROOT_DIGITS = 3;
    /** A node: [0] the match inherited from above, [1..10] matches ending after one more digit, [11..110] slots. */
    private static final int NODE_INTS = 111;
    private static final int HALF = 1;
    private static final int FULL = 11;
    /** Encoded "no match"; a match is {@code ~(rateIndex << 4 | prefixLength)}, a child node is its index (>= 0). */
    private static final int NONE = -1;
    private static final int MAX_PREFIX = 15;
    private static final long[] POW10 = new long[MAX_PREFIX + 1];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private final int[] root;
    private final int[] nodes;
    private final int[] oneDigit;
    private final int[] twoDigits;
    private final Rate[] rates;
    private final long[] prefixValues;
    private final byte[] prefixLengths;
    private final int[] rateIndexes;
    private final List<Entry> entries;

    private RateDeck(int[] root, int[] nodes, int[] oneDigit, int[] twoDigits, Rate[] rates, long[] prefixValues,
            byte[] prefixLengths, int[] rateIndexes) {
        this.root = root;
        this.nodes = nodes;
        this.oneDigit = oneDigit;
        this.twoDigits = twoDigits;
        this.rates = rates;
        this.prefixValues = prefixValues;
        this.prefixLengths = prefixLengths;
        this.rateIndexes = rateIndexes;
        this.entries = new EntryList();
    }

    /** One row of a deck: a prefix of digits (country code first, no {@code +}) and its rate. */
    public record Entry(String prefix, Rate rate) {
        public Entry {
            Checks.required(prefix, "prefix");
            Checks.required(rate, "rate");
        }
    }

    /**
     * The prefix that matched a destination and its rate. A lookup makes one without copying the prefix: its digits
     * are read from the destination when {@link #prefix()} is asked for.
     */
    public static final class Match {
        private final String source;
        private final int from;
        private final int length;
        private final Rate rate;

        public Match(String prefix, Rate rate) {
            this(Checks.required(prefix, "prefix"), 0, prefix.length(), Checks.required(rate, "rate"));
        }

        private Match(String source, int from, int length, Rate rate) {
            this.source = source;
            this.from = from;
            this.length = length;
            this.rate = rate;
        }

        /** The deck prefix that matched, digits only. */
        public String prefix() {
            return source.substring(from, from + length);
        }

        public Rate rate() {
            return rate;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Match m && m.prefix().equals(prefix()) && m.rate.equals(rate);
        }

        @Override
        public int hashCode() {
            return Objects.hash(prefix(), rate);
        }

        @Override
        public String toString() {
            return "Match[prefix=" + prefix() + ", rate=" + rate + "]";
        }
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
        String e164 = Checks.required(number, "number").e164();
        return toMatch(e164, 1, find(e164, 1));
    }

    /** The rate of the longest prefix of {@code number}, without the prefix itself: a lookup that allocates nothing. */
    public Optional<Rate> rate(PhoneNumber number) {
        int found = find(Checks.required(number, "number").e164(), 1);
        return found == NONE ? Optional.empty() : Optional.of(rates[~found >>> 4]);
    }

    /** The rate for the longest prefix of {@code digits}; non-digits end the walk. */
    public Optional<Match> match(CharSequence digits) {
        String text = Checks.required(digits, "digits").toString();
        return toMatch(text, 0, find(text, 0));
    }

    private Optional<Match> toMatch(String text, int from, int found) {
        if (found == NONE) {
            return Optional.empty();
        }
        int packed = ~found;
        return Optional.of(new Match(text, from, packed & 0xF, rates[packed >>> 4]));
    }

    /**
     * The encoded longest match for the digits of {@code s} from {@code from}, or {@link #NONE}; a non-digit ends the
     * digits. One pass: each digit is read once, on the way down.
     */
    private int find(String s, int from) {
        int n = s.length();
        if (n - from < ROOT_DIGITS) {
            return findShort(s, from);
        }
        int d0 = s.charAt(from) - '0';
        int d1 = s.charAt(from + 1) - '0';
        int d2 = s.charAt(from + 2) - '0';
        if ((d0 | d1 | d2) < 0 || d0 > 9 || d1 > 9 || d2 > 9) {
            return findShort(s, from);
        }
        int v = root[d0 * 100 + d1 * 10 + d2];
        int pos = from + ROOT_DIGITS;
        int[] trie = nodes;
        while (v >= 0) {
            int base = v * NODE_INTS;
            int a = pos < n ? s.charAt(pos) - '0' : -1;
            if (a < 0 || a > 9) {
                return trie[base];
            }
            int b = pos + 1 < n ? s.charAt(pos + 1) - '0' : -1;
            if (b < 0 || b > 9) {
                return trie[base + HALF + a];
            }
            v = trie[base + FULL + a * 10 + b];
            pos += 2;
        }
        return v;
    }

    /** The match for fewer than {@link #ROOT_DIGITS} digits. */
    private int findShort(String s, int from) {
        int n = s.length();
        int d0 = from < n ? s.charAt(from) - '0' : -1;
        if (d0 < 0 || d0 > 9) {
            return NONE;
        }
        int d1 = from + 1 < n ? s.charAt(from + 1) - '0' : -1;
        return d1 < 0 || d1 > 9 ? oneDigit[d0] : twoDigits[d0 * 10 + d1];
    }

    /** The rows of the deck, in the order they were added. */
    public List<Entry> entries() {
        return entries;
    }

    public int size() {
        return prefixValues.length;
    }

    public boolean isEmpty() {
        return prefixValues.length == 0;
    }

    @Override
    public String toString() {
        return "RateDeck[" + size() + " prefixes]";
    }

    private static String prefixText(long value, int length) {
        char[] chars = new char[length];
        long rest = value;
        for (int i = length - 1; i >= 0; i--) {
            chars[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        return new String(chars);
    }

    /** The rows, rebuilt on demand from the packed columns so that a large deck keeps no object per row. */
    private final class EntryList extends AbstractList<Entry> implements RandomAccess {
        @Override
        public Entry get(int index) {
            return new Entry(prefixText(prefixValues[index], prefixLengths[index]), rates[rateIndexes[index]]);
        }

        @Override
        public int size() {
            return prefixValues.length;
        }
    }

    /** Collects rows and builds the trie; rejects a non-digit or duplicate prefix, naming its row. */
    public static final class Builder {
        private long[] values = new long[16];
        private byte[] lengths = new byte[16];
        private int[] rateIndexes = new int[16];
        private int[] rows = new int[16];
        private int count;
        private final List<Rate> rates = new ArrayList<>();
        private final Map<Rate, Integer> rateIndex = new HashMap<>();
        private final Map<Long, Integer> seen = new HashMap<>();

        private Builder() {
        }

        /** Adds {@code prefix} (digits only) at {@code rate}; {@code row} is named in errors. */
        public Builder add(int row, String prefix, Rate rate) {
            String field = "prefix (row " + row + ")";
            Checks.required(prefix, field);
            Checks.required(rate, "rate (row " + row + ")");
            if (prefix.isEmpty() || prefix.length() > MAX_PREFIX) {
                throw SwitchboardException.invalid(field, "must be 1 to 15 digits, got " + ErrorText.quote(prefix));
            }
            long value = 0;
            for (int i = 0; i < prefix.length(); i++) {
                int d = prefix.charAt(i) - '0';
                if (d < 0 || d > 9) {
                    throw SwitchboardException.invalid(field, "must hold digits only, got " + ErrorText.quote(prefix));
                }
                value = value * 10 + d;
            }
            Integer earlier = seen.putIfAbsent(value << 4 | prefix.length(), count);
            if (earlier != null) {
                throw SwitchboardException.invalid(field, "duplicates prefix " + ErrorText.quote(prefix)
                        + " already defined at row "
                        + rows[earlier]);
            }
            if (count == values.length) {
                int capacity = count * 2;
                values = Arrays.copyOf(values, capacity);
                lengths = Arrays.copyOf(lengths, capacity);
                rateIndexes = Arrays.copyOf(rateIndexes, capacity);
                rows = Arrays.copyOf(rows, capacity);
            }
            values[count] = value;
            lengths[count] = (byte) prefix.length();
            rateIndexes[count] = rateIndex.computeIfAbsent(rate, r -> {
                rates.add(r);
                return rates.size() - 1;
            });
            rows[count] = row;
            count++;
            return this;
        }

        public Builder add(String prefix, Rate rate) {
            return add(count + 1, prefix, rate);
        }

        public RateDeck build() {
            TrieBuilder trie = new TrieBuilder();
            // Shorter prefixes first, so that a longer one overwrites the slots a shorter one expanded into.
            for (int length = 1; length <= MAX_PREFIX; length++) {
                for (int i = 0; i < count; i++) {
                    if (lengths[i] == length) {
                        trie.insert(values[i], length, rateIndexes[i] << 4 | length);
                    }
                }
            }
            return trie.finish(rates.toArray(new Rate[0]), Arrays.copyOf(values, count),
                    Arrays.copyOf(lengths, count), Arrays.copyOf(rateIndexes, count));
        }
    }

    /** Builds the trie with matches and children apart, then pushes matches down and packs both into one array. */
    private static final class TrieBuilder {
        private static final int ROOT_SLOTS = 1000;
        private final int[] rootBest = new int[ROOT_SLOTS];
        private final int[] rootChild = filled(ROOT_SLOTS);
        private final int[] oneDigit = new int[10];
        private final int[] twoDigits = new int[100];
        private int[] inherited = new int[64];
        private int[] half = new int[64 * 10];
        private int[] best = new int[64 * 100];
        private int[] child = filled(64 * 100);
        private int nodeCount;

        private static int[] filled(int size) {
            int[] array = new int[size];
            Arrays.fill(array, NONE);
            return array;
        }

        private static int digit(long value, int length, int position) {
            return (int) (value / POW10[length - 1 - position] % 10);
        }

        /** Records {@code packed} (never 0) for the prefix; matches are kept as packed values, 0 meaning none. */
        void insert(long value, int length, int packed) {
            if (length == 1) {
                int d = (int) value;
                oneDigit[d] = packed;
                Arrays.fill(twoDigits, d * 10, d * 10 + 10, packed);
                Arrays.fill(rootBest, d * 100, d * 100 + 100, packed);
                return;
            }
            if (length == 2) {
                int dd = (int) value;
                twoDigits[dd] = packed;
                Arrays.fill(rootBest, dd * 10, dd * 10 + 10, packed);
                return;
            }
            int slot = (int) (value / POW10[length - ROOT_DIGITS]);
            if (length == ROOT_DIGITS) {
                rootBest[slot] = packed;
                return;
            }
            int node = rootChild[slot];
            if (node == NONE) {
                node = newNode();
                rootChild[slot] = node;
            }
            for (int depth = ROOT_DIGITS; ; depth += 2) {
                int remaining = length - depth;
                int d = digit(value, length, depth);
                if (remaining == 1) {
                    half[node * 10 + d] = packed;
                    Arrays.fill(best, node * 100 + d * 10, node * 100 + d * 10 + 10, packed);
                    return;
                }
                int pair = d * 10 + digit(value, length, depth + 1);
                if (remaining == 2) {
                    best[node * 100 + pair] = packed;
                    return;
                }
                int next = child[node * 100 + pair];
                if (next == NONE) {
                    next = newNode();
                    child[node * 100 + pair] = next;
                }
                node = next;
            }
        }

        private int newNode() {
            if (nodeCount == inherited.length) {
                int capacity = nodeCount * 2;
                inherited = Arrays.copyOf(inherited, capacity);
                half = Arrays.copyOf(half, capacity * 10);
                best = Arrays.copyOf(best, capacity * 100);
                int[] grown = filled(capacity * 100);
                System.arraycopy(child, 0, grown, 0, child.length);
                child = grown;
            }
            return nodeCount++;
        }

        private static int encode(int packed) {
            return packed == 0 ? NONE : ~packed;
        }

        RateDeck finish(Rate[] rates, long[] values, byte[] lengths, int[] rateIndexes) {
            int[] root = new int[ROOT_SLOTS];
            for (int s = 0; s < ROOT_SLOTS; s++) {
                if (rootChild[s] != NONE) {
                    inherited[rootChild[s]] = rootBest[s];
                    root[s] = rootChild[s];
                } else {
                    root[s] = encode(rootBest[s]);
                }
            }
            // A child is always created after its parent, so walking nodes in order sees every parent first.
            int[] packedNodes = new int[nodeCount * NODE_INTS];
            for (int n = 0; n < nodeCount; n++) {
                int base = n * NODE_INTS;
                int from = inherited[n];
                packedNodes[base] = encode(from);
                for (int d = 0; d < 10; d++) {
                    if (half[n * 10 + d] == 0) {
                        half[n * 10 + d] = from;
                    }
                    packedNodes[base + HALF + d] = encode(half[n * 10 + d]);
                }
                for (int s = 0; s < 100; s++) {
                    int i = n * 100 + s;
                    if (best[i] == 0) {
                        best[i] = half[n * 10 + s / 10];
                    }
                    if (child[i] != NONE) {
                        inherited[child[i]] = best[i];
                        packedNodes[base + FULL + s] = child[i];
                    } else {
                        packedNodes[base + FULL + s] = encode(best[i]);
                    }
                }
            }
            int[] one = new int[10];
            for (int i = 0; i < one.length; i++) {
                one[i] = encode(oneDigit[i]);
            }
            int[] two = new int[100];
            for (int i = 0; i < two.length; i++) {
                two[i] = encode(twoDigits[i]);
            }
            return new RateDeck(root, packedNodes, one, two, rates, values, lengths, rateIndexes);
        }
    }
}
