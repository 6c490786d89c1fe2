package io.switchboard.application;

import io.switchboard.domain.Checks;
import io.switchboard.domain.ErrorText;
import io.switchboard.domain.Money;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.Rate;
import io.switchboard.domain.pricing.RateDeck;
import io.switchboard.domain.pricing.RateUnit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a user's rate deck from CSV. A header is required, with columns {@code prefix}, {@code rate} and
 * {@code currency} in any order, and optionally {@code channel} (sms, mms, whatsapp, voice; else the default product)
 * and {@code effective_from} (ISO date). Of the rows for one product and prefix, the latest that is in effect on the
 * given day wins; rows not yet in effect are ignored. SMS rates are per segment, MMS and WhatsApp per message, voice
 * per minute. Every error names its line (the header is line 1).
 */
public final class RateDeckCsv {

    private static final Map<String, Product> CHANNELS = Map.of("sms", Product.SMS, "mms", Product.MMS,
            "whatsapp", Product.WHATSAPP, "voice", Product.VOICE);

    /** The longest line accepted: real rows are a few dozen characters. */
    public static final int MAX_LINE = 4096;
    /** The most lines a deck may have, header included: the largest vendor decks have some 100,000 prefixes. */
    public static final int MAX_LINES = 1_000_000;

    private RateDeckCsv() {
    }

