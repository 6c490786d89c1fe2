package io.switchboard.cli;

import io.switchboard.application.BatchComparison;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SwitchboardException;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The rows of a {@code to,text} CSV file, read lazily one record at a time: the file is never held in memory. A
 * first record {@code to,text} is a header. The text may be quoted ({@code "Hello, ""world"""}), across lines too;
 * unquoted, it is the rest of the line, commas included. A bad row is a usage error naming its line.
 */
final class CsvItems implements Iterable<BatchComparison.Item>, Closeable {

    private final String name;
    private final BufferedReader reader;
    private final Counting counting;
    private LongConsumer progress = bytes -> { };
    private Consumer<String> newCountry = country -> { };
    private final Set<String> countries = new HashSet<>();
    private boolean iterated;
    private long line;
    private long rows;

    CsvItems(String name, InputStream input) {
        this.name = name;
        this.counting = new Counting(input);
        this.reader = new BufferedReader(new InputStreamReader(counting, StandardCharsets.UTF_8));
    }

    /**
     * Told each destination country the first time a row has it, before that row is handed out: the command loads
     * the prices of a country just before the first message to it is priced.
     */
    CsvItems onNewCountry(Consumer<String> listener) {
        this.newCountry = listener;
        return this;
    }

    /** Told the bytes read so far after each row. */
    CsvItems onProgress(LongConsumer listener) {
        this.progress = listener;
        return this;
    }

    long rows() {
        return rows;
    }

    /** Single use: the file is read as the comparison asks for rows. */
    @Override
    public Iterator<BatchComparison.Item> iterator() {
        if (iterated) {
            throw new IllegalStateException(name + " is read once");
        }
        iterated = true;
        return new Iterator<>() {
            private BatchComparison.Item next = read();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public BatchComparison.Item next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                BatchComparison.Item item = next;
                next = read();
                return item;
            }
        };
    }

    private BatchComparison.Item read() {
        try {
            String text;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank() || (line == 1 && text.replace(" ", "").equalsIgnoreCase("to,text"))) {
                    continue;
                }
                BatchComparison.Item item = parse(text);
                if (countries.add(item.to().regionCode())) {
                    newCountry.accept(item.to().regionCode());
                }
                rows++;
                progress.accept(counting.count);
                return item;
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BatchComparison.Item parse(String record) throws IOException {
        long start = line;
        int comma = record.indexOf(',');
        if (comma < 0) {
            throw error(start, "expected 'to,text', got '" + abbreviate(record) + "'");
        }
        String to = unquote(record.substring(0, comma).trim());
        String rest = record.substring(comma + 1);
        String text;
        if (rest.stripLeading().startsWith("\"")) {
            text = quoted(rest.stripLeading().substring(1), start);
        } else {
            text = rest;
        }
        try {
            return new BatchComparison.Item(PhoneNumber.parse(to, "to"), text);
        } catch (SwitchboardException e) {
            throw error(start, e.failure().message());
        }
    }

    /** Reads a quoted field whose opening quote is consumed, continuing on the next lines until it closes. */
    private String quoted(String first, long start) throws IOException {
        StringBuilder out = new StringBuilder();
        String chunk = first;
        while (true) {
            for (int i = 0; i < chunk.length(); i++) {
                char c = chunk.charAt(i);
                if (c != '"') {
                    out.append(c);
                } else if (i + 1 < chunk.length() && chunk.charAt(i + 1) == '"') {
                    out.append('"');
                    i++;
                } else {
                    if (!chunk.substring(i + 1).isBlank()) {
                        throw error(start, "unexpected characters after the closing quote of the text");
                    }
                    return out.toString();
                }
            }
            chunk = reader.readLine();
            if (chunk == null) {
                throw error(start, "the quoted text is never closed");
            }
            line++;
            out.append('\n');
        }
    }

    private static String unquote(String field) {
        return field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")
                ? field.substring(1, field.length() - 1).replace("\"\"", "\"") : field;
    }

    private CliException error(long at, String problem) {
        return CliException.usage(name + " line " + at + ": " + problem);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Counts the bytes read, for the progress bar. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
