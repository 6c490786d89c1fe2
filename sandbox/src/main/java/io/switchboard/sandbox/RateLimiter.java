package io.switchboard.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A vendor-side limit of N requests per window and per key (an account, or "" for the whole emulator), read from an
 * injected {@link Clock} so tests move time by hand. A fixed window resets at multiples of the window since the
 * epoch; a sliding window admits a request when fewer than N were admitted in the window ending now. Rejected
 * requests take no permit. Thread-safe.
 */
public final class RateLimiter {
  private final int permits;
  private final long windowMillis;
  private final boolean sliding;
  private final Clock clock;
  private final Map<String, ArrayDeque<Long>> admitted = new HashMap<>();
  private final Map<String, long[]> fixed = new HashMap<>();

  private RateLimiter(int permits, Duration window, boolean sliding, Clock clock) {
    if (permits < 1) {
      throw new IllegalArgumentException("'permits' must be at least 1, got " + permits);
    }
    if (window.toMillis() < 1) {
      throw new IllegalArgumentException("'window' must be at least 1 ms, got " + window);
    }
    this.permits = permits;
    this.windowMillis = window.toMillis();
    this.sliding = sliding;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** At most {@code permits} per key in each window [k·window, (k+1)·window) of epoch time. */
  public static RateLimiter fixedWindow(int permits, Duration window, Clock clock) {
    return new RateLimiter(permits, window, false, clock);
  }

  /** At most {@code permits} per key in any span of {@code window} (Plivo's 300 per 5 s, Telnyx's rolling 5 s). */
  public static RateLimiter slidingWindow(int permits, Duration window, Clock clock) {
    return new RateLimiter(permits, window, true, clock);
  }

  /**
   * Whether a request with this key may pass now; if so it takes a permit. {@code resetAt} is when the window
   * frees a permit (fixed: its end; sliding: when the oldest admitted request leaves it).
   */
  public synchronized Decision acquire(String key) {
    Objects.requireNonNull(key, "key");
    long now = clock.millis();
    return sliding ? slide(key, now) : fix(key, now);
  }

  /** Forgets every key's history. */
  public synchronized void reset() {
    admitted.clear();
    fixed.clear();
  }

  public int permits() {
    return permits;
  }

  public Duration window() {
    return Duration.ofMillis(windowMillis);
  }

  private Decision fix(String key, long now) {
    long start = Math.floorDiv(now, windowMillis) * windowMillis;
    long[] state = fixed.computeIfAbsent(key, k -> new long[] {start, 0});
    if (state[0] != start) {
      state[0] = start;
      state[1] = 0;
    }
    long end = start + windowMillis;
    if (state[1] < permits) {
      state[1]++;
      return decision(true, (int) (permits - state[1]), now, end);
    }
    return decision(false, 0, now, end);
  }

  private Decision slide(String key, long now) {
    ArrayDeque<Long> times = admitted.computeIfAbsent(key, k -> new ArrayDeque<>());
    while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
      times.removeFirst();
    }
    boolean allowed = times.size() < permits;
    if (allowed) {
      times.addLast(now);
    }
    long freesAt = times.isEmpty() ? now : times.peekFirst() + windowMillis;
    return decision(allowed, permits - times.size(), now, freesAt);
  }

  private Decision decision(boolean allowed, int remaining, long now, long resetAtMillis) {
    return new Decision(allowed, permits, remaining, Instant.ofEpochMilli(resetAtMillis),
        allowed ? Duration.ZERO : Duration.ofMillis(resetAtMillis - now));
  }

  /**
   * The outcome of {@link #acquire(String)}, with what vendors put in rate-limit headers. {@code retryAfter} is
   * zero when allowed.
   */
  public record Decision(boolean allowed, int limit, int remaining, Instant resetAt, Duration retryAfter) {
    /** Whole seconds to wait, rounded up, at least 1 when rejected: the value of a Retry-After header. */
    public long retryAfterSeconds() {
      if (allowed) {
        return 0;
      }
      long millis = retryAfter.toMillis();
      return Math.max(1, (millis + 999) / 1000);
    }
  }
}