    /** Reads {@code file} (UTF-8); every error names the file, and the line when there is one. */
    public static Map<Product, RateDeck> read(Path file, Product defaultProduct, LocalDate asOf) {
        Checks.required(file, "rate deck file");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, defaultProduct, asOf);
        } catch (IOException e) {
            throw SwitchboardException.invalid("rate deck file", "cannot be read: "
                    + ErrorText.quote(file.toString()) + " (" + e.getClass().getSimpleName() + ")");
        } catch (SwitchboardException e) {
            String field = e.failure().field().map(f -> file + ": " + f).orElse(file.toString());
            String message = e.failure().message();
            String prefix = e.failure().field().map(f -> "'" + f + "' ").orElse("");
            throw SwitchboardException.invalid(ErrorText.oneLine(field), message.startsWith(prefix)
                    ? message.substring(prefix.length()) : message);
        }
    }

    /** Reads CSV text; the decks of products that have at least one row in effect. */
    public static Map<Product, RateDeck> read(Reader reader, Product defaultProduct, LocalDate asOf) {
        Checks.required(reader, "reader");
        Checks.required(defaultProduct, "default product");
        Checks.required(asOf, "asOf");
        Lines lines = new Lines(reader instanceof BufferedReader b ? b : new BufferedReader(reader));
        try {
            return parse(lines, defaultProduct, asOf);
        } catch (IOException e) {
            // Bytes that are not UTF-8 (a spreadsheet saved in another encoding, a binary file) end up here.
            throw SwitchboardException.invalid("rate deck (line " + (lines.number + 1) + ")", "cannot be read as "
                    + "UTF-8 text (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Lines of at most {@link #MAX_LINE} characters, read without ever holding a longer one: a file with no line
     * break in its megabytes is refused at its first {@value #MAX_LINE} characters.
     */
    private static final class Lines {
        private final BufferedReader in;
        private int number;
        private int pushedBack = -1;

        Lines(BufferedReader in) {
            this.in = in;
        }

        /** The next line without its end ({@code \n}, {@code \r\n} or {@code \r}), or null at the end. */
        String next() throws IOException {
            StringBuilder line = new StringBuilder();
            int c = pushedBack >= 0 ? pushedBack : in.read();
            pushedBack = -1;
            if (c == -1) {
                return null;
            }
            number++;
            if (number > MAX_LINES) {
                throw SwitchboardException.invalid("line " + number, "is past the most lines a rate deck may have ("
                        + MAX_LINES + ")");
            }
            while (c != -1 && c != '\n' && c != '\r') {
                if (line.length() == MAX_LINE) {
                    throw SwitchboardException.invalid("line " + number, "is longer than " + MAX_LINE
                            + " characters: not a rate deck row");
                }
                line.append((char) c);
                c = in.read();
            }
            if (c == '\r') {
                int after = in.read();
                if (after != '\n') {
                    pushedBack = after;
                }
            }
            return line.toString();
        }
    }

    private record Row(int line, String prefix, Rate rate, LocalDate from) {
    }

    private static Map<Product, RateDeck> parse(Lines lines, Product defaultProduct, LocalDate asOf)
            throws IOException {
        String header = lines.next();
        if (header == null || header.isBlank()) {
            throw SwitchboardException.invalid("header (line 1)", "is required: prefix,rate,currency");
        }
        List<String> names = split(stripBom(header), 1);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim().toLowerCase(Locale.ROOT);
            if (columns.putIfAbsent(name, i) != null) {
                throw SwitchboardException.invalid("header (line 1)", "names column " + ErrorText.quote(name)
                        + " twice");
            }
        }
        for (String required : List.of("prefix", "rate", "currency")) {
            if (!columns.containsKey(required)) {
                throw SwitchboardException.invalid("header (line 1)", "has no '" + required + "' column, got "
                        + ErrorText.quote(header));
            }
        }
        Map<Product, Map<String, Row>> effective = new EnumMap<>(Product.class);
        int lineNumber = 1;
        for (String line = lines.next(); line != null; line = lines.next()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = split(line, lineNumber);
            if (cells.size() > names.size()) {
                throw SwitchboardException.invalid("line " + lineNumber, "has " + cells.size()
                        + " cells, the header has " + names.size());
            }
            Product product = product(cell(cells, columns, "channel"), defaultProduct, lineNumber);
            String prefix = prefix(cell(cells, columns, "prefix"), lineNumber);
            Rate rate = rate(cell(cells, columns, "rate"), cell(cells, columns, "currency"), product, lineNumber);
            LocalDate from = date(cell(cells, columns, "effective_from"), lineNumber);
            if (from.isAfter(asOf)) {
                continue;
            }
            Row row = new Row(lineNumber, prefix, rate, from);
            Map<String, Row> rows = effective.computeIfAbsent(product, p -> new HashMap<>());
            Row earlier = rows.get(prefix);
            if (earlier != null && earlier.from().equals(from)) {
                throw SwitchboardException.invalid("prefix (line " + lineNumber + ")", "duplicates prefix '" + prefix
                        + "' for " + product + " effective " + describe(from) + ", already at line " + earlier.line());
            }
            if (earlier == null || from.isAfter(earlier.from())) {
                rows.put(prefix, row);
            }
        }
        Map<Product, RateDeck> decks = new EnumMap<>(Product.class);
        effective.forEach((product, rows) -> {
            List<Row> inOrder = new ArrayList<>(rows.values());
            inOrder.sort((a, b) -> Integer.compare(a.line(), b.line()));
            RateDeck.Builder builder = RateDeck.builder();
            inOrder.forEach(r -> builder.add(r.line(), r.prefix(), r.rate()));
            decks.put(product, builder.build());
        });
        return Map.copyOf(decks);
    }

    private static String describe(LocalDate from) {
        return from.equals(LocalDate.MIN) ? "always" : "from " + from;
    }

    private static String stripBom(String header) {
        return !header.isEmpty() && header.charAt(0) == '\uFEFF' ? header.substring(1) : header;
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || index >= cells.size() ? "" : cells.get(index).trim();
    }

    private static Product product(String value, Product defaultProduct, int line) {
        if (value.isEmpty()) {
            return defaultProduct;
        }
        Product product = CHANNELS.get(value.toLowerCase(Locale.ROOT));
        if (product == null) {
            throw SwitchboardException.invalid("channel (line " + line + ")",
                    "must be sms, mms, whatsapp or voice, got " + ErrorText.quote(value));
        }
        return product;
    }

    private static String prefix(String value, int line) {
        String digits = value.startsWith("+") ? value.substring(1) : value;
        if (digits.isEmpty() || digits.length() > 15 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw SwitchboardException.invalid("prefix (line " + line + ")",
                    "must be 1 to 15 digits (country code first), got " + ErrorText.quote(value));
        }
        return digits;
    }

    private static Rate rate(String amount, String currency, Product product, int line) {
        String field = "rate (line " + line + ")";
        BigDecimal value = Money.parseAmount(amount, field);
        if (value.signum() < 0) {
            throw SwitchboardException.invalid(field, "must not be negative, got " + ErrorText.quote(amount));
        }
        Money price;
        try {
            price = Money.of(value, currency);
        } catch (SwitchboardException e) {
            throw SwitchboardException.invalid("currency (line " + line + ")", "must be an ISO 4217 code, got "
                    + ErrorText.quote(currency));
        }
        return new Rate(price, unitOf(product));
    }

    /** The unit a rate of this product is billed in. */
    static RateUnit unitOf(Product product) {
        return switch (product) {
            case SMS -> RateUnit.SEGMENT;
            case MMS, WHATSAPP -> RateUnit.MESSAGE;
            case VOICE -> RateUnit.MINUTE;
        };
    }

    private static LocalDate date(String value, int line) {
        if (value.isEmpty()) {
            return LocalDate.MIN;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw SwitchboardException.invalid("effective_from (line " + line + ")",
                    "must be an ISO date like 2025-01-31, got " + ErrorText.quote(value));
        }
    }

    /** Splits one CSV line; a cell in double quotes may hold commas and doubled quotes. */
    static List<String> split(String line, int lineNumber) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
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
        if (quoted) {
            throw SwitchboardException.invalid("line " + lineNumber, "has an unclosed double quote");
        }
        cells.add(cell.toString());
        return cells;
    }
}
