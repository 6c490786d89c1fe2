package io.switchboard.benchmarks.send;

import io.switchboard.application.Attempt;
import io.switchboard.application.AttemptOutcome;
import io.switchboard.application.BreakerSettings;
import io.switchboard.application.Delivery;
import io.switchboard.application.RoutingPolicy;
import io.switchboard.Switchboard;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.message.MessageRequest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What failover costs through the facade, against a sandbox JVM. US SMS is cheapest on Telnyx, then Plivo, then
 * Twilio, so with least-cost routing Telnyx is tried first and Plivo takes over when it fails.
 *
 * <p>Part 1, the added latency of a send whose cheapest account is down, before its breaker opens (the breakers are
 * set so that they stay closed during the measurement): Telnyx refuses the connection (its URL names a closed port),
 * answers 503, or answers 429 (with Retry-After: 1, as Telnyx does; the facade's clock is moved past it between two
 * sends so that every measured send meets the 429 rather than skipping the account). The baseline is the same send
 * with Plivo first in a fixed priority: the difference is what the failed attempt and the failover add. The
 * scenarios take turns in rounds.
 *
 * <p>Part 2, the open breaker: Telnyx answers 503 to every send; with the default breaker (50% of at least 10 calls)
 * and a 3 s cooldown, the facade sends continuously and the Telnyx emulator counts what reaches it: nothing between
 * the breaker opening and the end of its cooldown, then exactly one half-open probe per cooldown; once Telnyx
 * recovers, a probe closes the breaker and traffic returns.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.switchboard.benchmarks.send.FailoverBenchmark [--sends 2000] [--rounds 5]
 * </pre>
 */
public final class FailoverBenchmark {

    private static final Duration COOLDOWN = Duration.ofSeconds(3);

    private FailoverBenchmark() {
    }

    /** The system clock plus an offset that only grows: lets a run step past a Retry-After without waiting. */
    static final class SteppingClock extends Clock {
        private final AtomicLong offsetNanos = new AtomicLong();

        void step(Duration d) {
            offsetNanos.addAndGet(d.toNanos());
        }

