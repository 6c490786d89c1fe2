package io.switchboard.adapters.twilio;

import io.switchboard.domain.Money;
import io.switchboard.domain.SwitchboardException;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Lenient readers of Twilio's scalar strings: a value that does not parse is absent, never an exception. */
final class TwilioValues {

    private TwilioValues() {
    }

    static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    static Optional<Integer> integer(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(value.trim()).intValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<BigDecimal> decimal(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A Twilio price as a positive amount: Twilio reports charges as negative strings ({@code "-0.00750"}). */
    static Optional<Money> positiveMoney(String amount, String currency) {
        Optional<BigDecimal> value = decimal(amount);
        if (value.isEmpty() || currency == null || currency.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Money.of(value.get().abs(), currency));
        } catch (SwitchboardException unknownCurrency) {
            return Optional.empty();
        }
    }

    /** An RFC 2822 date ({@code Thu, 30 Jul 2015 20:12:31 +0000}) as the REST API sends, or ISO 8601. */
    static Optional<Instant> instant(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        Instant usual = twilioLayout(text);
        if (usual != null) {
            return Optional.of(usual);
        }
        try {
            return Optional.of(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException notRfc2822) {
            try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException notIso) {
                return Optional.empty();
            }
        }
    }

    private static final String DAYS = "MonTueWedThuFriSatSun";
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    /**
     * The layout every Twilio REST date has, {@code Thu, 30 Jul 2015 20:12:31 +0000}, read field by field: the
     * formatter costs a few microseconds per date on the send path. Null when the text is not exactly that layout
     * (then the formatter decides), or names a day of the week that is not the date's, as the formatter checks.
     */
    static Instant twilioLayout(String t) {
        if (t.length() != 31 || t.charAt(3) != ',' || t.charAt(4) != ' ' || t.charAt(7) != ' ' || t.charAt(11) != ' '
                || t.charAt(16) != ' ' || t.charAt(19) != ':' || t.charAt(22) != ':' || t.charAt(25) != ' '
                || !t.endsWith("+0000")) {
            return null;
        }
        int day = digits(t, 5, 2);
        int month = name(MONTHS, t, 8);
        int year = digits(t, 12, 4);
        int hour = digits(t, 17, 2);
        int minute = digits(t, 20, 2);
        int second = digits(t, 23, 2);
        int dayOfWeek = name(DAYS, t, 0);
        if (day < 0 || month < 0 || year < 0 || hour < 0 || minute < 0 || second < 0 || dayOfWeek < 0) {
            return null;
        }
        try {
            java.time.LocalDateTime at = java.time.LocalDateTime.of(year, month + 1, day, hour, minute, second);
            return at.getDayOfWeek().ordinal() == dayOfWeek ? at.toInstant(java.time.ZoneOffset.UTC) : null;
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The number written by {@code n} ASCII digits at {@code from}, or -1. */
    private static int digits(String t, int from, int n) {
        int value = 0;
        for (int i = from; i < from + n; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The index of the three-letter English name at {@code from} in {@code names}, or -1. */
    private static int name(String names, String t, int from) {
        for (int i = 0; i < names.length(); i += 3) {
            if (names.regionMatches(i, t, from, 3)) {
                return i / 3;
            }
        }
        return -1;
    }

    static Optional<URI> uri(String value) {
        try {
            return Optional.of(URI.create(value.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
