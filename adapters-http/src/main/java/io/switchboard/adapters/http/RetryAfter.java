package io.switchboard.adapters.http;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a {@code Retry-After} header: delta-seconds ({@code 120}) or an HTTP-date
 * ({@code Fri, 02 Jan 2026 10:00:30 GMT}), measured against the injected clock. A date already past is a wait of
 * zero; a wait longer than {@link #MAX} is read as {@link #MAX}, so that a vendor's typo cannot bench an account for
 * years or overflow the caller's arithmetic. Anything else (negative, fractional, the obsolete RFC 850 and asctime
 * date forms, garbage) is no advice at all: empty, never an exception.
 */
public final class RetryAfter {

    /** The longest wait believed; a rate limit that asks for more is read as this. */
    public static final Duration MAX = Duration.ofHours(1);

    /** More digits than this cannot be a wait of under {@link #MAX} seconds, and may not fit in a long. */
    private static final int MAX_DIGITS = 18;

    private final Clock clock;

    public RetryAfter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The wait the header asks for; empty when it is absent or says nothing usable. */
    public Optional<Duration> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(value.length() > MAX_DIGITS ? MAX : capped(Duration.ofSeconds(Long.parseLong(value))));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : capped(wait));
        } catch (DateTimeException | ArithmeticException notADate) {
            return Optional.empty();
        }
    }

    /** {@code wait}, or {@link #MAX} when longer: for a vendor's own reset header, read by its adapter. */
    public static Duration capped(Duration wait) {
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
