package io.switchboard.state.redis;

import io.lettuce.core.RedisCommandExecutionException;
import org.slf4j.Logger;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Whether one store uses Redis or its local fallback. The first failed call switches to the fallback with one WARN
 * line; while there, calls never wait for Redis: at most one asynchronous PING per probe interval asks whether it is
 * back, and its first answer switches back with one INFO line. Outages starting within a minute of the last warning
 * are counted, not logged, so that a Redis that keeps failing under load does not flood the log.
 */
final class Outage {

    private final String store;
    private final String fallback;
    private final String target;
    private final Logger log;
    private final Supplier<CompletionStage<?>> ping;
    private final long probeIntervalNanos;
    private final LongSupplier nanoTime;

    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile long nextProbeAt;

    Outage(String store, String fallback, String target, Logger log, Supplier<CompletionStage<?>> ping,
            Duration probeInterval, LongSupplier nanoTime) {
        this.store = store;
        this.fallback = fallback;
        this.target = target;
        this.log = log;
        this.ping = ping;
        this.probeIntervalNanos = probeInterval.toNanos();
        this.nanoTime = nanoTime;
    }

    /** True when this call should go to Redis; false while the store is on its fallback. */
    boolean redisAnswers() {
        if (!down.get()) {
            return true;
        }
        probeIfDue();
        return false;
    }

    /** Redis did not answer a call (refused, timed out, disconnected, or an error of the server). */
    void failed(RuntimeException cause) {
        if (down.compareAndSet(false, true)) {
            long now = nanoTime.getAsLong();
            nextProbeAt = now + probeIntervalNanos;
            // An overloaded Redis can go away and come back every few seconds: one WARN (and its INFO) per
            // QUIET_NANOS, the outages in between counted in the next one.
            if (lastWarnAt == 0 || now - lastWarnAt >= QUIET_NANOS) {
                long more = unlogged.getAndSet(0);
                lastWarnAt = now == 0 ? 1 : now;
                warned = true;
                log.warn("Redis at {} did not answer ({}): {} falls back to {} until it does{}", target,
                        summary(cause), store, fallback, more == 0 ? ""
                                : " (" + more + " shorter outage(s) since the last warning)");
            } else {
                warned = false;
                unlogged.incrementAndGet();
            }
        }
    }

    /** How long after one warning the next outage is only counted. */
    static final long QUIET_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);

    private volatile long lastWarnAt;
    private volatile boolean warned;
    private final java.util.concurrent.atomic.AtomicLong unlogged = new java.util.concurrent.atomic.AtomicLong();

    boolean down() {
        return down.get();
    }

    private void probeIfDue() {
        long now = nanoTime.getAsLong();
        if (now - nextProbeAt < 0 || !probing.compareAndSet(false, true)) {
            return;
        }
        nextProbeAt = now + probeIntervalNanos;
        try {
            ping.get().whenComplete((pong, failure) -> {
                probing.set(false);
                if (failure == null && down.compareAndSet(true, false) && warned) {
                    log.info("Redis at {} answers again: {} is shared again", target, store);
                }
            });
        } catch (RuntimeException e) {
            probing.set(false);
        }
    }

    /**
     * The exception's type, and the server's own words for an error it answered. Client-side messages are left out:
     * the target already says where, and nothing of the URI beyond host, port and database goes into a log line.
     */
    static String summary(Throwable cause) {
        String type = cause.getClass().getSimpleName();
        return cause instanceof RedisCommandExecutionException ? type + ": " + cause.getMessage() : type;
    }
}
