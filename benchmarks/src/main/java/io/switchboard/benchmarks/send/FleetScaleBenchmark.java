package io.switchboard.benchmarks.send;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link InternetScaleBenchmark} as a fleet: one emulator JVM answering every request 200 ms late, a real PostgreSQL
 * and Redis on loopback, and {@code --instances} instance JVMs started together, each sending {@code --sends}
 * messages with client references at {@code --concurrency} in flight, its ledger, records and opt-outs on
 * PostgreSQL and its budgets and Retry-After marks on Redis. Prints each instance's report; their sends per second
 * add up to the fleet's while the measured runs overlap (the start and end of each are printed).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.switchboard.benchmarks.send.FleetScaleBenchmark \
 *     [--instances 3] [--sends 20000] [--concurrency 256] [--warmup 4000]
 * </pre>
 */
public final class FleetScaleBenchmark {

    private FleetScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int instances = 3;
        int sends = 20_000;
        int concurrency = 256;
        int warmup = 4_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--instances" -> instances = Integer.parseInt(args[++i]);
                case "--sends" -> sends = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        int redisPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            redisPort = socket.getLocalPort();
        }
        RedisServer redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").setting("save \"\"")
                .setting("appendonly no").build();
        redis.start();
        int serverThreads = Math.max(64, concurrency * instances * 2);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200").start();
             Sandbox sandbox = Sandbox.launch(List.of("-Xms1g", "-Xmx2g"),
                     List.of("--threads", Integer.toString(serverThreads), "--latency-ms", "200"))) {
            String jdbc = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            List<Process> processes = new ArrayList<>();
            for (int n = 0; n < instances; n++) {
                processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                        InternetScaleBenchmark.class.getName(), "--sandbox", sandbox.get("control"),
                        "--postgres", jdbc, "--redis", "redis://127.0.0.1:" + redisPort,
                        "--references", "fleet" + n, "--sends", Integer.toString(sends),
                        "--concurrency", Integer.toString(concurrency), "--warmup", Integer.toString(warmup))
                        .redirectErrorStream(true).start());
            }
            for (int n = 0; n < instances; n++) {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(processes.get(n).getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String prefix = "instance " + (n + 1) + ": ";
                    out.lines().filter(line -> !line.contains(" INFO ")).forEach(line -> System.out.println(prefix
                            + line));
                }
                processes.get(n).waitFor();
            }
        } finally {
            redis.stop();
        }
    }
}
