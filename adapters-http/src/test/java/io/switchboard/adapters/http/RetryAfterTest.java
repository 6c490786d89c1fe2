package io.switchboard.adapters.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Retry-After read against a fixed clock, so a date means the same wait on every run. */
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-01-02T10:00:00Z");
    private final RetryAfter retryAfter = new RetryAfter(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void deltaSeconds() {
        assertThat(retryAfter.parse("120")).contains(Duration.ofMinutes(2));
        assertThat(retryAfter.parse(" 7 ")).contains(Duration.ofSeconds(7));
        assertThat(retryAfter.parse("0")).contains(Duration.ZERO);
    }

    @Test
    void anHttpDateIsMeasuredFromTheInjectedClock() {
        assertThat(retryAfter.parse("Fri, 02 Jan 2026 10:00:30 GMT")).contains(Duration.ofSeconds(30));
        assertThat(new RetryAfter(Clock.fixed(NOW.plusSeconds(20), ZoneOffset.UTC))
                .parse("Fri, 02 Jan 2026 10:00:30 GMT")).contains(Duration.ofSeconds(10));
    }

    @Test
    void anHttpDateInThePastMeansNow() {
        assertThat(retryAfter.parse("Fri, 02 Jan 2026 09:59:00 GMT")).contains(Duration.ZERO);
        assertThat(retryAfter.parse("Thu, 01 Jan 1970 00:00:00 GMT")).contains(Duration.ZERO);
    }

    @Test
    void anAbsurdWaitIsCapped() {
        assertThat(retryAfter.parse("86400")).contains(RetryAfter.MAX);
        assertThat(retryAfter.parse("9223372036854775807")).contains(RetryAfter.MAX);
        assertThat(retryAfter.parse("99999999999999999999999999999")).contains(RetryAfter.MAX);
        assertThat(retryAfter.parse("Fri, 31 Dec 9999 23:59:59 GMT")).contains(RetryAfter.MAX);
        assertThat(retryAfter.parse(String.valueOf(RetryAfter.MAX.getSeconds()))).contains(RetryAfter.MAX);
        assertThat(RetryAfter.capped(Duration.ofDays(3))).isEqualTo(RetryAfter.MAX);
        assertThat(RetryAfter.capped(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "soon", "-5", "+5", "1.5", "1e3", "0x10", "12 s", "Fri, 32 Jan 2026 10:00:00 GMT",
            "2026-01-02T10:00:30Z", "Friday, 02-Jan-26 10:00:30 GMT", "Fri Jan  2 10:00:30 2026", "\u0661\u0662"})
    void garbageIsNoAdviceAndNeverAnException(String header) {
        assertThat(retryAfter.parse(header)).isEmpty();
    }
}
