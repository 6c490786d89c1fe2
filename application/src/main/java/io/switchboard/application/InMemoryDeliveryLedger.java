package io.switchboard.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.switchboard.domain.Checks;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/** A ledger for one instance: references are kept for a retention period (a day by default), then forgotten. */
public final class InMemoryDeliveryLedger implements DeliveryLedger {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(1);

    /** A reserved reference holds an empty slot until its delivery is recorded. */
    private record Slot(Delivery delivery) {
    }

    private static final Slot IN_FLIGHT = new Slot(null);

    private final ConcurrentMap<String, Slot> slots;

    public InMemoryDeliveryLedger(Duration retention, Clock clock) {
        BreakerSettings.positive(retention, "retention");
        Checks.required(clock, "clock");
        Cache<String, Slot> cache = Caffeine.newBuilder()
                .expireAfterWrite(retention)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build();
        this.slots = cache.asMap();
    }

    public InMemoryDeliveryLedger() {
        this(DEFAULT_RETENTION, Clock.systemUTC());
    }

    @Override
    public Claim claim(String reference) {
        Checks.notBlank(reference, "clientReference");
        Slot existing = slots.putIfAbsent(reference, IN_FLIGHT);
        if (existing == null) {
            return new Claim.Granted();
        }
        return existing.delivery() == null ? new Claim.InFlight() : new Claim.Done(existing.delivery());
    }

    @Override
    public void complete(String reference, Delivery delivery) {
        Checks.notBlank(reference, "clientReference");
        Checks.required(delivery, "delivery");
        if (delivery instanceof Delivery.NotSent) {
            slots.remove(reference, IN_FLIGHT);
        } else {
            slots.put(reference, new Slot(delivery));
        }
    }

    @Override
    public void resolve(String reference, Delivery delivery) {
        Checks.notBlank(reference, "clientReference");
        Checks.required(delivery, "delivery");
        slots.computeIfPresent(reference, (ref, slot) -> {
            if (!(slot.delivery() instanceof Delivery.OutcomeUnknown)) {
                return slot;
            }
            return delivery instanceof Delivery.NotSent ? null : new Slot(delivery);
        });
    }
}
