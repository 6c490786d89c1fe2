package io.switchboard.application;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Failure;
import io.switchboard.domain.FailureKind;
import io.switchboard.domain.SwitchboardException;
import io.switchboard.domain.pricing.Product;
import io.switchboard.domain.pricing.RateDeck;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * The vendor prices of one account, product and country in a {@link PriceBook}: its deck, its last failure and
 * back-off, and its load in flight (one at a time, shared by every caller). Lookups read a published snapshot without
 * the lock until a load may be due; the book's settings, executor and clock are its own.
 */
final class PriceSlot {

    /** One account, product and country. */
    record Key(AccountId account, Product product, String country) {
    }

    /** What a lookup may read of one key: the deck (when loaded and not expired) and the last failure. */
    record Snapshot(RateDeck deck, Failure failure, boolean loading) {
    }

    private final Key key;
    private final PriceBook book;
    private RateDeck deck;
    private Instant loadedAt;
    private Failure failure;
    private Instant failingSince;
    private Duration backoff;
    private Instant retryAt;
    private CompletableFuture<Void> loading;
    private Instant firstLoadStarted;
    private boolean attempted;
    /** What lookups see, without the lock, until {@link #quietUntil}: the time a load may become due. */
    private volatile Snapshot published;
    private volatile Instant quietUntil;

    PriceSlot(Key key, PriceBook book) {
        this.key = key;
        this.book = book;
    }

    /** The current state; starts a background load when one is due (missing or stale deck, no back-off). */
    Snapshot observe(Instant now) {
        Instant quiet = quietUntil;
        if (quiet != null && now.isBefore(quiet)) {
            return published; // the send path's common case: a loaded deck (or a backed-off failure), no lock
        }
        CompletableFuture<Void> started;
        Snapshot snapshot;
        synchronized (this) {
            started = startIfDue(now);
            boolean fresh = deck != null && now.isBefore(loadedAt.plus(book.expireAfter));
            snapshot = new Snapshot(fresh ? deck : null, failure, loading != null);
        }
        submit(started);
        return snapshot;
    }

    /** The load to wait for, when this key was never loaded; null when there is none to wait for. */
    CompletableFuture<Void> firstLoad(Instant now, Duration[] remaining) {
        CompletableFuture<Void> started;
        CompletableFuture<Void> wait;
        synchronized (this) {
            if (attempted || deck != null) {
                return null;
            }
            started = startIfDue(now);
            wait = loading;
            if (wait != null) {
                Duration left = Duration.between(now, firstLoadStarted.plus(book.loadTimeout));
                if (left.isNegative() || left.isZero()) {
                    wait = null; // this key was waited for once, up to the load timeout: not again
                } else if (left.compareTo(remaining[0]) > 0) {
                    remaining[0] = left;
                }
            }
        }
        submit(started);
        return wait;
    }

    /** Starts a load when one is due: the deck is missing or stale, none is in flight and no back-off holds. */
    CompletableFuture<Void> startIfDue(Instant now) {
        if (loading != null) {
            return null;
        }
        if (retryAt != null && now.isBefore(retryAt)) {
            return null;
        }
        PriceBook.Down accountDown = book.accountDown(key.account());
        if (accountDown != null && now.isBefore(accountDown.until())) {
            if (failure == null && deck == null) {
                failure = accountDown.failure();
                failingSince = now;
                retryAt = accountDown.until();
            }
            return null;
        }
        if (deck != null && now.isBefore(loadedAt.plus(book.refreshAfter))) {
            return null;
        }
        loading = new CompletableFuture<>();
        if (firstLoadStarted == null) {
            firstLoadStarted = now;
        }
        return loading;
    }

    /** Starts a load when one is due, for a warm-up; answers the load in flight, if any, to wait for. */
    Optional<CompletableFuture<Void>> warmUp(Instant now) {
        CompletableFuture<Void> started;
        CompletableFuture<Void> inFlight;
        synchronized (this) {
            started = startIfDue(now);
            inFlight = loading;
        }
        submit(started);
        return Optional.ofNullable(inFlight);
    }

    void submit(CompletableFuture<Void> started) {
        if (started == null) {
            return;
        }
        try {
            book.executor.execute(this::load);
        } catch (RejectedExecutionException e) {
            finish(null, Failure.of(FailureKind.UNAVAILABLE, "pricing loads are no longer accepted (closed)")
                    .withAccount(key.account()));
        }
    }

    void load() {
        RateDeck loaded = null;
        Failure failed = null;
        try {
            loaded = RateDeck.of(book.pricingPort(key.account()).rates(key.country(), key.product()));
        } catch (SwitchboardException e) {
            failed = e.failure().withAccount(key.account());
        } catch (RuntimeException e) {
            failed = Failure.of(FailureKind.UNAVAILABLE, "pricing of " + key.product() + " for " + key.country()
                    + " failed: " + e.getClass().getSimpleName()).withAccount(key.account());
        }
        finish(loaded, failed);
    }

    void finish(RateDeck loaded, Failure failed) {
        Instant now = book.clock.instant();
        CompletableFuture<Void> done;
        Duration wait = null;
        synchronized (this) {
            attempted = true;
            done = loading;
            loading = null;
            if (failed == null) {
                deck = loaded;
                loadedAt = now;
                failure = null;
                failingSince = null;
                backoff = null;
                retryAt = null;
                published = new Snapshot(deck, null, false);
                quietUntil = loadedAt.plus(book.refreshAfter);
            } else {
                if (failure == null) {
                    failingSince = now;
                }
                failure = failed;
                backoff = backoff == null ? book.retryInitial
                        : PriceBook.min(backoff.multipliedBy(2), book.retryMax);
                retryAt = now.plus(backoff);
                wait = backoff;
                boolean fresh = deck != null && now.isBefore(loadedAt.plus(book.expireAfter));
                Instant quiet = fresh ? PriceBook.min(retryAt, loadedAt.plus(book.expireAfter)) : retryAt;
                published = new Snapshot(fresh ? deck : null, failure, false);
                quietUntil = quiet;
            }
        }
        if (failed == null) {
            book.recovered(key.account());
        } else {
            book.failed(key, failed, now, wait);
        }
        if (done != null) {
            done.complete(null);
        }
    }

    synchronized Optional<PricingFailure> failure() {
        return failure == null ? Optional.empty() : Optional.of(new PricingFailure(key.account(), key.product(),
                key.country(), failure, failingSince, retryAt));
    }
}
