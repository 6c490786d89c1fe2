package io.switchboard.fleet;

import io.switchboard.Switchboard;
import io.switchboard.application.Delivery;
import io.switchboard.config.ConfigLoader;
import io.switchboard.demo.fleet.FleetInstance;
import io.switchboard.demo.fleet.FleetServers;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.testing.EmbeddedSandbox;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario (d) of the fleet issue: PostgreSQL and Redis stopped in the middle of a run and started again (PostgreSQL
 * on its data). While they are away, sends with a reference end "not sent" with the store's reason and nothing is
 * accepted for them; nothing is ever accepted twice; every request ends sent, not sent with a reason, or unknown;
 * and after the restart the ledger still knows every reference sent before the outage.
 */
class StoreOutageTest {

    private static final int MESSAGES = 240;
    private static final Duration WAIT = Duration.ofSeconds(120);

    private static MessageRequest request(int i) {
        return MessageRequest.sms(PhoneNumber.parse(FleetInstance.number(i)), new SenderPool(EmbeddedSandbox.POOL),
                "fleet outage " + i).withClientReference("outage-" + i);
    }

    private static void await(BooleanSupplier condition, String what) {
        Awaitility.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
    }

    @Test
    void storesStoppedAndRestartedMidRunNeverCauseADuplicate(@TempDir Path dir) throws Exception {
        try (FleetServers fleet = new FleetServers(dir)) {
            Path config = fleet.configuration("instance", Duration.ofMinutes(5), "");
            Files.writeString(config, Files.readString(config).replaceAll("(?m)^(    baseUrl: .*)$",
                    "$1\n    rateLimit: {permits: 100000, period: 1s}"));
            Map<Integer, Delivery> deliveries = new ConcurrentHashMap<>();
            AtomicInteger storeDown = new AtomicInteger();
            try (Switchboard switchboard = Switchboard.builder().configuration(
                    new ConfigLoader(fleet.sandbox.environment()::get).load(config)).build()) {
                Thread sender = new Thread(() -> {
                    for (int i = 0; i < MESSAGES; i++) {
                        Delivery d = switchboard.messages().send(request(i));
                        deliveries.put(i, d);
                        if (d instanceof Delivery.NotSent n && n.failure().message().contains("is unreachable")) {
                            storeDown.incrementAndGet();
                        }
                    }
                }, "sender");
                sender.start();
                await(() -> deliveries.size() >= MESSAGES / 3, "a third sent");
                fleet.stopStores();
                await(() -> storeDown.get() >= 5 || !sender.isAlive(), "sends while the stores are down");
                fleet.startStores();
                sender.join(WAIT.toMillis());
                assertThat(sender.isAlive()).isFalse();

                int sent = 0;
                int refused = 0;
                for (int i = 0; i < MESSAGES; i++) {
                    Delivery d = deliveries.get(i);
                    long accepted = fleet.sandbox.ledger().acceptances(FleetInstance.number(i), "fleet outage " + i);
                    assertThat(accepted).as("outage-%d accepted at most once", i).isLessThanOrEqualTo(1);
                    if (d instanceof Delivery.Sent) {
                        sent++;
                        assertThat(accepted).as("outage-%d reported sent", i).isEqualTo(1);
                    } else if (d instanceof Delivery.NotSent n) {
                        refused++;
                        assertThat(n.failure().message()).as("outage-%d's reason", i).isNotBlank();
                        assertThat(accepted).as("outage-%d reported not sent", i).isZero();
                    } else {
                        assertThat(d).as("outage-%d", i).isInstanceOf(Delivery.OutcomeUnknown.class);
                    }
                }
                assertThat(storeDown.get()).as("sends refused while the stores were down").isGreaterThanOrEqualTo(5);

                // After the restart: every reference again. What was sent is answered from the ledger, not resent;
                // what the outage refused is sent now.
                for (int i = 0; i < MESSAGES; i++) {
                    Delivery again = switchboard.messages().send(request(i));
                    if (deliveries.get(i) instanceof Delivery.Sent first) {
                        // Outcomes the ledger could not record while it was away were kept and recorded since.
                        assertThat(again).as("outage-%d again", i).isInstanceOfSatisfying(Delivery.Sent.class,
                                s -> assertThat(s.vendorId()).isEqualTo(first.vendorId()));
                    }
                    assertThat(fleet.sandbox.ledger().acceptances(FleetInstance.number(i), "fleet outage " + i))
                            .as("outage-%d accepted at most once after the rerun", i).isLessThanOrEqualTo(1);
                    if (again instanceof Delivery.NotSent n) {
                        assertThat(n.failure().kind()).as("outage-%d: %s", i, n.failure())
                                .isNotEqualTo(FailureKind.UNAVAILABLE);
                    }
                }
                System.out.println("StoreOutageTest: " + sent + " sent, " + refused + " not sent (" + storeDown.get()
                        + " because a store was down) of " + MESSAGES);
            }
        }
    }
}
