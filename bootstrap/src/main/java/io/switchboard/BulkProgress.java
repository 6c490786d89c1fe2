package io.switchboard;

import io.switchboard.application.Delivery;

/** Told of each delivery of a bulk send as it completes; called from the sending threads, so it must be thread-safe. */
@FunctionalInterface
public interface BulkProgress {

    BulkProgress NONE = (index, delivery) -> { };

    /** {@code index} is the request's position in the input, from 0. */
    void completed(long index, Delivery delivery);
}
