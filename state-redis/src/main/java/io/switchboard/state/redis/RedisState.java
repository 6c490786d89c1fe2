package io.switchboard.state.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.DefaultClientResources;
import io.switchboard.application.InMemoryRateLimitBudgets;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One instance's connection to the Redis a fleet shares, and the two stores on it: {@link #budgets()} for
 * {@code Router.Builder.budgets(...)} and {@link #retryAfterMarks()} for {@code Router.Builder.retryAfterMarks(...)}.
 * It owns the Lettuce client and its threads; close it after the router. The password of the URI never appears in
 * {@link #toString()}, a log line or an exception of this module.
 */
public final class RedisState implements AutoCloseable {

    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(500);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(1);
    public static final String DEFAULT_KEY_PREFIX = "switchboard:";
    /** How many times a new state tries to connect and load its scripts before it gives up. */
    static final int CONNECT_ATTEMPTS = 4;
    /** The longest pause between two attempts to reconnect after the connection dropped. */
    static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(RedisState.class);

    private final String target;
    private final int instances;
    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisRateLimitBudgets budgets;
    private final RedisRetryAfterMarks retryAfterMarks;

    private RedisState(Builder b) {
        RedisURI uri = parse(b.uri);
        uri.setTimeout(b.commandTimeout);
        this.target = describe(uri);
        this.instances = b.instances;
        this.resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // While the connection is down a command fails at once instead of queueing for the timeout: the
                // stores then answer from their fallback without making the router wait.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(b.commandTimeout))
                .socketOptions(SocketOptions.builder().connectTimeout(b.connectTimeout).keepAlive(true).build())
                .build());
        RedisScript budgetScript = new RedisScript(RedisRateLimitBudgets.SCRIPT);
        RedisScript markScript = new RedisScript(RedisRetryAfterMarks.SCRIPT);
        // A few attempts: the handshake and the script loads run under the command timeout, which a JVM starting
        // beside others on a busy machine can pass once (seen in the fleet tests) without Redis being away.
        StatefulRedisConnection<String, String> connected = null;
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= CONNECT_ATTEMPTS && connected == null; attempt++) {
            try {
                StatefulRedisConnection<String, String> candidate = client.connect(StringCodec.UTF8);
                try {
                    budgetScript.load(candidate.sync());
                    markScript.load(candidate.sync());
                } catch (RuntimeException e) {
                    candidate.close();
                    throw e;
                }
                connected = candidate;
            } catch (RuntimeException e) {
                failure = e;
                if (attempt < CONNECT_ATTEMPTS) {
                    try {
                        Thread.sleep(200L * attempt);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
        }
        if (connected == null) {
            shutdown(client, resources);
            // Lettuce names host and port, never the password; the cause is kept for its stack, and its message
            // is checked by RedisStateTest.
            throw new SwitchboardException(Failure.of(FailureKind.UNAVAILABLE,
                    "cannot connect to Redis at " + target + " (" + Outage.summary(failure) + ")"), failure);
        }
        this.connection = connected;
        RedisCommands<String, String> commands = connection.sync();
        String instanceId = UUID.randomUUID().toString();
        this.budgets = new RedisRateLimitBudgets(commands, budgetScript, b.keyPrefix, instanceId, b.instances,
                new InMemoryRateLimitBudgets(b.clock), outage(b, "rate-limit budgets",
                        "a local window of permits / " + b.instances + " per period"));
        this.retryAfterMarks = new RedisRetryAfterMarks(commands, markScript, b.keyPrefix, b.clock,
                outage(b, "Retry-After marks", "this instance's own marks"));
    }

    private Outage outage(Builder b, String store, String fallback) {
        return new Outage(store, fallback, target, b.logger, () -> connection.async().ping(), b.probeInterval,
                System::nanoTime);
    }

    /** The state at {@code redisUri} ({@code redis://[[user:]password@]host[:port][/database]}), with defaults. */
    public static RedisState connect(String redisUri) {
        return builder(redisUri).build();
    }

    public static Builder builder(String redisUri) {
        return new Builder(redisUri);
    }

    /** Budgets shared by the fleet: {@code Router.Builder.budgets(state.budgets())}. */
    public RedisRateLimitBudgets budgets() {
        return budgets;
    }

    /** Retry-After marks shared by the fleet: {@code Router.Builder.retryAfterMarks(state.retryAfterMarks())}. */
    public RedisRetryAfterMarks retryAfterMarks() {
        return retryAfterMarks;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            shutdown(client, resources);
        }
    }

    @Override
    public String toString() {
        return "RedisState[" + target + ", instances=" + instances + "]";
    }

    private static void shutdown(RedisClient client, ClientResources resources) {
        try {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        } finally {
            resources.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }

    /** Lettuce's own parse error may quote the URI, password included: this one does not. */
    private static RedisURI parse(String uri) {
        try {
            return RedisURI.create(uri);
        } catch (RuntimeException e) {
            throw SwitchboardException.invalid("redisUri",
                    "must look like redis://[[user:]password@]host[:port][/database] (the value is not shown)");
        }
    }

    /** Scheme, host, port and database: what a log line may say of the URI. */
    static String describe(RedisURI uri) {
        String host = uri.getHost() != null ? uri.getHost()
                : uri.getSocket() != null ? uri.getSocket() : "sentinel:" + uri.getSentinelMasterId();
        return (uri.isSsl() ? "rediss://" : "redis://") + host + ":" + uri.getPort() + "/" + uri.getDatabase();
    }

    /** Settings of a {@link RedisState}; every one but the URI has a default. */
    public static final class Builder {
        private final String uri;
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration probeInterval = DEFAULT_PROBE_INTERVAL;
        private int instances = 1;
        private Clock clock = Clock.systemUTC();
        private String keyPrefix = DEFAULT_KEY_PREFIX;
        private Logger logger = LOG;

        private Builder(String uri) {
            this.uri = Checks.notBlank(uri, "redisUri");
        }

        /** How long a call waits for Redis before the stores answer from their fallback (500 ms by default). */
        public Builder commandTimeout(Duration value) {
            commandTimeout = positive(value, "commandTimeout");
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /** While on the fallback, how often one PING asks whether Redis is back (1 s by default). */
        public Builder probeInterval(Duration value) {
            probeInterval = positive(value, "probeInterval");
            return this;
        }

        /** How many instances share the budgets: while Redis is away each one grants {@code permits / instances}. */
        public Builder instances(int value) {
            instances = Checks.positive(value, "instances");
            return this;
        }

        /** The router's clock, for the fallback windows and for whether a mark has passed. */
        public Builder clock(Clock value) {
            clock = Checks.required(value, "clock");
            return this;
        }

        /** Prefix of every key (default {@code switchboard:}), so that several fleets can share one Redis. */
        public Builder keyPrefix(String value) {
            keyPrefix = Checks.notBlank(value, "keyPrefix");
            return this;
        }

        /** Where the stores say that they fell back and came back (tests count the lines). */
        Builder logger(Logger value) {
            logger = Checks.required(value, "logger");
            return this;
        }

        /** Connects; fails when Redis cannot be reached now, since a fleet should not start on its fallback. */
        public RedisState build() {
            return new RedisState(this);
        }

        private static Duration positive(Duration value, String field) {
            Checks.required(value, field);
            if (value.isZero() || value.isNegative()) {
                throw SwitchboardException.invalid(field, "must be positive, got " + value);
            }
            return value;
        }
    }
}
