package io.switchboard.state.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

/**
 * A real redis-server (the binary embedded-redis ships) on a free loopback port, without persistence, so that a
 * restart comes back empty. Each test class owns one. {@link #commands()} is a plain client for what a test reads
 * from the server itself: its time, a key's expiry.
 */
final class EmbeddedRedis implements AutoCloseable {

    private final int port;
    private final RedisServer server;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    private EmbeddedRedis(int port, List<String> settings) {
        this.port = port;
        try {
            var builder = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no");
            settings.forEach(builder::setting);
            this.server = builder.build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EmbeddedRedis start(String... settings) {
        return new EmbeddedRedis(freePort(), List.of(settings));
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    RedisCommands<String, String> commands() {
        if (connection == null) {
            client = RedisClient.create(uri());
            connection = client.connect();
        }
        return connection.sync();
    }

    /** The server's clock in microseconds, as the scripts read it. */
    long timeMicros() {
        List<String> time = commands().time();
        return Long.parseLong(time.get(0)) * 1_000_000L + Long.parseLong(time.get(1));
    }

    void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server again on the same port, empty. */
    void restart() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
