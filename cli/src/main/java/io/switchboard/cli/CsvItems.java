package io.switchboard.cli;

import io.switchboard.application.BatchComparison;
import io.switchboard.domain.ErrorText;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The rows of a {@code to,text} CSV file, read lazily one record at a time: the file is never held in memory. A
 * first record naming the columns is a header (a UTF-8 byte order mark before it is skipped). With no header, or the
 * header {@code to,text}, the text may be quoted ({@code "Hello, ""world"""}), across lines too, and unquoted it is
 * the rest of the line, commas included. A header with other columns, or these in another order, picks {@code to}
 * and {@code text} by name and reads every record as plain CSV. A record is at most {@value #MAX_RECORD} characters.
 * A bad row is a usage error naming its line.
 */
final class CsvItems implements Iterable<BatchComparison.Item>, Closeable {

    /** The longest record read, quoted lines included: a message's text is a few hundred characters at most. */
    static final int MAX_RECORD = 16 * 1024;

    private final String name;
    private final BufferedReader reader;
    private final Counting counting;
    private LongConsumer progress = bytes -> { };
    private Consumer<String> newCountry = country -> { };
    private final Set<String> countries = new HashSet<>();
    private boolean iterated;
    private boolean headerSeen;
    /** The columns of a header other than {@code to,text}: records are then split as plain CSV. */
    private Map<String, Integer> columns;
    private int headerCells;
    private long line;
    private long rows;
    private int pushedBack = -1;

    CsvItems(String name, InputStream input) {
        this.name = ErrorText.oneLine(name);
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
            while ((text = nextLine(MAX_RECORD)) != null) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                if (!headerSeen) {
                    headerSeen = true;
                    if (header(text)) {
                        continue;
                    }
                }
                BatchComparison.Item item = columns == null ? parse(text) : parseByName(text);
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

    /** Whether the first record is a header; one other than {@code to,text} sets the columns by name. */
    private boolean header(String record) throws IOException {
        List<String> cells = cells(record, line, false);
        if (cells == null) {
            return false; // a quote left open: a text across lines, not a header
        }
        List<String> names = new ArrayList<>();
        for (String cell : cells) {
            names.add(cell.trim().toLowerCase(Locale.ROOT));
        }
        String first = names.get(0);
        boolean looksLikeANumber = first.startsWith("+") || (!first.isEmpty() && Character.isDigit(first.charAt(0)));
        if (!names.contains("to") || looksLikeANumber) {
            return false; // a row whose text happens to be "to" is still a row
        }
        if (names.equals(List.of("to", "text"))) {
            return true;
        }
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (byName.putIfAbsent(names.get(i), i) != null) {
                throw error(line, "the header names column " + ErrorText.quote(names.get(i)) + " twice");
            }
        }
        if (!byName.containsKey("text")) {
            throw error(line, "the header has a 'to' column but no 'text' column, got " + ErrorText.quote(record));
        }
        columns = byName;
        headerCells = names.size();
        return true;
    }

    private BatchComparison.Item parseByName(String record) throws IOException {
        long start = line;
        List<String> cells = cells(record, start, true);
        if (cells.size() > headerCells) {
            throw error(start, "has " + cells.size() + " cells, the header has " + headerCells);
        }
        int toColumn = columns.get("to");
        int textColumn = columns.get("text");
        String to = toColumn < cells.size() ? cells.get(toColumn).trim() : "";
        String text = textColumn < cells.size() ? cells.get(textColumn) : "";
        return item(to, text, start);
    }

    /**
     * Splits a record as CSV: cells in double quotes may hold commas, doubled quotes and line breaks. With
     * {@code acrossLines} false, a quote still open at the end of the line gives null instead of reading on.
     */
    private List<String> cells(String first, long start, boolean acrossLines) throws IOException {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int length = 0;
        String chunk = first;
        while (true) {
            length += chunk.length();
            for (int i = 0; i < chunk.length(); i++) {
                char c = chunk.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < chunk.length() && chunk.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            if (!quoted) {
                cells.add(cell.toString());
                return cells;
            }
            if (!acrossLines) {
                return null;
            }
            chunk = nextLine(MAX_RECORD - length);
            if (chunk == null) {
                throw error(start, "the quoted text is never closed");
            }
            line++;
            cell.append('\n');
        }
    }

    private BatchComparison.Item parse(String record) throws IOException {
        long start = line;
        int comma = record.indexOf(',');
        if (comma < 0) {
            throw error(start, "expected 'to,text', got " + ErrorText.quote(record));
        }
        String to = unquote(record.substring(0, comma).trim());
        String rest = record.substring(comma + 1);
        String text;
        if (rest.stripLeading().startsWith("\"")) {
            text = quoted(rest.stripLeading().substring(1), start, record.length());
        } else {
            text = rest;
        }
        return item(to, text, start);
    }

    private BatchComparison.Item item(String to, String text, long start) {
        try {
            return new BatchComparison.Item(PhoneNumber.parse(to, "to"), text);
        } catch (SwitchboardException e) {
            throw error(start, e.failure().message());
        }
    }

    /** Reads a quoted field whose opening quote is consumed, continuing on the next lines until it closes. */
    private String quoted(String first, long start, int recordLength) throws IOException {
        StringBuilder out = new StringBuilder();
        String chunk = first;
        int length = recordLength;
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
            chunk = nextLine(MAX_RECORD - length);
            if (chunk == null) {
                throw error(start, "the quoted text is never closed");
            }
            length += chunk.length();
            line++;
            out.append('\n');
        }
    }

    /**
     * The next line without its end ({@code \n}, {@code \r\n} or {@code \r}), or null at the end; a line longer than
     * {@code room} characters (what is left of a record) is a usage error, found without reading it all.
     */
    private String nextLine(int room) throws IOException {
        int c = pushedBack >= 0 ? pushedBack : reader.read();
        pushedBack = -1;
        if (c == -1) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        while (c != -1 && c != '\n' && c != '\r') {
            if (text.length() >= room) {
                throw error(line + 1, "the record is longer than " + MAX_RECORD + " characters: not a 'to,text' row");
            }
            text.append((char) c);
            c = reader.read();
        }
        if (c == '\r') {
            int after = reader.read();
            if (after != '\n') {
                pushedBack = after;
            }
        }
        return text.toString();
    }

    private static String unquote(String field) {
        return field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")
                ? field.substring(1, field.length() - 1).replace("\"\"", "\"") : field;
    }

    private CliException error(long at, String problem) {
        return CliException.usage(name + " line " + at + ": " + problem);
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
