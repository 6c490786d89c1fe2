package io.switchboard.benchmarks.send;

import io.switchboard.Switchboard;
import okhttp3.OkHttpClient;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Send throughput and latency, side by side in one run against one sandbox JVM: raw OkHttp (the floor), our
 * adapter, the vendor's official SDK and the facade, per vendor, on one thread and on 16. Every client sends the
 * same SMS; the clients take turns in rounds (the order rotating each round) so that drifts of a loaded machine
 * spread over all of them.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.switchboard.benchmarks.send.SendBenchmark \
 *     [--sends 12000] [--rounds 6] [--warmup 3000] [--threads 1,16] [--vendors twilio,plivo,telnyx] \
 *     [--kinds raw-okhttp,adapter,sdk,facade] [--sandbox http://127.0.0.1:PORT] [--check] [--stub]
 * </pre>
 *
 * Without {@code --sandbox} it starts {@link SandboxMain} in a JVM of its own and stops it at the end; with
 * {@code --stub}, against its no-work stubs (every send answered with one canned response) rather than the emulators.
 * Besides latency and throughput it reports what each send costs in CPU: the client process, the sending threads
 * alone, and the server's JVM, and the bytes the sending threads allocate.
 */
public final class SendBenchmark {

    private SendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Before any HttpURLConnection is used (the control client uses one): the Telnyx SDK's connector keeps this
        // many idle connections per host, 5 by default, too few to reuse connections at 16 threads.
        System.setProperty("http.maxConnections", "64");
        Options o = Options.parse(args);
        System.out.println("# " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + ", load " + Measure.load());
        List<String> server = o.stub ? List.of("--threads", "64", "--stub") : List.of("--threads", "64");
        try (Sandbox sandbox = o.sandbox == null
                ? Sandbox.launch(List.of("-Xms1g", "-Xmx3g"), server)
                : Sandbox.attach(o.sandbox)) {
            System.out.println("# server: " + sandbox.get("server"));
            OkHttpClient http = Clients.okHttp(Clients.MAX_CONCURRENCY);
            Switchboard facade = o.kinds.contains("facade") ? Clients.facade(sandbox, Clients.MAX_CONCURRENCY) : null;
            List<SendClient> clients = clients(o, sandbox, http, facade);
            try {
                if (o.check) {
                    check(sandbox, clients);
                    return;
                }
                for (int threads : o.threads) {
                    run(o, sandbox, clients, threads);
                }
            } finally {
                for (SendClient c : clients) {
                    c.close();
                }
                if (facade != null) {
                    facade.close();
                }
                Clients.close(http);
            }
        }
    }

    private static List<SendClient> clients(Options o, Sandbox sandbox, OkHttpClient http, Switchboard facade) {
        List<SendClient> clients = new ArrayList<>();
        for (String vendor : o.vendors) {
            for (String kind : o.kinds) {
                SendClient client = switch (kind) {
                    case "raw-okhttp" -> switch (vendor) {
                        case "twilio" -> Clients.rawTwilio(sandbox, http);
                        case "plivo" -> Clients.rawPlivo(sandbox, http);
                        default -> Clients.rawTelnyx(sandbox, http);
                    };
                    case "adapter" -> Clients.adapter(vendor, sandbox, http);
                    case "sdk" -> switch (vendor) {
                        case "twilio" -> Clients.twilioSdk(sandbox);
                        case "plivo" -> Clients.plivoSdk(sandbox);
                        default -> Clients.telnyxSdk(sandbox);
                    };
                    case "facade" -> Clients.facade(vendor, facade);
                    default -> throw new IllegalArgumentException("unknown kind " + kind);
                };
                clients.add(client);
            }
        }
        return clients;
    }

    /** One send per client, and the request the emulator received from it: the wire requests side by side. */
    private static void check(Sandbox sandbox, List<SendClient> clients) throws Exception {
        for (SendClient c : clients) {
            c.send(0);
            System.out.println("==== " + c.label());
            System.out.println(sandbox.recent(c.vendor(), 1));
        }
    }

    private static void run(Options o, Sandbox sandbox, List<SendClient> clients, int threads) {
        ExecutorService pool = threads > 1 ? Measure.threads(threads, "send") : null;
        Map<SendClient, Measure.Samples> samples = new LinkedHashMap<>();
        Map<SendClient, AtomicInteger> counters = new LinkedHashMap<>();
        clients.forEach(c -> {
            samples.put(c, new Measure.Samples());
            counters.put(c, new AtomicInteger());
        });
        String loadBefore = Measure.load();
        long started = System.nanoTime();
        // Warm-up, in slices so that every client's code is compiled before any is measured.
        int slices = 3;
        for (int s = 0; s < slices; s++) {
            for (SendClient c : clients) {
                Measure.segment(pool, threads, round(o.warmup / slices, threads), counters.get(c), c::send, null);
            }
        }
        sandbox.forget();
        int perRound = round(o.sends / o.rounds, threads);
        for (int r = 0; r < o.rounds; r++) {
            for (int k = 0; k < clients.size(); k++) {
                SendClient c = clients.get((k + r) % clients.size());
                long serverCpu = sandbox.stats().get("cpuNanos");
                Measure.segment(pool, threads, perRound, counters.get(c), c::send, samples.get(c));
                samples.get(c).addServerCpu(sandbox.stats().get("cpuNanos") - serverCpu);
            }
            sandbox.forget();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (pool != null) {
            pool.shutdownNow();
        }
        report(threads, samples, loadBefore, Measure.load(), seconds);
    }

    private static int round(int n, int threads) {
        return Math.max(threads, n / threads * threads);
    }

    private static void report(int threads, Map<SendClient, Measure.Samples> samples, String loadBefore,
            String loadAfter, double seconds) {
        System.out.printf(Locale.ROOT, "%n## %d thread%s: load average %s before, %s after (%.0f s)%n", threads,
                threads == 1 ? "" : "s", loadBefore, loadAfter, seconds);
        System.out.printf(Locale.ROOT, "| %-7s | %-10s | %6s | %8s | %8s | %8s | %8s | %11s | %11s | %10s | %11s | %s |%n",
                "vendor", "client", "sends", "req/s", "p50 us", "p99 us", "mean us", "process CPU", "thread CPU",
                "alloc", "server CPU", "errors");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        Map<String, Measure.Samples> byLabel = new LinkedHashMap<>();
        samples.forEach((c, s) -> {
            byLabel.put(c.label(), s);
            System.out.printf(Locale.ROOT,
                    "| %-7s | %-10s | %6d | %8.0f | %8.0f | %8.0f | %8.0f | %8.0f us | %8.0f us | %7.1f KB | %8.0f us | %s |%n",
                    c.vendor(), c.kind(), s.count(), s.throughput(), s.percentileMicros(50), s.percentileMicros(99),
                    s.meanMicros(), s.cpuMicrosPerCall(), s.threadCpuMicrosPerCall(), s.allocatedKbPerCall(),
                    s.serverCpuMicrosPerCall(),
                    s.errors() == 0 ? "0" : s.errors() + " (" + s.firstError() + ")");
        });
        System.out.println();
        System.out.println("| vendor | comparison | req/s ratio | p50 ratio | p99 ratio | process CPU ratio | thread CPU ratio |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        for (String vendor : List.of("twilio", "plivo", "telnyx")) {
            ratio(byLabel, vendor, "adapter", "raw-okhttp", "adapter / raw OkHttp");
            ratio(byLabel, vendor, "adapter", "sdk", "adapter / official SDK");
            ratio(byLabel, vendor, "facade", "adapter", "facade / adapter");
            ratio(byLabel, vendor, "facade", "sdk", "facade / official SDK");
        }
    }

    /** Throughput of {@code a} over {@code b}, and latencies and client CPU of b over a: above 1, a is faster. */
    private static void ratio(Map<String, Measure.Samples> byLabel, String vendor, String a, String b, String name) {
        Measure.Samples x = byLabel.get(vendor + "/" + a);
        Measure.Samples y = byLabel.get(vendor + "/" + b);
        if (x == null || y == null) {
            return;
        }
        System.out.printf(Locale.ROOT, "| %s | %s | %.2fx | %.2fx | %.2fx | %.2fx | %.2fx |%n", vendor, name,
                x.throughput() / y.throughput(), y.percentileMicros(50) / x.percentileMicros(50),
                y.percentileMicros(99) / x.percentileMicros(99), y.cpuMicrosPerCall() / x.cpuMicrosPerCall(),
                y.threadCpuMicrosPerCall() / x.threadCpuMicrosPerCall());
    }

    private static final class Options {
        int sends = 12_000;
        int rounds = 6;
        int warmup = 3_000;
        int[] threads = {1, 16};
        List<String> vendors = List.of("twilio", "plivo", "telnyx");
        List<String> kinds = List.of("raw-okhttp", "adapter", "sdk", "facade");
        String sandbox;
        boolean check;
        boolean stub;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--sends" -> o.sends = Integer.parseInt(args[++i]);
                    case "--rounds" -> o.rounds = Integer.parseInt(args[++i]);
                    case "--warmup" -> o.warmup = Integer.parseInt(args[++i]);
                    case "--threads" -> o.threads = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt)
                            .toArray();
                    case "--vendors" -> o.vendors = List.of(args[++i].split(","));
                    case "--kinds" -> o.kinds = List.of(args[++i].split(","));
                    case "--sandbox" -> o.sandbox = args[++i];
                    case "--check" -> o.check = true;
                    case "--stub" -> o.stub = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return o;
        }
    }
}
