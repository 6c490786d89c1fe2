package io.switchboard.demo.fleet;

import io.switchboard.sandbox.plivo.PlivoEmulator;
import io.switchboard.testing.EmbeddedSandbox;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a fleet scenario runs on, all started by the test from Maven dependencies: the three emulators (in this JVM),
 * a real PostgreSQL and a real Redis, each on its own loopback port, with a data directory that survives a restart;
 * and the instances, each a JVM of its own running {@link FleetInstance} on a configuration file pointing at all three.
 */
public final class FleetServers implements AutoCloseable {

    public final EmbeddedSandbox sandbox;
    public final Path directory;
    private final Path pgData;
    private final int pgPort;
    private final int redisPort;
    private EmbeddedPostgres postgres;
    private RedisServer redis;
    private final List<Process> instances = new ArrayList<>();

    public FleetServers(Path directory) {
        this.directory = directory;
        this.sandbox = EmbeddedSandbox.start();
        // The scenarios are about shared state, not funds: the emulators' starting balances (Telnyx's 100 USD is
        // about 2,200 UK messages) would run out in a 10,000-reference run and turn it into a wait for the accounts
        // still in an outage.
        sandbox.telnyx().setBalance(new BigDecimal("1000000.00"), BigDecimal.ZERO);
        sandbox.plivo().setCashCredits(PlivoEmulator.AUTH_ID, new BigDecimal("1000000.00"));
        this.pgData = directory.resolve("pg-data");
        this.pgPort = freePort();
        int redis = freePort();
        while (redis == pgPort) {
            redis = freePort();
        }
        this.redisPort = redis;
        startPostgres(false); // a new directory: initialised on the first start, kept on close for the restart
        startRedis();
    }

    private void startPostgres(boolean clean) { // clean: a fresh directory, deleted again on close
        try {
            postgres = EmbeddedPostgres.builder().setPort(pgPort).setDataDirectory(pgData)
                    .setCleanDataDirectory(clean).setPGStartupWait(Duration.ofSeconds(60)).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startRedis() {
        try {
            redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").setting("save \"\"")
                    .setting("appendonly no").build();
            redis.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops PostgreSQL and Redis (their ports refuse connections; PostgreSQL keeps its data). */
    public void stopStores() throws IOException {
        postgres.close();
        redis.stop();
    }

    /** Starts both again on the same ports; PostgreSQL on the same data. */
    public void startStores() throws IOException {
        startPostgres(false);
        redis.start();
    }

    /**
     * A configuration file for one instance: the emulators' accounts, {@code extraYaml} (rate limits, say), and the
     * shared state on this PostgreSQL (with a claim lease of {@code lease}) and Redis.
     */
    public Path configuration(String name, Duration lease, String extraYaml) throws IOException {
        Path dir = Files.createDirectories(directory.resolve(name));
        Path config = sandbox.writeConfiguration(dir, EmbeddedSandbox.POOL);
        String yaml = Files.readString(config) + extraYaml
                + "state:\n  postgres: {url: \"jdbc:postgresql://localhost:" + pgPort + "/postgres\", user: postgres,"
                + " poolSize: 4, lease: " + lease.toMillis() + "ms}\n"
                + "  redis: {uri: \"redis://127.0.0.1:" + redisPort + "\", instances: 3}\n";
        return Files.writeString(config, yaml);
    }

    /** Starts an instance: a JVM running {@link FleetInstance} on this classpath, its output to {@code log}. */
    public Process instance(Path config, String prefix, int from, int to, int concurrency, Path log) throws IOException {
        return instance(config, prefix, from, to, concurrency, log, false);
    }

    /** As {@link #instance}; with {@code recover}, the instance first runs one read-back (see {@link FleetInstance}). */
    public Process instance(Path config, String prefix, int from, int to, int concurrency, Path log, boolean recover)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), FleetInstance.class.getName(), config.toString(), prefix,
                Integer.toString(from), Integer.toString(to), Integer.toString(concurrency)));
        if (recover) {
            command.add("recover");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(sandbox.environment());
        Process process = builder.start();
        instances.add(process);
        return process;
    }

    /** The claims of the ledger in flight now, by instance id (empty before the schema exists). */
    public Map<String, Integer> claimsInFlightByInstance() {
        Map<String, Integer> claims = new java.util.HashMap<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT instance_id, count(*) FROM switchboard.ledger"
                     + " WHERE state = 'IN_FLIGHT' GROUP BY instance_id")) {
            while (r.next()) {
                claims.put(r.getString(1), r.getInt(2));
            }
        } catch (SQLException e) {
            // no ledger yet: no claims
        }
        return claims;
    }

    /** The claims in flight of the instance whose process is {@code pid} (its ledger id is {@code <pid>@<host>}). */
    public int claimsInFlightBy(long pid) {
        return claimsInFlightByInstance().entrySet().stream().filter(e -> e.getKey().startsWith(pid + "@"))
                .mapToInt(Map.Entry::getValue).sum();
    }

    /** The lines an instance printed. */
    public static List<String> lines(Path log) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(log),
                StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        instances.forEach(Process::destroyForcibly);
        sandbox.close();
        try {
            redis.stop();
        } finally {
            postgres.close();
        }
    }
}
