package io.switchboard.config;

import io.switchboard.application.BreakerSettings;
import io.switchboard.domain.RateLimit;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration keys that bound time and failure: durations, per-account HTTP timeouts and rate limits, and the
 * accounts' circuit breaker. Each error names the key path and the value it got, as the rest of {@link ConfigLoader}.
 */
final class ResilienceKeys {

    private ResilienceKeys() {
    }

    /** The longest timeout or cool-down: a day, well inside the range OkHttp takes. */
    private static final Duration LONGEST = Duration.ofDays(1);

    static AccountTimeouts timeouts(Node node) {
        if (node.isMissing()) {
            return AccountTimeouts.DEFAULTS;
        }
        node.onlyKeys(Set.of("connect", "read", "call"));
        return new AccountTimeouts(timeout(node.get("connect")), timeout(node.get("read")), timeout(node.get("call")));
    }

    private static Optional<Duration> timeout(Node node) {
        return node.isMissing() ? Optional.empty() : Optional.of(positiveDuration(node));
    }

    /**
     * The accounts' circuit breaker: {@code failureRate} and {@code slowCallRate} in percent, {@code slowCall} (a call
     * at least this long is slow), {@code window} (calls remembered), {@code minimumCalls} (before rates are judged),
     * {@code openFor} (cooldown before a probe) and {@code probes} (half-open calls deciding to close).
     */
    static BreakerSettings breaker(Node node) {
        BreakerSettings defaults = BreakerSettings.ofDefaults();
        if (node.isMissing()) {
            return defaults;
        }
        node.onlyKeys(Set.of("failureRate", "slowCallRate", "slowCall", "window", "minimumCalls", "openFor",
                "probes"));
        float failureRate = percentage(node.get("failureRate"), defaults.failureRateThreshold());
        float slowCallRate = percentage(node.get("slowCallRate"), defaults.slowCallRateThreshold());
        Duration slowCall = node.get("slowCall").isMissing() ? defaults.slowCallDuration()
                : positiveDuration(node.get("slowCall"));
        int window = node.get("window").isMissing() ? defaults.slidingWindowSize() : node.get("window").positiveInt();
        int minimumCalls = node.get("minimumCalls").isMissing() ? defaults.minimumNumberOfCalls()
                : node.get("minimumCalls").positiveInt();
        if (minimumCalls > window) {
            throw node.get("minimumCalls").error("must be at most the window (" + window + "), got " + minimumCalls);
        }
        Duration openFor = node.get("openFor").isMissing() ? defaults.waitInOpenState()
                : positiveDuration(node.get("openFor"));
        int probes = node.get("probes").isMissing() ? defaults.permittedCallsInHalfOpenState()
                : node.get("probes").positiveInt();
        return new BreakerSettings(failureRate, slowCallRate, slowCall, window, minimumCalls, openFor, probes);
    }

    private static float percentage(Node node, float fallback) {
        if (node.isMissing()) {
            return fallback;
        }
        String text = node.text().trim();
        try {
            if (text.matches("\\d{1,3}(\\.\\d{1,3})?")) {
                float value = Float.parseFloat(text);
                if (value > 0 && value <= 100) {
                    return value;
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw node.error("must be a percentage above 0 and at most 100, such as 50, got '" + node.text() + "'");
    }

    static Duration positiveDuration(Node node) {
        Duration value = duration(node);
        if (value.toMillis() < 1 || value.compareTo(LONGEST) > 0) {
            throw node.error("must be between 1ms and 24h, got '" + node.text() + "'");
        }
        return value;
    }

    static RateLimit rateLimit(Node node) {
        node.onlyKeys(Set.of("permits", "period"));
        return RateLimit.of(node.get("permits").positiveInt(), duration(node.get("period")));
    }

    static Duration duration(Node node) {
        String text = node.text().toLowerCase(Locale.ROOT);
        try {
            if (text.matches("\\d+ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.matches("\\d+[smh]")) {
                long n = Long.parseLong(text.substring(0, text.length() - 1));
                return switch (text.charAt(text.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            }
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw node.error("must be a duration such as 500ms, 30s, 5m or PT1M, got '" + node.text() + "'");
        }
    }
}
