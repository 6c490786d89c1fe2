package io.switchboard.benchmarks.send;

import io.switchboard.BulkSummary;
import io.switchboard.Switchboard;
import io.switchboard.application.Attempt;
import io.switchboard.application.AttemptOutcome;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.message.MessageRequest;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * The facade's bulk send against emulators that answer every request 200 ms late, as a vendor across the internet
 * does: sends per second from one instance with a bounded number of threads, and the connections the emulators
 * accept (distinct client ports that sent a request), which once warm must stay at or below one per 100 requests.
 * Destinations alternate between the US (cheapest on Telnyx) and the UK (cheapest on Plivo).
 *
 * <pre>
 * java -Xmx512m -cp benchmarks/target/benchmarks.jar io.switchboard.benchmarks.send.InternetScaleBenchmark \
 *     [--sends 40000] [--concurrency 256] [--latency-ms 200] [--warmup 4000]
 *     [--sandbox CONTROL_URL] [--postgres JDBC_URL] [--redis REDIS_URI] [--references PREFIX]
 * </pre>
 *
 * <p>With {@code --postgres}/{@code --redis} the instance keeps its state there, as one instance of a fleet does
 * ({@link FleetScaleBenchmark} runs three); {@code --references} gives every send a client reference, so that the
 * ledger is used.
 */
public final class InternetScaleBenchmark {

    private InternetScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sends = 40_000;
        int concurrency = 256;
        int latencyMs = 200;
        int warmup = 4_000;
        String attach = null;
        String postgres = null;
        String redis = null;
        String references = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sends" -> sends = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--latency-ms" -> latencyMs = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--sandbox" -> attach = args[++i];
                case "--postgres" -> postgres = args[++i];
                case "--redis" -> redis = args[++i];
                case "--references" -> references = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        reference = references;
        System.out.println("# " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, client max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, load " + Measure.load());
        // Each emulator must be able to hold every request of the run at once: with 200 ms of latency a handler
        // thread serves at most five requests a second.
        int serverThreads = Math.max(64, concurrency * 2);
        try (Sandbox sandbox = attach != null ? Sandbox.attach(attach) : Sandbox.launch(List.of("-Xms1g", "-Xmx3g"),
                List.of("--threads", Integer.toString(serverThreads), "--latency-ms", Integer.toString(latencyMs)));
             Switchboard facade = shared(Clients.facadeBuilder(sandbox, concurrency), postgres, redis)
                     .warmUpPrices("US", "GB").build()) {
            run(sandbox, facade, warmup, concurrency, null);
            Run measured = new Run();
            run(sandbox, facade, sends, concurrency, measured);
            measured.report(sends, concurrency, latencyMs);
        }
    }

    /** The lines the measured run prints as it goes, for a parent process measuring CPU around it. */
    static final String MEASURED_START = "# measured run: start";
    static final String PROGRESS = "# measured run: sends done ";
    static final String MEASURED_END = "# measured run: end, sends done ";

    /** The client reference prefix of every send (the ledger is used only for sends with one); null for none. */
    private static String reference;

    /**
     * The builder with a fleet's shared state: the ledger, records and opt-outs on PostgreSQL ({@code jdbcUrl}, user
     * postgres, as the embedded server), the budgets and Retry-After marks on Redis; each null for in memory.
     */
    static io.switchboard.SwitchboardBuilder shared(io.switchboard.SwitchboardBuilder builder, String jdbcUrl,
            String redisUri) {
        if (jdbcUrl != null) {
            io.switchboard.state.postgres.PostgresState pg = io.switchboard.state.postgres.PostgresState.start(
                    jdbcUrl, "postgres", "unused", io.switchboard.state.postgres.PostgresSettings.ofDefaults()
                            .withPoolSize(32));
            builder.ledger(pg.ledger()).deliveryRecords(pg.records()).suppressions(pg.suppressions()).closing(pg);
        }
        if (redisUri != null) {
            io.switchboard.state.redis.RedisState redis = io.switchboard.state.redis.RedisState.builder(redisUri)
                    .instances(3).build();
            builder.budgets(redis.budgets()).retryAfterMarks(redis.retryAfterMarks()).closing(redis);
        }
        return builder;
    }

    /** What one measured bulk send saw, sampled every second by a monitor thread. */
    private static final class Run {
        final LongAdder completed = new LongAdder();
        final List<String> timeline = new ArrayList<>();
        /** Attempts that did not end accepted, by vendor, outcome and failure kind. */
        final Map<String, LongAdder> attempts = new ConcurrentSkipListMap<>();
        Map<String, Long> before;
        Map<String, Long> after;
        BulkSummary summary;
        long nanos;
        long peakHeap;
        int peakThreads;
        int threadsBefore;
        long heapAfterGc;
        String loadBefore;
        String loadAfter;

