package io.switchboard.demo.fleet;

import io.switchboard.Switchboard;
import io.switchboard.application.Delivery;
import io.switchboard.config.ConfigLoader;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.testing.EmbeddedSandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One instance of an application embedding Switchboard, run as its own JVM by the fleet tests: it loads a
 * configuration file (accounts on the test's emulators, state on the test's PostgreSQL and Redis), sends the messages
 * with references {@code <prefix>-<from>} to {@code <prefix>-<to - 1>}, each to its own number, and sends again those
 * answered "being routed by another request right now" until every reference has an answer. Prints one line per
 * reference ({@code <reference> <sent|not_sent|unknown> <account>}) and a last line {@code done} with the counts.
 *
 * <p>Arguments: config file, reference prefix, from, to, concurrency, and optionally {@code recover}: first run one
 * read-back ({@code deliveries().reconcile()}), which resolves the references an instance that stopped left
 * claimed, and print {@code reconciled sent=<n> not_sent=<n> undecided=<n>}.
 */
public final class FleetInstance {

    private FleetInstance() {
    }

    public static void main(String[] args) throws Exception {
        Path config = Path.of(args[0]);
        String prefix = args[1];
        int from = Integer.parseInt(args[2]);
        int to = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger notSent = new AtomicInteger();
        AtomicInteger unknown = new AtomicInteger();
        boolean recover = args.length > 5 && args[5].equals("recover");
        try (Switchboard switchboard = Switchboard.builder()
                .configuration(ConfigLoader.fromSystemEnvironment().load(config)).build()) {
            if (recover) {
                var summary = switchboard.deliveries().reconcile();
                System.out.println("reconciled sent=" + summary.resolvedSent() + " not_sent=" + summary.resolvedNotSent()
                        + " undecided=" + summary.failed());
            }
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            List<Future<?>> work = new ArrayList<>();
            for (int i = from; i < to; i++) {
                int n = i;
                work.add(pool.submit(() -> {
                    Delivery delivery = sendUntilAnswered(switchboard, prefix, n);
                    String line;
                    if (delivery instanceof Delivery.Sent s) {
                        sent.incrementAndGet();
                        line = "sent " + s.account();
                    } else if (delivery instanceof Delivery.OutcomeUnknown u) {
                        unknown.incrementAndGet();
                        line = "unknown " + u.account();
                    } else {
                        notSent.incrementAndGet();
                        line = "not_sent -";
                    }
                    synchronized (System.out) {
                        System.out.println(prefix + "-" + n + " " + line);
                        System.out.flush();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
        }
        System.out.println("done sent=" + sent + " not_sent=" + notSent + " unknown=" + unknown);
        System.out.flush();
    }

    /** The number reference {@code n} goes to: one per reference, in a fictional UK range. */
    public static String number(int n) {
        return String.format("+4477009%05d", n % 100_000);
    }

    private static Delivery sendUntilAnswered(Switchboard switchboard, String prefix, int n) {
        MessageRequest request = MessageRequest.sms(PhoneNumber.parse(number(n)), new SenderPool(EmbeddedSandbox.POOL),
                "fleet " + prefix + " " + n).withClientReference(prefix + "-" + n);
        int transientFailures = 0;
        while (true) {
            Delivery delivery = switchboard.messages().send(request);
            if (!(delivery instanceof Delivery.NotSent notSent)) {
                return delivery;
            }
            boolean inFlight = notSent.failure().message().contains("is being routed by another request");
            boolean temporary = notSent.failure().kind() == FailureKind.UNAVAILABLE
                    || notSent.failure().kind() == FailureKind.RATE_LIMITED;
            // Not sent for a while (every account out, another instance holding the claim): the application asks
            // again, as a queue consumer would; anything else is its answer.
            if (!inFlight && !(temporary && ++transientFailures <= 20)) {
                return delivery;
            }
            try {
                Thread.sleep(50); // another instance holds the claim: ask again until it has an answer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return delivery;
            }
        }
    }
}
