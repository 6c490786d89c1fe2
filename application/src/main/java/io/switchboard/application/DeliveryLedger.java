package io.switchboard.application;

import io.switchboard.domain.Checks;

import java.util.List;

/**
 * Remembers which client reference was accepted where, so that a retry of the same request (from this or any other
 * instance) sends nothing and gets the earlier {@link Delivery}. In memory now ({@link InMemoryDeliveryLedger}); a
 * shared store can implement it for a fleet. Implementations must make {@link #claim} atomic.
 */
public interface DeliveryLedger {

    /** Reserves {@code reference} for one request, or says who has it. */
    Claim claim(String reference);

    /**
     * Records the end of a claimed request. A {@link Delivery.Sent} or {@link Delivery.OutcomeUnknown} is kept (the
     * message may exist); a {@link Delivery.NotSent} frees the reference, since nothing was accepted.
     */
    void complete(String reference, Delivery delivery);

    /**
     * Replaces an {@link Delivery.OutcomeUnknown} kept for {@code reference} with what reading the vendor back found:
     * a {@link Delivery.Sent} is kept, a {@link Delivery.NotSent} frees the reference (nothing was accepted). Does
     * nothing when the reference holds anything else.
     */
    void resolve(String reference, Delivery delivery);

    /**
     * References whose claim ended without an outcome, oldest claim first, at most {@code limit}: the claim's lease ran
     * out while it was in flight, because the instance routing it stopped (a crash, a kill). Each reads as outcome
     * unknown until {@link #resolve} replaces it; read-back looks for what became of them. A ledger without leases
     * (the in-memory one: its claims end with its process) has none.
     */
    default List<String> abandoned(int limit) {
        return List.of();
    }

    /** The answer to {@link #claim}. */
    sealed interface Claim permits Claim.Granted, Claim.Done, Claim.InFlight {

        /** The reference is now reserved for the caller, which must {@link #complete} it. */
        record Granted() implements Claim {
        }

        /** An earlier request with this reference ended like this: send nothing, return it. */
        record Done(Delivery earlier) implements Claim {
            public Done {
                Checks.required(earlier, "earlier");
            }
        }

        /** Another request with this reference is being routed right now. */
        record InFlight() implements Claim {
        }
    }
}
