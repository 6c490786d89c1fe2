package io.switchboard.domain;

import java.time.Duration;

/** A request budget: at most {@code permits} requests per {@code period}. */
public record RateLimit(int permits, Duration period) {

    public RateLimit {
        Checks.positive(permits, "permits");
        Checks.required(period, "period");
        if (period.isZero() || period.isNegative()) {
            throw SwitchboardException.invalid("period", "must be positive, got " + period);
        }
    }

    public static RateLimit of(int permits, Duration period) {
        return new RateLimit(permits, period);
    }
}
