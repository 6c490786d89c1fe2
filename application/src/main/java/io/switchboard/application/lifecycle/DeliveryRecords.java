package io.switchboard.application.lifecycle;

import io.switchboard.domain.AccountId;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where delivery records live. In memory for one instance ({@link InMemoryDeliveryRecords}); a shared store serves a
 * fleet. Implementations make {@link #update} atomic per key and keep the vendor-id index in step with it.
 */
public interface DeliveryRecords {

    /** Stores a new record; false when one with its key exists (which is kept). */
    boolean insert(DeliveryRecord record);

    Optional<DeliveryRecord> get(String key);

    /** The key of the record one of whose sends has this vendor id on this account. */
    Optional<String> keyOf(AccountId account, String vendorId);

    /**
     * Replaces the record under {@code key} with {@code change} applied to it, atomically: concurrent updates of one
     * key see each other's results. Empty when there is no such record. A store may run {@code change} more than once
     * (on a version it remembers, then on the one it finds changed); the result of its last run is what is stored.
     */
    Optional<DeliveryRecord> update(String key, UnaryOperator<DeliveryRecord> change);

    /** Records matching {@code query}, newest first, at most its limit. */
    List<DeliveryRecord> list(RecordQuery query);

    /** True the first time an event id is seen, false for a replay of it. */
    boolean firstSight(String eventId);
}
