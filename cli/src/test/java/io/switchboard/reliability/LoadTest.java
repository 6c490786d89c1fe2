package io.switchboard.reliability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.application.AccountSettings;
import io.switchboard.application.Attempt;
import io.switchboard.application.BreakerSettings;
import io.switchboard.application.Delivery;
import io.switchboard.application.MetricNames;
import io.switchboard.application.RoutingPolicy;
import io.switchboard.testing.EmbeddedSandbox;
import io.switchboard.Switchboard;
import io.switchboard.domain.AccountId;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.RateLimit;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.sandbox.LedgerEntry;
import io.switchboard.sandbox.RateLimiter;
import io.switchboard.sandbox.http.Match;
import io.switchboard.sandbox.plivo.PlivoEmulator;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 sends at 64 in flight over the three emulators, each of which faults 30% of the sends that reach it, drawn
 * from a seed ({@link LoadFaults}). Every request must end as sent, not sent (with a reason) or outcome unknown; the
 * ledger holds each sent one exactly once where it was sent, no not-sent one, and each unknown one at most once;
 * breakers open and close as configured; each account's client-side budget holds at the emulator; and closing the
 * facade and the sandbox leaves no thread, socket or reachable facade behind.
 *
 * <p>A longer soak: {@code mvn -pl cli -am verify -Dtest=LoadTest -Dsurefire.failIfNoSpecifiedTests=false -Dswitchboard.load.requests=200000}
 * ({@code -Dswitchboard.load.seed=...} replays another fault plan).
 */
class LoadTest {

    static final int REQUESTS = Integer.getInteger("switchboard.load.requests", 10_000);
    static final long SEED = Long.getLong("switchboard.load.seed", 20_261_123L);
    static final int CONCURRENCY = 64;
    /**
     * Each account's client-side budget: Twilio's is small enough to bind on any machine (a third of the traffic
     * tries Twilio first), the others' may bind on a fast one.
     */
    static final Map<AccountId, RateLimit> BUDGETS = Map.of(
            SandboxFacade.TWILIO, RateLimit.of(50, Duration.ofSeconds(1)),
            SandboxFacade.PLIVO, RateLimit.of(400, Duration.ofSeconds(1)),
            SandboxFacade.TELNYX, RateLimit.of(400, Duration.ofSeconds(1)));
    /**
     * The emulators count arrivals over half the budget's period: a request may reach its emulator later than the
     * client granted it (a busy machine, a queue), and that must not blame a correct client. A token bucket that
     * lets a full budget go at once and refills during the period would still show up to 1.5 times the budget.
     */
    static final Duration CHECK_WINDOW = Duration.ofMillis(500);
    /**
     * 60% of the last 20 calls (10 at least) failing opens a breaker; it probes with 2 calls after 100 ms. A quarter
     * of the calls to each account fail (the 30% of faults less those that say nothing of its health), so the rate
     * alone opens one now and then, and credentials or funds at once. While all three are open a request is refused
     * at once, without a network call, so a fast machine drains thousands of queued requests in one cooldown: the
     * cooldown is short and credentials or funds failures rare, so that seldom happens.
     */
    static final BreakerSettings BREAKERS = new BreakerSettings(60f, 100f, Duration.ofSeconds(10), 20, 10,
            Duration.ofMillis(100), 2);

    private static final SenderPool POOL = new SenderPool(EmbeddedSandbox.POOL);
    private static final List<PhoneNumber> DESTINATIONS = List.of(PhoneNumber.parse("+447700900001"),
            PhoneNumber.parse("+12025550199"), PhoneNumber.parse("+61491570999"));

    @Test
    void everyRequestEndsKnownAndTheLedgerAgrees() throws Exception {
        ResourceProbe before = ResourceProbe.now();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EmbeddedSandbox sandbox = SandboxFacade.sandbox(SEED, 256);
        ArrivalLog arrivals = ArrivalLog.install(sandbox, CHECK_WINDOW);
        sandbox.telnyx().apiRateLimit(1_000_000, Duration.ofMinutes(1)); // the budget under test is ours
        // Funds that last the run: an exhausted balance is a fault of the plan here, not of the sandbox's accounting.
        sandbox.telnyx().setBalance(new BigDecimal("1000000"), BigDecimal.ZERO);
        sandbox.plivo().setCashCredits(PlivoEmulator.AUTH_ID, new BigDecimal("1000000"));
        LoadFaults faults = new LoadFaults(SEED, sandbox);
        Delivery[] deliveries = new Delivery[REQUESTS];
        long start = System.nanoTime();
        WeakReference<Switchboard> facade = drive(sandbox, registry, faults, deliveries);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        sandbox.close(); // waits for every handler: whatever an emulator was still accepting is in the ledger now

        Report report = Report.of(deliveries, took, registry, arrivals, faults);
        System.out.println(report);
        System.out.println("attempts: " + report.attempts(deliveries));
        assertEveryRequestEndedKnown(deliveries);
        assertLedger(deliveries, sandbox);
        assertBreakers(report);
        assertBudgets(report, deliveries);
        assertNoLeak(before, facade);
    }

