package io.switchboard.benchmarks;

import io.switchboard.application.InMemoryRateLimitBudgets;
import io.switchboard.application.RateLimitBudgets;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.RateLimit;
import io.switchboard.state.redis.RedisState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One {@code tryAcquire} of the shared budget: one EVALSHA round trip to a redis-server on loopback (the binary
 * embedded-redis ships, started here), on one thread. {@code granted} never runs out (a million per second; the
 * window holds the last second's grants), {@code denied} is spent after its first permit (one per hour), so it
 * measures the path that reads the oldest grant. {@code inMemory} is the one-instance window, for scale.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class RedisBudgetBenchmark {

    private static final RateLimit PLENTY = RateLimit.of(1_000_000, Duration.ofSeconds(1));
    private static final RateLimit SPENT = RateLimit.of(1, Duration.ofHours(1));
    private static final AccountId GRANTED = AccountId.parse("twilio:granted");
    private static final AccountId DENIED = AccountId.parse("plivo:denied");

    private RedisServer server;
    private RedisState state;
    private RateLimitBudgets shared;
    private RateLimitBudgets local;

    @Setup(Level.Trial)
    public void start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
        server.start();
        state = RedisState.connect("redis://127.0.0.1:" + port);
        shared = state.budgets();
        local = new InMemoryRateLimitBudgets(Clock.systemUTC());
        if (!shared.tryAcquire(DENIED, SPENT).granted() || shared.tryAcquire(DENIED, SPENT).granted()) {
            throw new IllegalStateException("the denied account should have exactly one permit");
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        state.close();
        server.stop();
    }

    @Benchmark
    public RateLimitBudgets.Permit granted() {
        return shared.tryAcquire(GRANTED, PLENTY);
    }

    @Benchmark
    public RateLimitBudgets.Permit denied() {
        return shared.tryAcquire(DENIED, SPENT);
    }

    @Benchmark
    public RateLimitBudgets.Permit inMemory() {
        return local.tryAcquire(GRANTED, PLENTY);
    }
}
