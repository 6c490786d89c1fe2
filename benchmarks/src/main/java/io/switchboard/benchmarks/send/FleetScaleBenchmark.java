package io.switchboard.benchmarks.send;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link InternetScaleBenchmark} as a fleet: one emulator JVM answering every request 200 ms late, a real PostgreSQL
 * and Redis on loopback, and {@code --instances} instance JVMs started together, each sending {@code --sends}
 * messages with client references at {@code --concurrency} in flight, its ledger, records and opt-outs on
 * PostgreSQL and its budgets and Retry-After marks on Redis ({@code --in-memory}: each instance's state in its own
 * memory, the same run without the stores). Prints each instance's report, then the fleet's over the span in which
 * every instance was in its measured run: its sends per second, and the CPU time the instances, PostgreSQL, Redis and
 * the emulators used in it, in all and per send (from Linux's {@code /proc}; see {@link ProcessCpu}).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.switchboard.benchmarks.send.FleetScaleBenchmark \
 *     [--instances 3] [--sends 20000] [--concurrency 256] [--warmup 4000] [--in-memory]
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
        boolean inMemory = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--instances" -> instances = Integer.parseInt(args[++i]);
                case "--sends" -> sends = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--in-memory" -> inMemory = true;
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
            Window window = new Window(instances);
            List<Thread> readers = new ArrayList<>();
            for (int n = 0; n < instances; n++) {
                List<String> command = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
                        System.getProperty("java.class.path"), InternetScaleBenchmark.class.getName(),
                        "--sandbox", sandbox.get("control"), "--references", "fleet" + n,
                        "--sends", Integer.toString(sends), "--concurrency", Integer.toString(concurrency),
                        "--warmup", Integer.toString(warmup)));
                if (!inMemory) {
                    command.addAll(List.of("--postgres", jdbc, "--redis", "redis://127.0.0.1:" + redisPort));
                }
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                int index = n;
                Thread reader = new Thread(() -> window.read(index, process), "instance-" + (n + 1));
                reader.start();
                readers.add(reader);
            }
            for (Thread reader : readers) {
                reader.join();
            }
            window.report(inMemory);
        } finally {
            redis.stop();
        }
    }

    /**
     * The span in which every instance was in its measured run (from the last one's start to the first one's end),
     * the sends done in it and the CPU each role used in it. Each instance's output is printed as it comes.
     */
    private static final class Window {
        private final long[] done;
        private final boolean[] started;
        private int running;
        private boolean over;
        private Map<String, Double> cpuAtStart;
        private Map<String, Double> cpuAtEnd;
        private long sendsAtStart;
        private long sendsAtEnd;
        private long nanosAtStart;
        private long nanosAtEnd;

        Window(int instances) {
            this.done = new long[instances];
            this.started = new boolean[instances];
        }

        void read(int index, Process process) {
            String prefix = "instance " + (index + 1) + ": ";
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(InternetScaleBenchmark.PROGRESS)) {
                        progress(index, Long.parseLong(line.substring(InternetScaleBenchmark.PROGRESS.length())));
                    } else if (line.equals(InternetScaleBenchmark.MEASURED_START)) {
                        started(index);
                    } else if (line.startsWith(InternetScaleBenchmark.MEASURED_END)) {
                        ended(index, Long.parseLong(line.substring(InternetScaleBenchmark.MEASURED_END.length())));
                    } else if (!line.contains(" INFO ")) {
                        synchronized (System.out) {
                            System.out.println(prefix + line);
                        }
                    }
                }
                process.waitFor();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private synchronized void progress(int index, long sends) {
            done[index] = sends;
        }

        private synchronized void started(int index) {
            started[index] = true;
            done[index] = 0;
            if (++running == done.length) {
                cpuAtStart = ProcessCpu.snapshot(FleetScaleBenchmark::role);
                sendsAtStart = total();
                nanosAtStart = System.nanoTime();
            }
        }

        private synchronized void ended(int index, long sends) {
            done[index] = sends;
            if (running == done.length && !over) {
                over = true;
                cpuAtEnd = ProcessCpu.snapshot(FleetScaleBenchmark::role);
                sendsAtEnd = total();
                nanosAtEnd = System.nanoTime();
            }
        }

        private long total() {
            long sum = 0;
            for (long d : done) {
                sum += d;
            }
            return sum;
        }

        synchronized void report(boolean inMemory) {
            if (cpuAtStart == null || cpuAtEnd == null) {
                System.out.println("no span in which every instance was in its measured run");
                return;
            }
            long sends = sendsAtEnd - sendsAtStart;
            double seconds = (nanosAtEnd - nanosAtStart) / 1e9;
            System.out.printf(Locale.ROOT, "%n## The fleet while every instance was in its measured run (%s): %.1f s,"
                    + " %d sends, %.0f sends/s%n", inMemory ? "state in memory" : "state on PostgreSQL and Redis",
                    seconds, sends, sends / seconds);
            System.out.println("| process | CPU used | CPU per send | share of the cores (" + Runtime.getRuntime()
                    .availableProcessors() + ") |");
            System.out.println("|---|---:|---:|---:|");
            Map<String, Double> used = ProcessCpu.between(cpuAtStart, cpuAtEnd);
            double all = 0;
            for (String role : List.of("instances", "postgresql", "redis", "emulators")) {
                double cpu = used.getOrDefault(role, 0.0);
                all += cpu;
                System.out.printf(Locale.ROOT, "| %s | %.1f s | %.0f µs | %.0f %% |%n", role, cpu,
                        sends == 0 ? 0 : cpu * 1e6 / sends,
                        100 * cpu / seconds / Runtime.getRuntime().availableProcessors());
            }
            System.out.printf(Locale.ROOT, "| all | %.1f s | %.0f µs | %.0f %% |%n", all,
                    sends == 0 ? 0 : all * 1e6 / sends,
                    100 * all / seconds / Runtime.getRuntime().availableProcessors());
        }
    }

    /** Which part of the fleet a process is, by its command name and command line; null for the rest. */
    private static String role(String command, String commandLine) {
        if (commandLine.contains(InternetScaleBenchmark.class.getName())) {
            return "instances";
        }
        if (commandLine.contains(SandboxMain.class.getName())) {
            return "emulators";
        }
        if (command.equals("postgres")) {
            return "postgresql";
        }
        return command.startsWith("redis-server") ? "redis" : null;
    }
}
