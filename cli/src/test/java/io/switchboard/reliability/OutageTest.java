package io.switchboard.reliability;

import io.switchboard.BulkSummary;
import io.switchboard.Switchboard;
import io.switchboard.application.Delivery;
import io.switchboard.application.MetricNames;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.sandbox.LedgerEntry;
import io.switchboard.sandbox.VendorEmulator;
import io.switchboard.testing.EmbeddedSandbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short outage slows a batch down instead of failing it. A 300-message batch, 8 in flight, meets a crash of all
 * three vendors a third of the way through: their ports refuse connections and the connections in flight are dropped
 * until every sender in flight has been turned away twice (the router's waits meter), then they serve again (their ledgers survive, as a vendor's records survive its front end's crash). The
 * requests whose candidates are all out for a while (refused, breaker open) wait for the earliest to come back within
 * their deadline instead of ending "not sent". Compared with the emulators' own ledgers: at least 95% sent, none
 * accepted twice, every reported send accepted exactly once.
 */
class OutageTest {

    private static final int MESSAGES = 300;
    private static final int IN_FLIGHT = 8;
    /** A bound on the outage, should the senders never all be turned away: then the test fails, it does not hang. */
    private static final Duration AT_MOST = Duration.ofSeconds(30);

    @Test
    void aBatchMeetingACrashOfEveryVendorEndsAtLeast95PercentSentAndNoneTwice() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (EmbeddedSandbox sandbox = SandboxFacade.sandbox(17, 8);
             Switchboard switchboard = new SandboxFacade().readTimeout(Duration.ofSeconds(5))
                     .callTimeout(Duration.ofSeconds(10)).builder(sandbox).meterRegistry(registry).build()) {
            List<VendorEmulator> vendors = List.of(sandbox.twilio(), sandbox.plivo(), sandbox.telnyx());
            SenderPool pool = new SenderPool(EmbeddedSandbox.POOL);
            List<MessageRequest> batch = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                PhoneNumber to = PhoneNumber.parse(i % 2 == 0 ? "+12025550199" : "+447700900001");
                batch.add(MessageRequest.sms(to, pool, "outage-" + i));
            }
            AtomicInteger completed = new AtomicInteger();
            CountDownLatch restored = new CountDownLatch(1);
            Map<Long, Delivery> deliveries = new ConcurrentHashMap<>();
            AtomicLong outageMillis = new AtomicLong();
            Thread crash = new Thread(() -> {
                double before = waits(registry);
                long start = System.nanoTime();
                vendors.forEach(VendorEmulator::down);
                try {
                    // Down until every sender in flight has been turned away twice, on its first pass and again
                    // after its first wait: an outage that outlasts the retry pause, whatever the machine's speed.
                    awaitCondition(() -> waits(registry) - before >= 2 * IN_FLIGHT, AT_MOST);
                } finally {
                    vendors.forEach(VendorEmulator::up);
                    outageMillis.set(Duration.ofNanos(System.nanoTime() - start).toMillis());
                    restored.countDown();
                }
            }, "outage");

            BulkSummary summary = switchboard.messages().sendAll(batch, IN_FLIGHT, (index, delivery) -> {
                deliveries.put(index, delivery);
                if (completed.incrementAndGet() == MESSAGES / 3) {
                    crash.start();
                }
            });
            restored.await();
            assertThat(waits(registry)).as("requests that waited out the outage")
                    .isGreaterThanOrEqualTo(2 * IN_FLIGHT);

            assertThat(summary.requests()).isEqualTo(MESSAGES);
            List<LedgerEntry> accepted = sandbox.ledger().entries().stream()
                    .filter(e -> e.kind() == LedgerEntry.Kind.MESSAGE).toList();
            Map<String, Long> perText = accepted.stream()
                    .collect(Collectors.groupingBy(LedgerEntry::text, Collectors.counting()));
            assertThat(perText.values()).as("no message accepted twice").allMatch(n -> n == 1);
            Set<String> acceptedIds = accepted.stream().map(LedgerEntry::id).collect(Collectors.toSet());
            List<Delivery.Sent> sent = deliveries.values().stream().filter(Delivery.Sent.class::isInstance)
                    .map(Delivery.Sent.class::cast).toList();
            assertThat(sent).extracting(Delivery.Sent::vendorId).as("every reported send is in a vendor's ledger")
                    .allMatch(acceptedIds::contains);
            assertThat(accepted.size()).as("accepted: the sent, and at most the unknown")
                    .isBetween(sent.size(), sent.size() + (int) summary.outcomeUnknown());
            Map<String, Long> notSentWhy = deliveries.values().stream()
                    .filter(d -> !(d instanceof Delivery.Sent)).collect(Collectors.groupingBy(
                            d -> d.getClass().getSimpleName(), Collectors.counting()));
            System.out.printf("OutageTest: outage of %d ms; %d sent, %d not sent, %d unknown of %d; the emulators"
                    + " accepted %d%n", outageMillis.get(), summary.sent(), summary.notSent(), summary.outcomeUnknown(),
                    MESSAGES, accepted.size());
            assertThat(summary.sent()).as("sent of %d; the rest: %s", MESSAGES, notSentWhy)
                    .isGreaterThanOrEqualTo(MESSAGES * 95L / 100);
        }
    }

    /** The routing waits counted so far, over every country. */
    private static double waits(SimpleMeterRegistry registry) {
        return registry.find(MetricNames.WAITS).counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Returns once {@code condition} holds, checking every few milliseconds; fails after {@code atMost}. */
    private static void awaitCondition(BooleanSupplier condition, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + atMost);
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
