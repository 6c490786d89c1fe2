package io.switchboard.state.redis;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** A Redis that keeps failing and coming back is warned about once a minute, not once per outage. */
class RedisOutageWarningsTest {

    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    private final RecordingLogger log = new RecordingLogger();
    private final Outage outage = new Outage("rate-limit budgets", "a local window", "redis://127.0.0.1:6379/0",
            log.logger(), () -> CompletableFuture.completedFuture("PONG"), Duration.ofSeconds(1), now::get);

    /** One outage: a failed call, then a probe a second later that Redis answers. */
    private void flap() {
        outage.failed(new IllegalStateException("timeout"));
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(outage.redisAnswers()).as("on the fallback until the probe answered").isFalse();
        assertThat(outage.redisAnswers()).as("shared again").isTrue();
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
    }

    @Test
    void outagesWithinAMinuteOfTheLastWarningAreCountedNotLogged() {
        for (int i = 0; i < 10; i++) {
            flap();
        }
        assertThat(log.lines("WARN", "did not answer")).hasSize(1);
        assertThat(log.lines("INFO", "answers again")).hasSize(1);

        now.addAndGet(TimeUnit.MINUTES.toNanos(1));
        flap();

        assertThat(log.lines("WARN", "did not answer")).hasSize(2);
        assertThat(log.lines("WARN", "(9 shorter outage(s) since the last warning)")).hasSize(1);
        assertThat(log.lines("INFO", "answers again")).hasSize(2);
    }
}
