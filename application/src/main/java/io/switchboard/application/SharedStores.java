package io.switchboard.application;

import io.switchboard.domain.ErrorText;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.message.MessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The router's calls into the stores a fleet shares (the idempotency ledger, and through {@link DeliveryHooks} the
 * opt-out list and the delivery records), each failure a defined state: an unreachable ledger or opt-out list sends
 * nothing and says why; a record store that fails costs the record, not the send; an outcome the ledger could not
 * record is kept and recorded once it answers again. Warnings at most once per kind every {@link #WARN_EVERY}.
 */
final class SharedStores {

    private static final Logger LOG = LoggerFactory.getLogger(SharedStores.class);
    private static final Duration WARN_EVERY = Duration.ofSeconds(30);
    /** The most outcomes kept while the ledger is away; past it a claim reads as outcome unknown after its lease. */
    static final int MAX_UNRECORDED = 100_000;

    private final DeliveryLedger ledger;
    private final DeliveryHooks hooks;
    private final Queue<Map.Entry<String, Delivery>> unrecorded = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unrecordedCount = new AtomicInteger();
    private final ConcurrentMap<String, Long> lastWarned = new ConcurrentHashMap<>();

    /** @param hooks null when the router has none */
    SharedStores(DeliveryLedger ledger, DeliveryHooks hooks) {
        this.ledger = ledger;
        this.hooks = hooks;
    }

    /** A claim, or why the ledger could not be asked. */
    record Claimed(DeliveryLedger.Claim claim, Failure unreachable) {
    }

    /** Why the message must not be sent (opted out, or the list unreachable: sending then is worse than not). */
    Optional<Failure> refusal(MessageRequest request) {
        if (hooks == null) {
            return Optional.empty();
        }
        try {
            return hooks.refusal(request);
        } catch (RuntimeException e) {
            return Optional.of(storeDown("the opt-out list", e));
        }
    }

    /** Claims {@code reference}; a claim that succeeds first records what the ledger missed while it was away. */
    Claimed claim(String reference) {
        try {
            DeliveryLedger.Claim claim = ledger.claim(reference);
            recordUnrecorded();
            return new Claimed(claim, null);
        } catch (RuntimeException e) {
            return new Claimed(null, storeDown("the idempotency ledger", e));
        }
    }

    /**
     * Records the outcome of a claimed reference; when the ledger is away it is kept and recorded later (until then
     * the claim stays in flight, and if this process ends first it reads as outcome unknown after its lease).
     */
    void complete(String reference, Delivery outcome) {
        try {
            ledger.complete(reference, outcome);
        } catch (RuntimeException e) {
            warnRarely("the idempotency ledger could not record an outcome; kept to record later", e);
            if (unrecordedCount.incrementAndGet() > MAX_UNRECORDED) {
                unrecordedCount.decrementAndGet();
                return;
            }
            unrecorded.add(Map.entry(reference, outcome));
        }
    }

    /** Opens the delivery record, or answers null (no record, no callback URL) when its store fails. */
    String opened(MessageRequest message) {
        if (hooks == null) {
            return null;
        }
        try {
            return hooks.opened(message);
        } catch (RuntimeException e) {
            warnRarely("the delivery record store could not open a record; sending without one", e);
            return null;
        }
    }

    void routed(String key, Delivery delivery) {
        if (hooks == null) {
            return;
        }
        try {
            hooks.routed(key, delivery);
        } catch (RuntimeException e) {
            warnRarely("the delivery record store could not record a routing outcome", e);
        }
    }

    /** Records what the ledger missed while it was away; stops at the first failure. */
    private void recordUnrecorded() {
        Map.Entry<String, Delivery> next;
        while ((next = unrecorded.poll()) != null) {
            try {
                ledger.complete(next.getKey(), next.getValue());
                unrecordedCount.decrementAndGet();
            } catch (RuntimeException e) {
                unrecorded.add(next);
                return;
            }
        }
    }

    private Failure storeDown(String what, RuntimeException e) {
        warnRarely(what + " is unreachable; nothing is sent while it is", e);
        String why = e instanceof SwitchboardException se ? se.failure().message() : e.getClass().getSimpleName();
        return Failure.of(FailureKind.UNAVAILABLE, what + " is unreachable (" + ErrorText.oneLine(why)
                + "); nothing was sent");
    }

    private void warnRarely(String what, RuntimeException e) {
        long now = System.nanoTime();
        Long last = lastWarned.get(what);
        if (last == null || now - last >= WARN_EVERY.toNanos()) {
            lastWarned.put(what, now);
            LOG.warn("{}: {}", what, e instanceof SwitchboardException se ? se.failure().message()
                    : e.getClass().getSimpleName());
        }
    }
}
