package io.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final ManualClock clock = new ManualClock(T0);

  @Test
  void fixedWindowAdmitsNThenRejectsUntilTheWindowEnds() {
    RateLimiter limiter = RateLimiter.fixedWindow(3, Duration.ofSeconds(1), clock);
    clock.advance(Duration.ofMillis(200));

    assertThat(limiter.acquire("").remaining()).isEqualTo(2);
    assertThat(limiter.acquire("").remaining()).isEqualTo(1);
    assertThat(limiter.acquire("").remaining()).isZero();
    RateLimiter.Decision rejected = limiter.acquire("");

    assertThat(rejected.allowed()).isFalse();
    assertThat(rejected.limit()).isEqualTo(3);
    assertThat(rejected.retryAfter()).isEqualTo(Duration.ofMillis(800));
    assertThat(rejected.resetAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(rejected.retryAfterSeconds()).isEqualTo(1);

    clock.advance(Duration.ofMillis(800));
    assertThat(limiter.acquire("").allowed()).isTrue();
  }

  @Test
  void fixedWindowAllowsABurstAcrossTheBoundaryButSlidingDoesNot() {
    RateLimiter fixed = RateLimiter.fixedWindow(2, Duration.ofSeconds(1), clock);
    RateLimiter sliding = RateLimiter.slidingWindow(2, Duration.ofSeconds(1), clock);
    clock.advance(Duration.ofMillis(999));
    for (int i = 0; i < 2; i++) {
      assertThat(fixed.acquire("").allowed()).isTrue();
      assertThat(sliding.acquire("").allowed()).isTrue();
    }

    clock.advance(Duration.ofMillis(1));

    assertThat(fixed.acquire("").allowed()).as("a new fixed window").isTrue();
    RateLimiter.Decision slidingDecision = sliding.acquire("");
    assertThat(slidingDecision.allowed()).isFalse();
    assertThat(slidingDecision.retryAfter()).isEqualTo(Duration.ofMillis(999));
  }

  @Test
  void slidingWindowFreesAPermitWhenTheOldestAdmissionLeavesTheWindow() {
    RateLimiter limiter = RateLimiter.slidingWindow(3, Duration.ofSeconds(5), clock);
    limiter.acquire("");
    clock.advance(Duration.ofSeconds(2));
    limiter.acquire("");
    limiter.acquire("");
    clock.advance(Duration.ofSeconds(2));

    RateLimiter.Decision rejected = limiter.acquire("");
    assertThat(rejected.allowed()).isFalse();
    assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(1));

    clock.advance(Duration.ofSeconds(1));
    RateLimiter.Decision admitted = limiter.acquire("");
    assertThat(admitted.allowed()).isTrue();
    assertThat(admitted.remaining()).isZero();
    assertThat(limiter.acquire("").allowed()).as("the two at t=2s are still in the window").isFalse();
  }

  @Test
  void rejectedRequestsTakeNoPermit() {
    RateLimiter limiter = RateLimiter.slidingWindow(1, Duration.ofSeconds(1), clock);
    limiter.acquire("");
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofMillis(50));
      assertThat(limiter.acquire("").allowed()).isFalse();
    }

    clock.advance(Duration.ofMillis(500));

    assertThat(limiter.acquire("").allowed()).isTrue();
  }

  @Test
  void eachKeyHasItsOwnBudget() {
    RateLimiter limiter = RateLimiter.fixedWindow(1, Duration.ofMinutes(1), clock);

    assertThat(limiter.acquire("MA_ONE").allowed()).isTrue();
    assertThat(limiter.acquire("MA_ONE").allowed()).isFalse();
    assertThat(limiter.acquire("MA_TWO").allowed()).isTrue();

    limiter.reset();
    assertThat(limiter.acquire("MA_ONE").allowed()).isTrue();
  }

  @Test
  void retryAfterSecondsRoundsUp() {
    RateLimiter limiter = RateLimiter.fixedWindow(1, Duration.ofSeconds(5), clock);
    limiter.acquire("");
    clock.advance(Duration.ofMillis(1));

    assertThat(limiter.acquire("").retryAfterSeconds()).isEqualTo(5);
    assertThat(limiter.acquire("x").retryAfterSeconds()).as("allowed").isZero();
  }
}
