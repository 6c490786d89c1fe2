package io.switchboard.benchmarks;

import com.google.i18n.phonenumbers.prefixmapper.PhonePrefixMap;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.pricing.Rate;
import io.switchboard.domain.pricing.RateDeck;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Real numbering data for benchmark decks: every prefix of libphonenumber's geocoder and carrier files (about 295,000
 * distinct E.164 prefixes of 1 to 9 digits), read from the jars on the class path.
 */
final class PrefixData {

    private static final String[] DATA_DIRECTORIES = {
        "com/google/i18n/phonenumbers/geocoding/data/",
        "com/google/i18n/phonenumbers/carrier/data/"
    };
    private static final Map<String, List<String>> CACHE = new ConcurrentHashMap<>();

    private PrefixData() {
    }

    /** The distinct prefixes, sorted. */
    static List<String> prefixes() {
        return CACHE.computeIfAbsent("all", k -> load());
    }

    private static List<String> load() {
        TreeSet<String> prefixes = new TreeSet<>();
        for (String directory : DATA_DIRECTORIES) {
            URL url = PrefixData.class.getClassLoader().getResource(directory + "config");
            if (url == null) {
                throw new IllegalStateException("libphonenumber data not on the class path: " + directory);
            }
            try {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    for (JarEntry entry : Collections.list(jar.entries())) {
                        String name = entry.getName();
                        if (name.startsWith(directory) && !entry.isDirectory() && !name.endsWith("/config")) {
                            PhonePrefixMap map = new PhonePrefixMap();
                            try (ObjectInputStream in = new ObjectInputStream(jar.getInputStream(entry))) {
                                map.readExternal(in);
                            }
                            // toString() is the only public view of a map's rows: one "prefix|description" per line.
                            for (String line : map.toString().split("\n")) {
                                int bar = line.indexOf('|');
                                if (bar > 0) {
                                    prefixes.add(line.substring(0, bar));
                                }
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(prefixes);
    }

    /** A deck over all prefixes, with prices from a palette of about a thousand rates drawn from {@code seed}. */
    static RateDeck deck(long seed) {
        return deck(seed, prefixes());
    }

    /**
     * A deck of {@code count} prefixes (all of them when {@code count} is at least their number): every prefix of up
     * to three digits, so that every destination still has a country-level rate, and a random sample of the others
     * drawn from {@code seed}.
     */
    static RateDeck deck(long seed, int count) {
        List<String> all = prefixes();
        if (count >= all.size()) {
            return deck(seed);
        }
        List<String> chosen = new ArrayList<>(count);
        List<String> longer = new ArrayList<>();
        for (String prefix : all) {
            (prefix.length() <= 3 ? chosen : longer).add(prefix);
        }
        Collections.shuffle(longer, new java.util.Random(seed));
        chosen.addAll(longer.subList(0, Math.max(0, count - chosen.size())));
        return deck(seed, chosen);
    }

    private static RateDeck deck(long seed, List<String> prefixes) {
        SplittableRandom random = new SplittableRandom(seed);
        Rate[] palette = new Rate[1000];
        for (int i = 0; i < palette.length; i++) {
            palette[i] = Rate.perSegment("0.00" + (100 + random.nextInt(9000)), "USD");
        }
        RateDeck.Builder builder = RateDeck.builder();
        for (String prefix : prefixes) {
            builder.add(prefix, palette[(prefix.hashCode() & 0x7fffffff) % palette.length]);
        }
        return builder.build();
    }

    /** Destination digits, each a deck prefix padded with random digits to a national length. */
    static String[] destinations(int count, boolean zipf, long seed) {
        List<String> prefixes = new ArrayList<>(prefixes());
        SplittableRandom random = new SplittableRandom(seed);
        Collections.shuffle(prefixes, new java.util.Random(seed));
        ZipfSampler sampler = zipf ? new ZipfSampler(prefixes.size(), 1.0) : null;
        String[] numbers = new String[count];
        for (int i = 0; i < count; i++) {
            int rank = zipf ? sampler.sample(random) : random.nextInt(prefixes.size());
            numbers[i] = pad(prefixes.get(rank), random);
        }
        return numbers;
    }

    /** Like {@link #destinations} but only numbers that parse as E.164 for their country. */
    static PhoneNumber[] phoneNumbers(int count, boolean zipf, long seed) {
        String[] digits = destinations(count * 4, zipf, seed);
        List<PhoneNumber> numbers = new ArrayList<>(count);
        for (int i = 0; i < digits.length && numbers.size() < count; i++) {
            try {
                numbers.add(PhoneNumber.parse("+" + digits[i]));
            } catch (SwitchboardException e) {
                // not a possible length for its country: skip
            }
        }
        return numbers.toArray(new PhoneNumber[0]);
    }

    private static String pad(String prefix, SplittableRandom random) {
        int length = Math.min(15, Math.max(prefix.length() + 2, 11 + random.nextInt(2)));
        StringBuilder number = new StringBuilder(length).append(prefix);
        while (number.length() < length) {
            number.append((char) ('0' + random.nextInt(10)));
        }
        return number.toString();
    }

    /** Ranks 0..n-1 with probability proportional to 1/(rank+1)^s, by inversion of a cumulative table. */
    static final class ZipfSampler {
        private final double[] cumulative;

        ZipfSampler(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1.0 / Math.pow(i + 1, s);
                cumulative[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cumulative[i] /= sum;
            }
        }

        int sample(SplittableRandom random) {
            int index = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(index < 0 ? -index - 1 : index, cumulative.length - 1);
        }
    }
}
