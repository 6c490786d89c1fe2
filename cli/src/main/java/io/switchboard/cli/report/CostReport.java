package io.switchboard.cli.report;

import io.switchboard.application.BatchComparison;
import io.switchboard.application.CostTable;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What the cost views of {@code compare} and {@code reprice} show, as JSON or as an HTML page: the comparison of the
 * whole batch and of its messages to each destination country. Both views are written from this one value.
 *
 * @param title what was compared, for a heading ({@code "compare"}, {@code "reprice"})
 * @param source where the messages came from, as the user named it (a file name, an account): input, escaped when
 *               written
 * @param overall the whole batch
 * @param countries one per destination country, by country code
 */
public record CostReport(String title, String source, BatchComparison overall, List<CountryCosts> countries) {

    public CostReport {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(overall, "overall");
        countries = List.copyOf(countries);
    }

    /**
     * Compares {@code items} with {@code compare} (the library's batch comparison) one run of consecutive messages to
     * the same country at a time, reading the items once and lazily, and adds the runs up per country and in all.
     *
     * @param empty the comparison of no messages: the accounts, in order, and the currency
     */
    public static CostReport compare(String title, String source, BatchComparison empty,
            Iterable<BatchComparison.Item> items, Function<Iterable<BatchComparison.Item>, BatchComparison> compare) {
        ComparisonSum all = new ComparisonSum(empty);
        Map<String, ComparisonSum> byCountry = new TreeMap<>();
        Peeking rows = new Peeking(items.iterator());
        while (rows.hasNext()) {
            String country = rows.peek().to().regionCode();
            BatchComparison run = compare.apply(() -> new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext() && rows.peek().to().regionCode().equals(country);
                }

                @Override
                public BatchComparison.Item next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return rows.next();
                }
            });
            all.add(run);
            byCountry.computeIfAbsent(country, c -> new ComparisonSum(empty)).add(run);
        }
        return new CostReport(title, source, all.result(), countries(byCountry));
    }

    /** Messages each quoted on every account (past traffic repriced), added up per country and in all. */
    public static CostReport quoted(String title, String source, BatchComparison empty, Iterable<CostTable> messages) {
        ComparisonSum all = new ComparisonSum(empty);
        Map<String, ComparisonSum> byCountry = new TreeMap<>();
        for (CostTable message : messages) {
            all.add(message);
            byCountry.computeIfAbsent(message.destination().regionCode(), c -> new ComparisonSum(empty)).add(message);
        }
        return new CostReport(title, source, all.result(), countries(byCountry));
    }

    private static List<CountryCosts> countries(Map<String, ComparisonSum> byCountry) {
        List<CountryCosts> out = new ArrayList<>(byCountry.size());
        byCountry.forEach((country, sum) -> out.add(new CountryCosts(country, sum.result())));
        return out;
    }

    /** An iterator that can look at its next item without taking it. */
    private static final class Peeking {
        private final Iterator<BatchComparison.Item> source;
        private BatchComparison.Item next;

        Peeking(Iterator<BatchComparison.Item> source) {
            this.source = source;
        }

        boolean hasNext() {
            return next != null || source.hasNext();
        }

        BatchComparison.Item peek() {
            if (next == null) {
                next = source.next();
            }
            return next;
        }

        BatchComparison.Item next() {
            BatchComparison.Item item = peek();
            next = null;
            return item;
        }
    }
}
