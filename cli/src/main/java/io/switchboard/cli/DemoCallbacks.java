package io.switchboard.cli;

import com.sun.net.httpserver.HttpServer;
import io.switchboard.CallbackHttpHandler;
import io.switchboard.Switchboard;
import io.switchboard.application.Delivery;
import io.switchboard.application.lifecycle.DeliveryRecord;
import io.switchboard.domain.AccountId;
import io.switchboard.sandbox.VendorEmulator;
import io.switchboard.sandbox.callbacks.Outcome;
import io.switchboard.testing.EmbeddedSandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The demo's status callbacks: a receiver on the JDK's HTTP server on a loopback port, which the emulators call with
 * their signed callbacks, and carrier filtering scripted on one provider for one country (its sends there end
 * undelivered with the vendor's filtering code, which the re-send policy sends again through another provider).
 */
final class DemoCallbacks implements AutoCloseable {

    /** How long the demo waits for the last callbacks and re-sends before it reports what it has. */
    static final Duration SETTLE = Duration.ofSeconds(60);

    private final HttpServer server;
    private final URI origin;

    DemoCallbacks() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("the demo's callback receiver could not listen on loopback", e);
        }
        server.start();
        origin = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Where the library's callback URLs point. */
    URI baseUrl() {
        return URI.create(origin + "/callbacks");
    }

    /** Starts answering callbacks for {@code switchboard}. */
    void mount(Switchboard switchboard) {
        server.createContext("/callbacks", new CallbackHttpHandler(switchboard.deliveries(), origin));
    }

    /** The vendor's carrier-filtering code, which its error reference classes as a route failure. */
    static String filteringCode(AccountId account) {
        return switch (account.vendor().name()) {
            case "twilio" -> "30007";
            case "plivo" -> "30";
            default -> "40002";
        };
    }

    /**
     * Makes {@code account}'s emulator answer every send to {@code callingCode} with carrier filtering, and every
     * emulator hold its callbacks until {@link #settle} releases them after the batch: the sends then meet the
     * outage exactly as without callbacks, and the report is the same on every run with the same seed.
     */
    static void filter(EmbeddedSandbox sandbox, AccountId account, int callingCode) {
        for (VendorEmulator e : List.of(sandbox.twilio(), sandbox.plivo(), sandbox.telnyx())) {
            for (int digit = 1; digit <= 9; digit++) { // every country code
                e.callbacks().outcomes().set("+" + digit, Outcome.delivered().heldUntilReleased());
            }
        }
        emulator(sandbox, account).callbacks().outcomes().set("+" + callingCode,
                Outcome.undelivered(filteringCode(account)).heldUntilReleased());
    }

    static VendorEmulator emulator(EmbeddedSandbox sandbox, AccountId account) {
        return switch (account.vendor().name()) {
            case "twilio" -> sandbox.twilio();
            case "plivo" -> sandbox.plivo();
            default -> sandbox.telnyx();
        };
    }

    /**
     * Waits until every sent message's record has a final status (its callbacks, and those of any re-send, came),
     * at most {@link #SETTLE}, and answers the records by message index.
     */
    static Map<Integer, DeliveryRecord> settle(EmbeddedSandbox sandbox, Switchboard switchboard,
            AtomicReferenceArray<Delivery> deliveries) throws InterruptedException {
        long end = System.nanoTime() + SETTLE.toNanos();
        Map<Integer, DeliveryRecord> records = new HashMap<>();
        while (true) {
            for (VendorEmulator e : List.of(sandbox.twilio(), sandbox.plivo(), sandbox.telnyx())) {
                e.callbacks().release(); // the batch's, then the re-sends'
                e.callbacks().awaitIdle(Duration.ofMillis(Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            }
            records.clear();
            boolean settled = true;
            for (int i = 0; i < deliveries.length(); i++) {
                if (deliveries.get(i) instanceof Delivery.Sent sent) {
                    Optional<DeliveryRecord> record = switchboard.deliveries().byVendorId(sent.account(),
                            sent.vendorId());
                    record.ifPresent(r -> records.put(deliveries.length() == 0 ? 0 : indexOf(deliveries, sent), r));
                    settled &= record.map(DeliveryRecord::isFinal).orElse(false);
                }
            }
            if (settled || System.nanoTime() > end) {
                return records;
            }
            Thread.sleep(20);
        }
    }

    private static int indexOf(AtomicReferenceArray<Delivery> deliveries, Delivery delivery) {
        for (int i = 0; i < deliveries.length(); i++) {
            if (deliveries.get(i) == delivery) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
