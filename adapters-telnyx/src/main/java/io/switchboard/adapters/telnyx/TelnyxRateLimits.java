package io.switchboard.adapters.telnyx;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import okhttp3.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The request budget Telnyx reports for one account in its {@code x-ratelimit-limit}, {@code x-ratelimit-remaining}
 * and {@code x-ratelimit-reset} headers, as last seen on any response. The routing layer can poll {@link #latest()}
 * or register a {@link Listener} to adjust its client-side limiter as the budget drains.
 */
public final class TelnyxRateLimits {

    public static final String LIMIT_HEADER = "x-ratelimit-limit";
    public static final String REMAINING_HEADER = "x-ratelimit-remaining";
    public static final String RESET_HEADER = "x-ratelimit-reset";

    /** Values at or above this are read as a Unix time rather than a number of seconds to wait. */
    private static final long EPOCH_THRESHOLD = 1_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(TelnyxRateLimits.class);

    private final AccountId account;
    private final Clock clock;
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    TelnyxRateLimits(AccountId account, Clock clock) {
        this.account = account;
        this.clock = clock;
    }

    /**
     * What one response said about the budget.
     *
     * @param limit requests allowed in the current window
     * @param remaining requests left in it
     * @param resetAt when the window resets, when Telnyx said
     * @param observedAt when the response arrived
     */
    public record Snapshot(AccountId account, OptionalInt limit, OptionalInt remaining, Optional<Instant> resetAt,
            Instant observedAt) {
        public Snapshot {
            Checks.required(account, "account");
            limit = limit == null ? OptionalInt.empty() : limit;
            remaining = remaining == null ? OptionalInt.empty() : remaining;
            resetAt = resetAt == null ? Optional.empty() : resetAt;
            Checks.required(observedAt, "observedAt");
        }

        /** Whether Telnyx said no request is left in the window. */
        public boolean exhausted() {
            return remaining.isPresent() && remaining.getAsInt() <= 0;
        }
    }

    /** Told about every response that carried rate-limit headers, on the thread that made the request. */
    @FunctionalInterface
    public interface Listener {
        void onRateLimit(Snapshot snapshot);
    }

    /** The budget as the most recent response with rate-limit headers reported it. */
    public Optional<Snapshot> latest() {
        return Optional.ofNullable(latest.get());
    }

    public void addListener(Listener listener) {
        listeners.add(Checks.required(listener, "listener"));
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** Records the headers of one response; responses without any rate-limit header change nothing. */
    void observe(Headers headers) {
        String limit = headers.get(LIMIT_HEADER);
        String remaining = headers.get(REMAINING_HEADER);
        String reset = headers.get(RESET_HEADER);
        if (limit == null && remaining == null && reset == null) {
            return;
        }
        Instant now = clock.instant();
        Duration untilReset = reset == null ? null : untilReset(reset, clock);
        Snapshot snapshot = new Snapshot(account, integer(limit), integer(remaining),
                untilReset == null ? Optional.empty() : Optional.of(now.plus(untilReset)), now);
        latest.set(snapshot);
        for (Listener listener : listeners) {
            try {
                listener.onRateLimit(snapshot);
            } catch (RuntimeException e) {
                LOG.warn("A Telnyx rate-limit listener on {} failed: {}", account, e.toString());
            }
        }
    }

    private static OptionalInt integer(String value) {
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * How long until the window resets: {@code x-ratelimit-reset} is read as seconds to wait, or as a Unix time in
     * seconds when it is that large. Null when unreadable.
     */
    static Duration untilReset(String value, Clock clock) {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
        if (seconds.signum() < 0) {
            return null;
        }
        long millis = seconds.movePointRight(3).longValue();
        if (seconds.longValue() >= EPOCH_THRESHOLD) {
            Duration wait = Duration.between(clock.instant(), Instant.ofEpochMilli(millis));
            return wait.isNegative() ? Duration.ZERO : wait;
        }
        return Duration.ofMillis(millis);
    }
}
