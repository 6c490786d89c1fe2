package io.switchboard;

import io.switchboard.application.Delivery;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Runs sends over an iterable with a bounded number in flight: the iterator is advanced only when a permit frees,
 * so memory holds at most {@code concurrency} requests whatever the input's size.
 */
final class BulkSender {

    private static final Logger LOG = LoggerFactory.getLogger(BulkSender.class);

    private final Executor executor;
    private final int maxConcurrency;

    BulkSender(Executor executor, int maxConcurrency) {
        this.executor = executor;
        this.maxConcurrency = maxConcurrency;
    }

    <R> BulkSummary run(Iterable<R> requests, int concurrency, BulkProgress progress, Function<R, Delivery> send) {
        Checks.required(requests, "requests");
        Checks.required(progress, "progress");
        Checks.positive(concurrency, "concurrency");
        if (concurrency > maxConcurrency) {
            throw SwitchboardException.invalid("concurrency", "must be at most the facade's maxConcurrency "
                    + maxConcurrency + ", got " + concurrency);
        }
        Semaphore permits = new Semaphore(concurrency);
        AtomicLong sent = new AtomicLong();
        AtomicLong notSent = new AtomicLong();
        AtomicLong unknown = new AtomicLong();
        long index = 0;
        Iterator<R> iterator = requests.iterator();
        try {
            while (iterator.hasNext()) {
                R request = iterator.next();
                long position = index++;
                permits.acquire();
                Runnable task = () -> {
                    try {
                        Delivery delivery = deliver(send, request);
                        (delivery instanceof Delivery.Sent ? sent
                                : delivery instanceof Delivery.OutcomeUnknown ? unknown : notSent).incrementAndGet();
                        try {
                            progress.completed(position, delivery);
                        } catch (RuntimeException e) {
                            // The caller's callback failed: the item is counted; the batch goes on.
                            LOG.warn("bulk send: the progress callback threw {} for request {}",
                                    e.getClass().getName(), position);
                        }
                    } finally {
                        permits.release();
                    }
                };
                try {
                    executor.execute(task);
                } catch (RejectedExecutionException e) {
                    permits.release();
                    throw new SwitchboardException(Failure.of(FailureKind.UNAVAILABLE,
                            "the facade is closed: bulk send stopped after " + position + " requests"), e);
                }
            }
            permits.acquire(concurrency);
            permits.release(concurrency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SwitchboardException(Failure.of(FailureKind.UNAVAILABLE,
                    "bulk send interrupted after " + index + " requests were started"), e);
        }
        return new BulkSummary(index, sent.get(), notSent.get(), unknown.get());
    }

    /**
     * A send whose request itself is invalid ends as not sent for that item, not as an exception for the batch; so
     * does one that failed unexpectedly before anything could be sent (the router answers every failure of a vendor
     * call itself, as a delivery), which is logged on one line.
     */
    private static <R> Delivery deliver(Function<R, Delivery> send, R request) {
        try {
            return send.apply(request);
        } catch (SwitchboardException e) {
            return new Delivery.NotSent(e.failure(), List.of(), Optional.empty());
        } catch (RuntimeException e) {
            LOG.warn("bulk send: a request failed unexpectedly ({})", e.getClass().getName());
            return new Delivery.NotSent(Failure.of(FailureKind.UNAVAILABLE, "unexpected "
                    + e.getClass().getSimpleName() + " while routing"), List.of(), Optional.empty());
        }
    }
}
