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

    static Optional<URI> uri(String value) {
        try {
            return Optional.of(URI.create(value.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