    /** Builds the facade, sends everything 64 at a time, closes it; only a weak reference to it is returned. */
    private static WeakReference<Switchboard> drive(EmbeddedSandbox sandbox, SimpleMeterRegistry registry,
            LoadFaults faults, Delivery[] deliveries) throws Exception {
        SandboxFacade wiring = new SandboxFacade().maxConcurrency(CONCURRENCY).breakers(BREAKERS)
                .readTimeout(Duration.ofSeconds(2)).callTimeout(Duration.ofSeconds(4))
                .customize(b -> b.meterRegistry(registry));
        BUDGETS.forEach((account, budget) -> wiring.settings(account, AccountSettings.ofDefaults()
                .withRateLimit(budget)));
        ExecutorService senders = Executors.newFixedThreadPool(CONCURRENCY);
        try (Switchboard switchboard = wiring.build(sandbox)) {
            List<CompletableFuture<Void>> all = new ArrayList<>(REQUESTS);
            for (int i = 0; i < REQUESTS; i++) {
                int index = i;
                all.add(CompletableFuture.runAsync(() -> {
                    RoutingPolicy policy = faults.policyFor(index);
                    deliveries[index] = switchboard.messages().send(request(index), policy);
                }, senders));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
            return new WeakReference<>(switchboard);
        } finally {
            senders.shutdownNow();
            senders.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private static MessageRequest request(int index) {
        return MessageRequest.sms(DESTINATIONS.get(index % DESTINATIONS.size()), POOL, "load " + index);
    }

    private static void assertEveryRequestEndedKnown(Delivery[] deliveries) {
        for (int i = 0; i < deliveries.length; i++) {
            Delivery d = deliveries[i];
            assertThat(d).as("request %d has a delivery", i).isNotNull();
            if (d instanceof Delivery.NotSent notSent) {
                assertThat(notSent.failure().kind()).as("request %d: a reason", i).isNotNull();
                assertThat(notSent.failure().outcomeKnown()).isTrue();
            }
            if (d instanceof Delivery.OutcomeUnknown unknown) {
                assertThat(unknown.attempts()).as("request %d: where it became unknown", i)
                        .anyMatch(a -> a.account().equals(unknown.account()) && a.calledVendor());
            }
        }
    }

    /** Sent: exactly once, on the account that said so, under its id. Not sent: nowhere. Unknown: at most once. */
    private static void assertLedger(Delivery[] deliveries, EmbeddedSandbox sandbox) {
        Map<String, List<LedgerEntry>> byText = sandbox.ledger().messages().stream()
                .collect(Collectors.groupingBy(LedgerEntry::text));
        for (int i = 0; i < deliveries.length; i++) {
            List<LedgerEntry> entries = byText.getOrDefault("load " + i, List.of());
            Delivery d = deliveries[i];
            if (d instanceof Delivery.Sent sent) {
                assertThat(entries).as("request %d was sent: accepted once, by %s", i, sent.account()).hasSize(1);
                assertThat(entries.get(0).vendor()).isEqualTo(sent.account().vendor().name());
                assertThat(entries.get(0).id()).isEqualTo(sent.vendorId());
            } else if (d instanceof Delivery.NotSent) {
                assertThat(entries).as("request %d was not sent: accepted nowhere (%s)", i, d).isEmpty();
            } else {
                AccountId at = ((Delivery.OutcomeUnknown) d).account();
                assertThat(entries).as("request %d: unknown outcome, accepted at most once", i).hasSizeLessThan(2);
                entries.forEach(e -> assertThat(e.vendor()).isEqualTo(at.vendor().name()));
            }
        }
    }

    /** Authentication and funds failures open a breaker at once; after the cooldown probes close it again. */
    private static void assertBreakers(Report report) {
        assertThat(report.transitions()).as("breaker transitions").containsKeys("closed->open", "open->half_open",
                "half_open->closed");
    }

    /**
     * The budgets were binding (some attempts skipped for them), and no emulator ever counted more than the budget in
     * a window, nor answered a 429 of its own (scripted 429s say so in their words).
     */
    private static void assertBudgets(Report report, Delivery[] deliveries) {
        assertThat(report.denials()).as("client-side denials: the budget was reached").isPositive();
        BUDGETS.forEach((account, budget) -> assertThat(report.maxInWindow().get(account.vendor().name()))
                .as("%s: requests in any %s at the emulator", account, CHECK_WINDOW)
                .isLessThanOrEqualTo(budget.permits()));
        for (Delivery d : deliveries) {
            for (Attempt a : d.attempts()) {
                a.failure().filter(f -> f.kind() == FailureKind.RATE_LIMITED && a.calledVendor()).ifPresent(f ->
                        assertThat(f.message()).as("a 429 the client caused").contains(VendorFaults.SCRIPTED_429));
            }
        }
    }

    private static void assertNoLeak(ResourceProbe before, WeakReference<Switchboard> facade) {
        assertThat(ResourceProbe.within(10_000, () -> before.newThreads().isEmpty()))
                .as("threads left after close: %s", before.newThreads()).isTrue();
        if (before.sockets() >= 0) {
            assertThat(ResourceProbe.within(10_000, () -> ResourceProbe.openSockets() <= before.sockets()))
                    .as("sockets open after close: %d, before: %d", ResourceProbe.openSockets(), before.sockets())
                    .isTrue();
        }
        assertThat(ResourceProbe.within(10_000, () -> {
            System.gc();
            return facade.get() == null;
        })).as("the closed facade is still reachable").isTrue();
    }

    /** What the run measured, printed for the record. */
    record Report(Duration took, Map<String, Long> outcomes, Map<FailureKind, Long> notSentReasons,
            Map<String, Double> transitions, double denials, Map<String, Integer> maxInWindow, long arrivals,
            long faulted) {

        static Report of(Delivery[] deliveries, Duration took, SimpleMeterRegistry registry, ArrivalLog arrivals,
                LoadFaults faults) {
            Map<String, Long> outcomes = new TreeMap<>();
            Map<FailureKind, Long> reasons = new EnumMap<>(FailureKind.class);
            for (Delivery d : deliveries) {
                outcomes.merge(d == null ? "missing" : d.getClass().getSimpleName(), 1L, Long::sum);
                if (d instanceof Delivery.NotSent notSent) {
                    reasons.merge(notSent.failure().kind(), 1L, Long::sum);
                }
            }
            Map<String, Double> transitions = new TreeMap<>();
            for (Counter c : registry.find(MetricNames.BREAKER_TRANSITIONS).counters()) {
                transitions.merge(c.getId().getTag(MetricNames.TAG_FROM_STATE) + "->"
                        + c.getId().getTag(MetricNames.TAG_TO_STATE), c.count(), Double::sum);
            }
            double denials = registry.find(MetricNames.RATE_LIMIT_DENIALS).counters().stream()
                    .mapToDouble(Counter::count).sum();
            return new Report(took, outcomes, reasons, transitions, denials, arrivals.maxInWindow(),
                    faults.arrivals(), faults.faulted());
        }

        /** Attempts by account, outcome and failure kind. */
        Map<String, Long> attempts(Delivery[] deliveries) {
            Map<String, Long> counts = new TreeMap<>();
            for (Delivery d : deliveries) {
                for (Attempt a : d.attempts()) {
                    counts.merge(a.account().vendor().name() + " " + a.outcome()
                            + a.failure().map(f -> " " + f.kind()).orElse(""), 1L, Long::sum);
                }
            }
            return counts;
        }

        @Override
        public String toString() {
            return String.format("load: %d requests in %d ms (%.0f/s); outcomes %s; not sent by reason %s; breaker "
                    + "transitions %s; client-side denials %.0f; max arrivals per %s at each emulator %s (budgets %s); "
                    + "sends at the emulators %d, of which faulted %d", REQUESTS, took.toMillis(),
                    REQUESTS * 1000.0 / Math.max(1, took.toMillis()), outcomes, notSentReasons, transitions, denials,
                    CHECK_WINDOW, maxInWindow, new TreeMap<>(BUDGETS), arrivals, faulted);
        }
    }

    /** Counts arrivals at each emulator's send path with a recording clock on a rate limiter that never refuses. */
    static final class ArrivalLog {
        private final Map<String, RecordingClock> clocks;
        private final Duration window;

        private ArrivalLog(Map<String, RecordingClock> clocks, Duration window) {
            this.clocks = clocks;
            this.window = window;
        }

        static ArrivalLog install(EmbeddedSandbox sandbox, Duration window) {
            Map<String, RecordingClock> clocks = new TreeMap<>();
            for (AccountId account : MatrixCell.ACCOUNTS) {
                RecordingClock clock = new RecordingClock();
                clocks.put(account.vendor().name(), clock);
                VendorFaults.emulator(sandbox, account).rateLimit(
                        Match.of("POST", VendorFaults.path(account, VendorFaults.Operation.SEND_MESSAGE)),
                        RateLimiter.slidingWindow(Integer.MAX_VALUE, window, clock));
            }
            return new ArrivalLog(clocks, window);
        }

        /** Per vendor, the most arrivals in any window (the window ending at each arrival). */
        Map<String, Integer> maxInWindow() {
            Map<String, Integer> max = new TreeMap<>();
            clocks.forEach((vendor, clock) -> max.put(vendor, clock.maxIn(window.toMillis())));
            return max;
        }
    }
}