        @Override
        public Instant instant() {
            return Instant.now().plusNanos(offsetNanos.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("http.maxConnections", "64");
        int sends = 2000;
        int rounds = 5;
        String attach = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sends" -> sends = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--sandbox" -> attach = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.println("# " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, load " + Measure.load());
        try (Sandbox sandbox = attach == null
                ? Sandbox.launch(List.of("-Xms1g", "-Xmx2g"), List.of("--threads", "64"))
                : Sandbox.attach(attach)) {
            costBeforeTheBreakerOpens(sandbox, sends, rounds);
            openBreaker(sandbox);
        }
    }

    // ---- part 1

    private static void costBeforeTheBreakerOpens(Sandbox sandbox, int sends, int rounds) throws Exception {
        SteppingClock clock = new SteppingClock();
        int port = closedPort();
        try (Switchboard facade = Clients.facadeBuilder(sandbox, Clients.MAX_CONCURRENCY)
                .breakers(Clients.breakersThatStayClosed()).clock(clock).build();
             Switchboard refusing = refusingTelnyx(sandbox, port)) {
            RoutingPolicy leastCost = RoutingPolicy.ofDefaults();
            RoutingPolicy plivoFirst = RoutingPolicy.builder().priority(Clients.PLIVO).build();
            Map<String, Scenario> scenarios = new LinkedHashMap<>();
            scenarios.put("baseline: Plivo first, no failure", new Scenario(facade, plivoFirst, null, 0, false));
            scenarios.put("Telnyx healthy (no failover)", new Scenario(facade, leastCost, null, 0, false));
            scenarios.put("Telnyx refuses the connection", new Scenario(refusing, leastCost, null, 0, false));
            scenarios.put("Telnyx answers 503", new Scenario(facade, leastCost, sandbox, 503, false));
            scenarios.put("Telnyx answers 429 (Retry-After: 1)", new Scenario(facade, leastCost, sandbox, 429, true));
            scenarios.values().forEach(s -> s.clock = clock);

            String loadBefore = Measure.load();
            for (Scenario s : scenarios.values()) {
                s.run(sends / rounds / 2, null);      // warm-up
            }
            for (int r = 0; r < rounds; r++) {
                for (Scenario s : scenarios.values()) {
                    s.run(sends / rounds, s.samples);
                }
                sandbox.forget();
            }
            // The sends that follow a 429: the account is marked until Retry-After and they do not call it. In
            // bursts of 50 sends right after one 429, well within the second it asks for.
            Scenario skip = new Scenario(facade, leastCost, null, 0, false);
            skip.clock = clock;
            for (int burst = 0; burst < sends / 50; burst++) {
                sandbox.fail("telnyx", 429, 1);
                skip.run(1, null);
                skip.run(50, skip.samples);
                clock.step(Duration.ofSeconds(2));
            }
            scenarios.put("after a 429: Telnyx skipped until Retry-After", skip);

            System.out.printf(Locale.ROOT, "%n## Failover cost before the breaker opens, sequential sends, %d each: load "
                    + "%s before, %s after%n", sends, loadBefore, Measure.load());
            System.out.println("| scenario | sends | p50 us | p99 us | added p50 us | added p99 us | failed attempt "
                    + "p50 / p99 us | Telnyx calls | outcome |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
            Measure.Samples base = scenarios.values().iterator().next().samples;
            scenarios.forEach((name, s) -> System.out.printf(Locale.ROOT,
                    "| %s | %d | %.0f | %.0f | %s | %s | %s | %d | %s |%n", name, s.samples.count(),
                    s.samples.percentileMicros(50), s.samples.percentileMicros(99),
                    s == scenarios.values().iterator().next() ? "-" : String.format(Locale.ROOT, "%+.0f",
                            s.samples.percentileMicros(50) - base.percentileMicros(50)),
                    s == scenarios.values().iterator().next() ? "-" : String.format(Locale.ROOT, "%+.0f",
                            s.samples.percentileMicros(99) - base.percentileMicros(99)),
                    s.failed.count() == 0 ? "-" : String.format(Locale.ROOT, "%.0f / %.0f",
                            s.failed.percentileMicros(50), s.failed.percentileMicros(99)),
                    s.telnyxCalls, s.outcomes));
        }
    }

    /** A facade whose Telnyx account points at a loopback port nobody listens on. */
    private static Switchboard refusingTelnyx(Sandbox sandbox, int port) {
        return Clients.facadeBuilder(sandbox.with("telnyx.baseUrl", "http://127.0.0.1:" + port + "/v2"),
                Clients.MAX_CONCURRENCY).breakers(Clients.breakersThatStayClosed()).build();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** One way a send meets (or not) a failing Telnyx, and what its sends measured. */
    private static final class Scenario {
        final Switchboard facade;
        final RoutingPolicy policy;
        final Sandbox faults;
        final int status;
        final boolean stepPastRetryAfter;
        final Measure.Samples samples = new Measure.Samples();
        final Measure.Samples failed = new Measure.Samples();
        final Map<String, Integer> outcomes = new LinkedHashMap<>();
        SteppingClock clock;
        long telnyxCalls;
        int next;

        Scenario(Switchboard facade, RoutingPolicy policy, Sandbox faults, int status, boolean stepPastRetryAfter) {
            this.facade = facade;
            this.policy = policy;
            this.faults = faults;
            this.status = status;
            this.stepPastRetryAfter = stepPastRetryAfter;
        }

        void run(int n, Measure.Samples into) {
            if (faults != null && status != 0) {
                faults.fail("telnyx", status, n);
            }
            long[] lat = new long[n];
            List<Long> failedAttempts = new ArrayList<>();
            SenderPool pool = new SenderPool(Clients.POOL);
            for (int i = 0; i < n; i++) {
                MessageRequest request = MessageRequest.sms(Clients.toNumber(next++), pool, Clients.TEXT);
                long t0 = System.nanoTime();
                Delivery d = facade.messages().send(request, policy);
                lat[i] = System.nanoTime() - t0;
                if (into == null) {
                    continue;
                }
                String outcome = describe(d);
                outcomes.merge(outcome, 1, Integer::sum);
                for (Attempt a : d.attempts()) {
                    if (a.account().equals(Clients.TELNYX) && a.calledVendor()) {
                        telnyxCalls++;
                    }
                    if (a.outcome() == AttemptOutcome.FAILED) {
                        failedAttempts.add(a.latency().toNanos());
                    }
                }
                if (stepPastRetryAfter) {
                    clock.step(Duration.ofSeconds(2));
                }
            }
            if (into != null) {
                into.add(lat, n);
                failed.add(failedAttempts.stream().mapToLong(Long::longValue).toArray(), failedAttempts.size());
            } else if (stepPastRetryAfter) {
                clock.step(Duration.ofSeconds(2));
            }
            if (faults != null && status != 0) {
                faults.clear("telnyx");
            }
        }
    }

    /** "sent by plivo after telnyx FAILED (UNAVAILABLE)" and the like. */
    private static String describe(Delivery d) {
        StringBuilder out = new StringBuilder();
        if (d instanceof Delivery.Sent sent) {
            out.append("sent by ").append(sent.account().vendor().name().toLowerCase(Locale.ROOT));
        } else {
            out.append(d.getClass().getSimpleName());
        }
        for (Attempt a : d.attempts()) {
            if (a.outcome() != AttemptOutcome.ACCEPTED) {
                out.append(" after ").append(a.account().vendor().name().toLowerCase(Locale.ROOT)).append(' ')
                        .append(a.outcome()).append(a.failure().map(f -> " (" + f.kind() + ")").orElse(""));
            }
        }
        return out.toString();
    }

    // ---- part 2

    private static void openBreaker(Sandbox sandbox) throws InterruptedException {
        BreakerSettings breakers = new BreakerSettings(BreakerSettings.DEFAULT_FAILURE_RATE,
                BreakerSettings.DEFAULT_SLOW_CALL_RATE, BreakerSettings.DEFAULT_SLOW_CALL_DURATION,
                BreakerSettings.DEFAULT_WINDOW, BreakerSettings.DEFAULT_MINIMUM_CALLS, COOLDOWN,
                BreakerSettings.DEFAULT_HALF_OPEN_CALLS);
        System.out.printf(Locale.ROOT, "%n## Open breaker: Telnyx answers 503 to every send; default thresholds (%.0f%% "
                + "of at least %d calls), cooldown %s, %d half-open probe; load %s%n",
                breakers.failureRateThreshold(), breakers.minimumNumberOfCalls(), COOLDOWN,
                breakers.permittedCallsInHalfOpenState(), Measure.load());
        try (Switchboard facade = Clients.facadeBuilder(sandbox, Clients.MAX_CONCURRENCY).breakers(breakers).build()) {
            Breaker b = new Breaker(facade, sandbox);
            sandbox.fail("telnyx", 503, 1_000_000);
            long start = System.nanoTime();
            int toOpen = b.sendUntil(() -> b.state().equals("OPEN"), Duration.ofSeconds(30));
            long openedAt = System.nanoTime();
            long seen = b.telnyxSends();
            System.out.println("| phase | sends | requests reaching Telnyx (emulator count) | breaker after |");
            System.out.println("|---|---:|---:|---|");
            System.out.printf(Locale.ROOT, "| until the breaker opens (%.2f s) | %d | %d | %s |%n",
                    (openedAt - start) / 1e9, toOpen, seen, b.state());
            for (int cycle = 1; cycle <= 2; cycle++) {
                // From the opening to just before the end of the cooldown: nothing may reach Telnyx.
                long until = openedAt + COOLDOWN.minusMillis(150).toNanos();
                int whileOpen = b.sendUntil(() -> System.nanoTime() >= until, COOLDOWN.plusSeconds(5));
                long count = b.telnyxSends();
                System.out.printf(Locale.ROOT, "| open, cycle %d: the first %.2f s of the cooldown | %d | %d | %s |%n",
                        cycle, (System.nanoTime() - openedAt) / 1e9, whileOpen, count - seen, b.state());
                seen = count;
                // Then the first send that calls Telnyx: the half-open probe; it fails and the breaker opens again.
                int toProbe = b.sendUntil(b::calledTelnyx, Duration.ofSeconds(10));
                long probeAt = System.nanoTime();
                count = b.telnyxSends();
                System.out.printf(Locale.ROOT, "| cycle %d: the half-open probe, %.2f s after the opening | %d | %d | %s |%n",
                        cycle, (probeAt - openedAt) / 1e9, toProbe, count - seen, b.state());
                seen = count;
                openedAt = probeAt;
            }
            sandbox.clear("telnyx");
            long recovered = System.nanoTime();
            int untilClosed = b.sendUntil(() -> b.state().equals("CLOSED"), Duration.ofSeconds(10));
            long count = b.telnyxSends();
            System.out.printf(Locale.ROOT, "| Telnyx recovers: until a probe closes the breaker (%.2f s) | %d | %d | %s |%n",
                    (System.nanoTime() - recovered) / 1e9, untilClosed, count - seen, b.state());
            seen = count;
            int after = b.sendFor(Duration.ofMillis(500));
            System.out.printf(Locale.ROOT, "| closed again: traffic returns (0.5 s) | %d | %d | %s |%n", after,
                    b.telnyxSends() - seen, b.state());
            System.out.printf(Locale.ROOT, "%nTelnyx calls seen by the client: %d; requests the Telnyx emulator received: "
                    + "%d%n", b.clientTelnyxCalls, b.telnyxSends());
        }
    }

    /** Sends continuously through one facade and reads the emulator's count of Telnyx sends. */
    private static final class Breaker {
        final Switchboard facade;
        final Sandbox sandbox;
        final SenderPool pool = new SenderPool(Clients.POOL);
        final long baseline;
        long clientTelnyxCalls;
        boolean lastCalledTelnyx;
        int next;

        Breaker(Switchboard facade, Sandbox sandbox) {
            this.facade = facade;
            this.sandbox = sandbox;
            this.baseline = sandbox.stats().get("telnyx.sends");
        }

        String state() {
            return facade.router().breakerState(Clients.TELNYX);
        }

        long telnyxSends() {
            return sandbox.stats().get("telnyx.sends") - baseline;
        }

        void send() {
            Delivery d = facade.messages().send(MessageRequest.sms(Clients.toNumber(next++), pool, Clients.TEXT));
            if (!(d instanceof Delivery.Sent)) {
                throw new IllegalStateException("a send failed over to no one: " + d);
            }
            lastCalledTelnyx = false;
            for (Attempt a : d.attempts()) {
                if (a.account().equals(Clients.TELNYX) && a.calledVendor()) {
                    clientTelnyxCalls++;
                    lastCalledTelnyx = true;
                }
            }
        }

        /** Whether the last send called Telnyx. */
        boolean calledTelnyx() {
            return lastCalledTelnyx;
        }

        int sendFor(Duration d) {
            long end = System.nanoTime() + d.toNanos();
            int n = 0;
            while (System.nanoTime() < end) {
                send();
                n++;
            }
            return n;
        }

        /** Sends until {@code done} holds after a send (at least one send); the number of sends. */
        int sendUntil(java.util.function.BooleanSupplier done, Duration limit) {
            long end = System.nanoTime() + limit.toNanos();
            int n = 0;
            do {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("not reached in " + limit + "; breaker " + state());
                }
                send();
                n++;
            } while (!done.getAsBoolean());
            return n;
        }
    }
}
