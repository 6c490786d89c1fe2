package io.switchboard.sandbox.callbacks;

import java.time.Duration;
import java.util.Objects;

/**
 * How an emulator delivers callbacks: at most {@code maxAttempts} tries of each (the first and its retries) on a
 * non-2xx answer or a connection failure, waiting {@code backoff}, then twice that, and so on between tries; each
 * try bounded by {@code timeout}. With {@code loopbackOnly} (the default) callbacks go only to 127.0.0.0/8,
 * {@code localhost} and {@code ::1}: a test that names {@code https://example.com/status} sends nothing over the
 * internet, and the attempt is recorded as not sent.
 */
public record CallbackSettings(int maxAttempts, Duration backoff, Duration timeout, boolean loopbackOnly) {
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(100);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  public CallbackSettings {
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new IllegalArgumentException("'maxAttempts' must be 1 to 10, got " + maxAttempts);
    }
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(timeout, "timeout");
    if (backoff.isNegative() || backoff.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException("'backoff' must be 0 to 60 s, got " + backoff);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("'timeout' must be positive, got " + timeout);
    }
  }

  public static CallbackSettings ofDefaults() {
    return new CallbackSettings(DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF, DEFAULT_TIMEOUT, true);
  }

  public CallbackSettings withMaxAttempts(int value) {
    return new CallbackSettings(value, backoff, timeout, loopbackOnly);
  }

  public CallbackSettings withBackoff(Duration value) {
    return new CallbackSettings(maxAttempts, value, timeout, loopbackOnly);
  }

  public CallbackSettings withTimeout(Duration value) {
    return new CallbackSettings(maxAttempts, backoff, value, loopbackOnly);
  }

  public CallbackSettings withLoopbackOnly(boolean value) {
    return new CallbackSettings(maxAttempts, backoff, timeout, value);
  }

  /** The wait before try {@code attempt + 1}: {@code backoff * 2^(attempt - 1)}. */
  Duration backoffAfter(int attempt) {
    return backoff.multipliedBy(1L << Math.min(attempt - 1, 20));
  }
}