        void report(int sends, int concurrency, int latencyMs) {
            long requests = 0;
            long connections = 0;
            for (String vendor : List.of("twilio", "plivo", "telnyx")) {
                requests += after.get(vendor + ".requests") - before.get(vendor + ".requests");
                connections += after.get(vendor + ".connections") - before.get(vendor + ".connections");
            }
            double seconds = nanos / 1e9;
            System.out.printf(Locale.ROOT, "%n## Bulk send through the facade, %d ms per request at the emulators, "
                    + "concurrency %d: load %s before, %s after%n", latencyMs, concurrency, loadBefore, loadAfter);
            System.out.println("| measure | value |");
            System.out.println("|---|---:|");
            System.out.printf(Locale.ROOT, "| sends (sent / not sent / unknown) | %d (%d / %d / %d) |%n", sends,
                    summary.sent(), summary.notSent(), summary.outcomeUnknown());
            System.out.printf(Locale.ROOT, "| wall time | %.1f s |%n", seconds);
            System.out.printf(Locale.ROOT, "| sends/s | %.0f |%n", sends / seconds);
            System.out.printf(Locale.ROOT, "| requests the emulators received | %d |%n", requests);
            System.out.printf(Locale.ROOT, "| new connections the emulators saw (warm) | %d (%.3f per 100 requests) |%n",
                    connections, requests == 0 ? 0 : 100.0 * connections / requests);
            System.out.printf(Locale.ROOT, "| connections the emulators saw since the start | %d |%n",
                    after.get("twilio.connections") + after.get("plivo.connections")
                            + after.get("telnyx.connections"));
            System.out.printf(Locale.ROOT, "| client threads: before the run / peak | %d / %d |%n", threadsBefore,
                    peakThreads);
            System.out.printf(Locale.ROOT, "| client heap: peak used / after the run and a GC / max | %.0f / %.0f / "
                    + "%.0f MB |%n", peakHeap / 1e6, heapAfterGc / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
            System.out.println("| attempts not accepted (vendor, outcome, failure) | " + (attempts.isEmpty() ? "none"
                    : attempts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().sum())
                            .collect(Collectors.joining(", "))) + " |");
            System.out.println();
            System.out.println("per second: " + String.join(", ", timeline));
        }
    }

    private static void run(Sandbox sandbox, Switchboard facade, int sends, int concurrency, Run into)
            throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        SenderPool pool = new SenderPool(Clients.POOL);
        Iterable<MessageRequest> requests = () -> new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < sends;
            }

            @Override
            public MessageRequest next() {
                int n = i++;
                PhoneNumber to = n % 2 == 0 ? Clients.toNumber(n / 2) : uk(n / 2);
                MessageRequest request = MessageRequest.sms(to, pool, Clients.TEXT);
                return reference == null ? request
                        : request.withClientReference(reference + (into == null ? "-w-" : "-m-") + n);
            }
        };
        if (into == null) {
            BulkSummary warm = facade.messages().sendAll(requests, concurrency, (i, d) -> { });
            System.out.println("# warm-up: " + warm);
            return;
        }
        into.loadBefore = Measure.load();
        into.before = sandbox.stats();
        threads.resetPeakThreadCount();
        into.threadsBefore = threads.getThreadCount();
        AtomicLong peakHeap = new AtomicLong();
        Thread monitor = new Thread(() -> {
            long last = 0;
            long lastConnections = total(into.before, "connections");
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(1000);
                    peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    long done = into.completed.sum();
                    long connections = total(sandbox.stats(), "connections");
                    synchronized (into.timeline) {
                        into.timeline.add((done - last) + " sends, " + (connections - lastConnections) + " new conn");
                    }
                    System.out.println(PROGRESS + done); // read by FleetScaleBenchmark
                    last = done;
                    lastConnections = connections;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "monitor");
        monitor.setDaemon(true);
        monitor.start();
        System.out.println(MEASURED_START);
        long start = System.nanoTime();
        into.summary = facade.messages().sendAll(requests, concurrency, (i, d) -> {
            into.completed.increment();
            for (Attempt a : d.attempts()) {
                if (a.outcome() != AttemptOutcome.ACCEPTED) {
                    into.attempts.computeIfAbsent(a.account().vendor().name() + " " + a.outcome()
                            + a.failure().map(f -> " " + f.kind() + (a.outcome()
                                    == AttemptOutcome.OUTCOME_UNKNOWN
                                    ? " (" + f.message().replaceAll("[0-9]+", "#").substring(0,
                                            Math.min(60, f.message().length())) + ")" : "")).orElse(""),
                            k -> new LongAdder()).increment();
                }
            }
        });
        into.nanos = System.nanoTime() - start;
        System.out.println(MEASURED_END + sends);
        monitor.interrupt();
        monitor.join();
        into.after = sandbox.stats();
        into.loadAfter = Measure.load();
        into.peakThreads = threads.getPeakThreadCount();
        into.peakHeap = peakHeap.get();
        System.gc();
        into.heapAfterGc = memory.getHeapMemoryUsage().getUsed();
    }

    private static long total(Map<String, Long> stats, String what) {
        return stats.get("twilio." + what) + stats.get("plivo." + what) + stats.get("telnyx." + what);
    }

    private static final PhoneNumber[] UK = new PhoneNumber[100];

    static {
        for (int i = 0; i < UK.length; i++) {
            UK[i] = PhoneNumber.parse("+447700900" + (100 + i));
        }
    }

    private static PhoneNumber uk(int i) {
        return UK[i % UK.length];
    }
}
