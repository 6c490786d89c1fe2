package io.switchboard.application;

import io.switchboard.domain.Failure;
import io.switchboard.domain.message.MessageRequest;

import java.util.Optional;

/**
 * What the router tells the rest of a message's life (the delivery records of
 * {@code io.switchboard.application.lifecycle.Lifecycle}), and the one question it asks first. Implementations are
 * thread-safe and fast: the router calls them on the sending thread.
 */
public interface DeliveryHooks {

    /** Why this message must not be sent at all (its recipient opted out), or empty to route it. */
    Optional<Failure> refusal(MessageRequest request);

    /**
     * A message is about to be routed: answers the key of its record, which its callback URLs carry. For a message
     * with a client reference this comes before the reference is claimed, so it also comes for a request that the
     * ledger then answers with an earlier send or refuses as in flight; the record of an earlier routing is then left
     * as it is (only a record whose routing sent nothing starts routing again).
     */
    String opened(MessageRequest request);

    /** Routing of the record {@code key} ended with {@code delivery}. */
    void routed(String key, Delivery delivery);
}
