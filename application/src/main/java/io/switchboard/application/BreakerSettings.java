package io.switchboard.application;

import io.switchboard.domain.Checks;
import io.switchboard.domain.SwitchboardException;

import java.time.Duration;

/**
 * Circuit-breaker thresholds, the same for every account. Authentication and insufficient-funds failures open the
 * breaker at once whatever these say.
 *
 * @param failureRateThreshold percentage of failed calls in the window that opens the breaker
 * @param slowCallRateThreshold percentage of slow calls in the window that opens the breaker
 * @param slowCallDuration a call at least this long is slow
 * @param slidingWindowSize calls remembered
 * @param minimumNumberOfCalls calls needed before the rates are judged
 * @param waitInOpenState cooldown before a half-open probe is let through
 * @param permittedCallsInHalfOpenState probes that decide between closing and opening again
 */
public record BreakerSettings(
        float failureRateThreshold,
        float slowCallRateThreshold,
        Duration slowCallDuration,
        int slidingWindowSize,
        int minimumNumberOfCalls,
        Duration waitInOpenState,
        int permittedCallsInHalfOpenState) {

    public static final float DEFAULT_FAILURE_RATE = 50f;
    public static final float DEFAULT_SLOW_CALL_RATE = 80f;
    public static final Duration DEFAULT_SLOW_CALL_DURATION = Duration.ofSeconds(5);
    public static final int DEFAULT_WINDOW = 20;
    public static final int DEFAULT_MINIMUM_CALLS = 10;
    public static final Duration DEFAULT_WAIT_IN_OPEN = Duration.ofSeconds(10);
    public static final int DEFAULT_HALF_OPEN_CALLS = 1;

    public BreakerSettings {
        percentage(failureRateThreshold, "failureRateThreshold");
        percentage(slowCallRateThreshold, "slowCallRateThreshold");
        positive(slowCallDuration, "slowCallDuration");
        Checks.positive(slidingWindowSize, "slidingWindowSize");
        Checks.positive(minimumNumberOfCalls, "minimumNumberOfCalls");
        positive(waitInOpenState, "waitInOpenState");
        Checks.positive(permittedCallsInHalfOpenState, "permittedCallsInHalfOpenState");
    }

    public static BreakerSettings ofDefaults() {
        return new BreakerSettings(DEFAULT_FAILURE_RATE, DEFAULT_SLOW_CALL_RATE, DEFAULT_SLOW_CALL_DURATION,
                DEFAULT_WINDOW, DEFAULT_MINIMUM_CALLS, DEFAULT_WAIT_IN_OPEN, DEFAULT_HALF_OPEN_CALLS);
    }

    private static void percentage(float value, String field) {
        if (!(value > 0 && value <= 100)) {
            throw SwitchboardException.invalid(field, "must be a percentage in (0, 100], got " + value);
        }
    }

    static void positive(Duration value, String field) {
        Checks.required(value, field);
        if (value.isZero() || value.isNegative()) {
            throw SwitchboardException.invalid(field, "must be positive, got " + value);
        }
    }
}
